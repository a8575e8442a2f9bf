import Foundation
import SeleksiCore
import SeleksiStore

/// The parts of a round's report: score distributions, organisation sections, raters' agreement and
/// the time spent per stage.
extension Engine {
    func distributions(_ facts: ChildFacts, _ children: [ChildSummary], spec: ReportDefinition?) throws
        -> [RoundReport.Distribution]
    {
        guard spec?.score != nil else { return [] }
        let maximum = spec?.score?.maximum ?? 100
        let width = max(1, maximum / 10)
        var byCategory: [String: [Double]] = [:]
        for c in children {
            if let s = facts.score[c.id] { byCategory[facts.category[c.id] ?? "", default: []].append(s) }
        }
        return try byCategory.keys.sorted().map { key in
            let values = byCategory[key]!.sorted()
            var buckets = [Int](repeating: 0, count: (maximum + width - 1) / width)
            for v in values { buckets[min(buckets.count - 1, max(0, Int(v) / width))] += 1 }
            let median =
                values.count % 2 == 1
                ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
            return .init(
                category: key, label: key.isEmpty ? "-" : try categoryLabel(key, spec: spec), count: values.count,
                minimum: values.first!, median: median, mean: values.reduce(0, +) / Double(values.count),
                maximum: values.last!,
                buckets: buckets, bucketWidth: width)
        }
    }

    /// One section per organisation that has applicants or a quota, by name.
    func sections(
        _ children: [ChildSummary], facts: ChildFacts, entered: [Int64: Set<String>], round: InstanceRecord,
        spec: ReportDefinition?, childWorkflow: WorkflowDefinition?
    ) throws -> [RoundReport.Section] {
        var quota: [String: [String: Int]] = [:]
        if let q = spec?.quota {
            let parentScope: [String: Value] = [
                "vars": .record(round.variables), "org": .string(round.org), "state": .string(round.state),
                "forms": .record(try latestForms(of: round.id).mapValues { Value.record($0) }),
            ]
            let reference = try referenceTables()
            let today = Timestamp(seconds: round.updatedAt).date
            if case .list(let rows)? = try? Evaluator.evaluate(
                q.rows, in: EvaluationContext(scopes: [parentScope], today: today, reference: reference))
            {
                for row in rows {
                    guard case .record(let cells) = row else { continue }
                    let ctx = EvaluationContext(scopes: [parentScope, cells], today: today, reference: reference)
                    guard let org = try? Evaluator.evaluate(q.org, in: ctx).displayText,
                        let category = try? Evaluator.evaluate(q.category, in: ctx),
                        case .number(let n)? = try? Evaluator.evaluate(q.count, in: ctx)
                    else { continue }
                    quota[org, default: [:]][category.displayText, default: 0] += Int(n)
                }
            }
        }
        let filledStates = Set(spec?.quota?.filled ?? [])
        let byOrg = Dictionary(grouping: children, by: \.org)
        var sections: [RoundReport.Section] = []
        for org in Set(byOrg.keys).union(quota.keys) {
            let list = byOrg[org] ?? []
            var filled: [String: Int] = [:]
            for c in list where filledStates.contains(c.state) { filled[facts.category[c.id] ?? "", default: 0] += 1 }
            let categories = Set(quota[org]?.keys.map { $0 } ?? []).union(filled.keys).sorted()
            let rows = try categories.map { key in
                RoundReport.QuotaRow(
                    category: key, label: try categoryLabel(key, spec: spec), quota: quota[org]?[key] ?? 0,
                    filled: filled[key] ?? 0)
            }
            let funnel = (spec?.funnel ?? []).map { stage in
                RoundReport.FunnelStage(
                    label: stage.label,
                    count: list.filter { !entered[$0.id, default: []].isDisjoint(with: stage.states) }.count)
            }
            var counts: [String: Int] = [:]
            for c in list { counts[c.state, default: 0] += 1 }
            let states = (childWorkflow?.states.map(\.id) ?? counts.keys.sorted()).compactMap {
                s -> RoundReport.StateCount? in
                guard let n = counts[s] else { return nil }
                return .init(state: s, label: childWorkflow?.state(s)?.label ?? LocalizedText(id: s), count: n)
            }
            sections.append(
                .init(
                    org: org, name: try organisationName(org), applicants: list.count, states: states, funnel: funnel,
                    quota: rows))
        }
        // By name as people sort them: "SKB 2" before "SKB 10".
        return sections.sorted {
            let order = $0.name.localizedStandardCompare($1.name)
            return order == .orderedSame ? $0.org < $1.org : order == .orderedAscending
        }
    }

    /// Every numeric field of the children's independently rated forms: spread and Krippendorff's alpha.
    func raterScores(round id: Int64, children: [ChildSummary]) throws -> [RoundReport.RaterScore] {
        var formsSeen: [String: String] = [:]
        var kindsSeen: Set<String> = []
        for child in children where kindsSeen.insert(child.workflowHash).inserted {
            let cw = try workflow(hash: child.workflowHash)
            for formID in cw.referencedForms {
                guard let hash = child.formHashes[formID], try form(hash: hash).independentRatings else { continue }
                formsSeen[formID] = hash
            }
        }
        var out: [RoundReport.RaterScore] = []
        for (formID, formHash) in formsSeen.sorted(by: { $0.key < $1.key }) {
            let paths = try form(hash: formHash).allFields
                .filter { [.integer, .decimal].contains($0.field.type) }.map(\.path)
            // Each rater's latest sheet per applicant, read one applicant at a time: only the numbers stay.
            var byPath: [String: [Int64: [Double]]] = [:]
            var sheets: [String: SubmissionRecord] = [:]
            func note() {
                for s in sheets.values where s.kind != .withdraw {
                    let data = JSONBridge.storedRecord(s.data, keeping: paths)
                    for path in paths {
                        guard case .number(let v)? = data[path] else { continue }
                        byPath[path, default: [:]][s.instance, default: []].append(v)
                    }
                }
                sheets.removeAll(keepingCapacity: true)
            }
            try store.forEachChildSubmission(parent: id, form: formID) { s in
                if let any = sheets.first?.value, any.instance != s.instance { note() }
                sheets[s.actor] = s
            }
            note()
            for path in paths {
                guard let byInstance = byPath[path] else { continue }
                let values = byInstance.values.flatMap { $0 }.sorted()
                guard !values.isEmpty else { continue }
                let median =
                    values.count % 2 == 1
                    ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
                out.append(
                    .init(
                        form: formID, field: path, ratings: values.count, minimum: values.first!,
                        mean: values.reduce(0, +) / Double(values.count), median: median, maximum: values.last!,
                        alpha: Agreement.krippendorffAlphaInterval(byInstance.keys.sorted().map { byInstance[$0]! })))
            }
        }
        return out
    }

    /// Time in each state a child left, from the audit log, in the workflow's state order.
    func stages(_ moves: [(instance: Int64, at: Int64, from: String?, to: String)], _ w: WorkflowDefinition?)
        -> [RoundReport.Stage]
    {
        var durations: [String: [Double]] = [:]
        var entered: (instance: Int64, state: String, at: Int64)?
        for (instance, at, from, to) in moves {
            if let e = entered, e.instance == instance, from == e.state, to != e.state {
                durations[e.state, default: []].append(Double(at - e.at) / 3600)
            }
            if from != to || entered?.instance != instance { entered = (instance, to, at) }
        }
        let order = (w?.states.map(\.id) ?? []) + durations.keys.sorted()
        var seen: Set<String> = []
        return order.compactMap { state in
            guard seen.insert(state).inserted, let d = durations[state]?.sorted() else { return nil }
            let median = d.count % 2 == 1 ? d[d.count / 2] : (d[d.count / 2 - 1] + d[d.count / 2]) / 2
            return .init(
                state: state, label: w?.state(state)?.label ?? LocalizedText(id: state), instances: d.count,
                meanHours: d.reduce(0, +) / Double(d.count), medianHours: median)
        }
    }
}
