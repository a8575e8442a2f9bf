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

            // The children are read one at a time: the report keeps of each what it counts and groups
            // by, and its facts (a round of 20,000 applicants held them whole: 330 MiB).
            let fields = try childFormFields(parent: id, spec: spec)
            let reference = try referenceTables()
            var facts = ChildFacts()
            var reported: [ChildSummary] = [], others: [ChildSummary] = []
            try store.forEachChild(of: id, states: nil) { c in
                guard spec == nil || c.workflowID == spec!.children else {
                    others.append(ChildSummary(c))
                    return
                }
                reported.append(ChildSummary(c))
                noteFacts(of: c, forms: fields[c.id] ?? [:], spec: spec, reference: reference, into: &facts)
            }
            let childWorkflow =
                try reported.first.map { try workflow(hash: $0.workflowHash) }
                ?? (spec.flatMap { try? currentWorkflow($0.children) })
            report.childTitle = childWorkflow?.title ?? LocalizedText(id: "")
            report.applicants = reported.count
            report.states = stateCounts(reported, childWorkflow)
            report.others = try otherChildren(others)

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

    private func stateCounts(_ children: [ChildSummary], _ w: WorkflowDefinition?) -> [RoundReport.StateCount] {
        var counts: [String: Int] = [:]
        for c in children { counts[c.state, default: 0] += 1 }
        let order = (w?.states.map(\.id) ?? []) + counts.keys.sorted()
        var seen: Set<String> = []
        return order.compactMap { s in
            guard seen.insert(s).inserted, let n = counts[s] else { return nil }
            return .init(state: s, label: w?.state(s)?.label ?? LocalizedText(id: s), count: n)
        }
    }

    private func otherChildren(_ children: [ChildSummary]) throws -> [RoundReport.OtherChildren] {
        let byWorkflow = Dictionary(grouping: children, by: \.workflowID)
        return try byWorkflow.keys.sorted().map { id in
            let list = byWorkflow[id]!
            let w = try workflow(hash: list[0].workflowHash)
            return .init(workflow: id, title: w.title, states: stateCounts(list, w))
        }
    }

    /// What the report keeps of each child: enough to count, group and find its definitions.
    struct ChildSummary {
        let id: Int64
        let workflowID: String
        let workflowHash: String
        /// Shared between children started on the same definitions (the store parses each text once).
        let formHashes: [String: String]
        let org: String
        let state: String

        init(_ r: InstanceRecord) {
            (id, workflowID, workflowHash) = (r.id, r.workflowID, r.workflowHash)
            (formHashes, org, state) = (r.formHashes, r.org, r.state)
        }
    }

    /// What the report reads of each child: its category (value and label) and its score.
    struct ChildFacts {
        var category: [Int64: String] = [:]
        var categoryLabel: [String: String] = [:]
        var score: [Int64: Double] = [:]
    }

    /// The fields of the children's forms that the category and score read, of each child's latest
    /// version (withdrawals skipped): one query per form, read one row at a time, and of each form
    /// only the fields named (`forms.tb_portofolio.program` keeps `program`; `forms.x` whole keeps all).
    private func childFormFields(parent: Int64, spec: ReportDefinition?) throws -> [Int64: [String: Value]] {
        guard let spec, spec.category != nil || spec.score != nil else { return [:] }
        // The names the category and score read (a whole form only where it is named alone).
        var reads = FormFieldReads()
        for path in [spec.category?.value, spec.score?.value].compactMap({ $0 }).flatMap(\.paths).map(\.path)
        where path.first == "forms" && path.count > 1 {
            if path.count == 2 {
                reads.wholeForms.insert(path[1])
            } else {
                reads.fields[path[1], default: []].insert(path[2])
            }
        }
        var out: [Int64: [String: Value]] = [:]
        for formID in reads.formIDs {
            let keys = reads.keys(of: formID)
            var latest: SubmissionRecord?
            func keep() {
                guard let s = latest else { return }
                out[s.instance, default: [:]][formID] = .record(JSONBridge.storedRecord(s.data, keeping: keys))
            }
            try store.forEachChildSubmission(parent: parent, form: formID) { s in
                guard s.kind != .withdraw else { return }
                if let l = latest, l.instance != s.instance { keep() }
                latest = s
            }
            keep()
        }
        return out
    }

    private func noteFacts(
        of c: InstanceRecord, forms: [String: Value], spec: ReportDefinition?, reference: ReferenceTables,
        into facts: inout ChildFacts
    ) {
        guard let spec, spec.category != nil || spec.score != nil else { return }
        let scope: [String: Value] = [
            "id": .number(Double(c.id)), "state": .string(c.state), "org": .string(c.org),
            "vars": .record(c.variables), "forms": .record(forms),
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
