import SeleksiCore
import SeleksiStore

/// Builds a round's report from the database, as the parent workflow's `<report>` declares it. Without
/// a declaration the report counts every child, with no funnel, category or quota.
extension Engine {
    public func report(round id: Int64, now: Timestamp = Timestamp(seconds: 0)) throws -> RoundReport {
        try wrap {
            let round = try requireInstance(id)
            let w = try workflow(hash: round.workflowHash)
            let spec = w.report
            var report = RoundReport()
            report.instance = id
            report.title = w.title
            report.organisation = try organisationName(round.org)
            report.state = w.state(round.state)?.label ?? LocalizedText(id: round.state)
            report.madeAt = now
            report.auditRows = try store.auditHead()?.seq ?? 0
            report.categoryTitle = spec?.category?.title
            report.scoreTitle = spec?.score?.title
            report.scoreMaximum = spec?.score?.maximum ?? 100

            let all = try store.children(of: id, states: nil)
            let reported = all.filter { spec == nil || $0.workflowID == spec!.children }
            let childWorkflow =
                try reported.first.map { try workflow(hash: $0.workflowHash) }
                ?? (spec.flatMap { try? currentWorkflow($0.children) })
            report.childTitle = childWorkflow?.title ?? LocalizedText(id: "")
            report.applicants = reported.count
            report.states = stateCounts(reported, childWorkflow)
            report.others = try otherChildren(all.filter { spec != nil && $0.workflowID != spec!.children })

            let moves = try store.childMoves(parent: id)
            let reportedIDs = Set(reported.map(\.id))
            var entered: [Int64: Set<String>] = [:]
            for m in moves where reportedIDs.contains(m.instance) { entered[m.instance, default: []].insert(m.to) }
            for c in reported { entered[c.id, default: []].insert(c.state) }
            let funnel = spec?.funnel ?? []
            report.funnel = funnel.map { stage in
                .init(
                    label: stage.label,
                    count: reported.filter { !entered[$0.id, default: []].isDisjoint(with: stage.states) }.count)
            }

            let facts = try childFacts(reported, spec: spec, parent: id)
            report.distributions = try distributions(facts, reported, spec: spec)
            report.sections = try sections(
                reported, facts: facts, entered: entered, round: round, spec: spec, childWorkflow: childWorkflow)
            report.decisions = try store.childDecisionCounts(parent: id).map {
                RoundReport.DecisionCount(
                    name: $0.name, value: try actorExists($0.value) ? "(pelaku)" : $0.value, count: $0.count,
                    withReason: $0.withReason)
            }
            report.raterScores = try raterScores(round: id, children: reported)
            report.stages = stages(moves.filter { reportedIDs.contains($0.instance) }, childWorkflow)
            report.timeline = try store.auditRecords(instance: id).compactMap { r in
                guard r.outcome == "accepted", let to = r.to, r.from != to else { return nil }
                return .init(
                    state: to, label: w.state(to)?.label ?? LocalizedText(id: to), at: Timestamp(seconds: r.at))
            }
            return report
        }
    }

    private func stateCounts(_ children: [InstanceRecord], _ w: WorkflowDefinition?) -> [RoundReport.StateCount] {
        var counts: [String: Int] = [:]
        for c in children { counts[c.state, default: 0] += 1 }
        let order = (w?.states.map(\.id) ?? []) + counts.keys.sorted()
        var seen: Set<String> = []
        return order.compactMap { s in
            guard seen.insert(s).inserted, let n = counts[s] else { return nil }
            return .init(state: s, label: w?.state(s)?.label ?? LocalizedText(id: s), count: n)
        }
    }

    private func otherChildren(_ children: [InstanceRecord]) throws -> [RoundReport.OtherChildren] {
        let byWorkflow = Dictionary(grouping: children, by: \.workflowID)
        return try byWorkflow.keys.sorted().map { id in
            let list = byWorkflow[id]!
            let w = try workflow(hash: list[0].workflowHash)
            return .init(workflow: id, title: w.title, states: stateCounts(list, w))
        }
    }

    /// What the report reads of each child: its category (value and label) and its score.
    struct ChildFacts {
        var category: [Int64: String] = [:]
        var categoryLabel: [String: String] = [:]
        var score: [Int64: Double] = [:]
    }

    private func childFacts(_ children: [InstanceRecord], spec: ReportDefinition?, parent: Int64) throws -> ChildFacts {
        var facts = ChildFacts()
        guard let spec, spec.category != nil || spec.score != nil else { return facts }
        // The forms the expressions read, the latest version per child, one query per form.
        let expressions = [spec.category?.value, spec.score?.value].compactMap { $0 }
        let formIDs = Set(
            expressions.flatMap(\.paths).compactMap { $0.path.first == "forms" && $0.path.count > 1 ? $0.path[1] : nil }
        )
        var forms: [Int64: [String: Value]] = [:]
        for formID in formIDs {
            var latest: [Int64: SubmissionRecord] = [:]
            for s in try store.childSubmissions(parent: parent, form: formID) where s.kind != .withdraw {
                latest[s.instance] = s
            }
            for (instance, s) in latest {
                forms[instance, default: [:]][formID] = .record(JSONBridge.storedRecord(s.data))
            }
        }
        let reference = try referenceTables()
        for c in children {
            let scope: [String: Value] = [
                "id": .number(Double(c.id)), "state": .string(c.state), "org": .string(c.org),
                "vars": .record(c.variables), "forms": .record(forms[c.id] ?? [:]),
            ]
            let context = EvaluationContext(
                scopes: [scope], today: Timestamp(seconds: c.updatedAt).date, reference: reference)
            if let category = spec.category, let v = try? Evaluator.evaluate(category.value, in: context), !v.isEmpty {
                facts.category[c.id] = v.displayText
            }
            if let score = spec.score, case .number(let n)? = try? Evaluator.evaluate(score.value, in: context),
                n.isFinite
            {
                facts.score[c.id] = n
            }
        }
        return facts
    }

    /// The label of a category value (`<category label="…">` reads it as `value`), else the value.
    func categoryLabel(_ value: String, spec: ReportDefinition?) throws -> String {
        guard let label = spec?.category?.label else { return value }
        let context = EvaluationContext(
            scopes: [["value": .string(value)]], today: CivilDate(year: 2000, month: 1, day: 1)!,
            reference: try referenceTables())
        guard let v = try? Evaluator.evaluate(label, in: context), !v.isEmpty else { return value }
        return v.displayText
    }
}
