import SeleksiCore
import SeleksiStore

extension Engine {
    public struct InstanceDetail: Sendable {
        public let record: InstanceRecord
        public let stateLabel: LocalizedText
        public let isFinal: Bool
        public let allowedEvents: [(event: String, label: LocalizedText, roles: [String])]
        public let forms: [String: [String: Value]]
        public let decisions: [DecisionRecord]
        public let children: [(state: String, count: Int)]
        public let pendingTimers: [(event: String, dueAt: Int64)]
    }

    /// One instance as `viewer` may see it. A form rated independently (a scoring sheet) is shown
    /// only to a viewer who has submitted his own for this instance, and then with every rater's
    /// sheet; to anyone else it stays hidden, so no rater sees another's score before giving his.
    public func show(_ id: Int64, viewer: String? = nil) throws -> InstanceDetail {
        try wrap {
            let r = try requireInstance(id)
            let w = try workflow(hash: r.workflowHash)
            var forms = try latestForms(of: id)
            for formID in forms.keys.sorted() {
                guard let hash = r.formHashes[formID], try form(hash: hash).independentRatings else { continue }
                if let viewer, try hasSubmitted(formID, instance: id, actor: viewer) {
                    if case .list(let all)? = try ratings(of: r, in: w)[formID] { forms[formID] = ["penilaian": .list(all)] }
                } else {
                    forms[formID] = nil
                }
            }
            let allowed = TransitionFunction(w).allowedEvents(in: r.state).map { e in
                let ts = w.transitions(from: r.state).filter { $0.event == e }
                return (event: e, label: ts.first!.label, roles: Array(Set(ts.flatMap(\.roles))).sorted())
            }
            let state = w.state(r.state)
            return InstanceDetail(record: r, stateLabel: state?.label ?? LocalizedText(id: r.state), isFinal: state?.isFinal ?? false,
                                  allowedEvents: allowed, forms: forms, decisions: try store.decisions(instance: id),
                                  children: try store.childStateCounts(of: id),
                                  pendingTimers: try store.pendingTimers(instance: id, stateSeq: r.stateSeq))
        }
    }
}
