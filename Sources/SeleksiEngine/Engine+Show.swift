import Foundation
import SeleksiCore
import SeleksiStore

extension Engine {
    public struct InstanceDetail: Sendable {
        public let record: InstanceRecord
        public let stateLabel: LocalizedText
        public let isFinal: Bool
        public let allowedEvents: [(event: String, label: LocalizedText, roles: [String])]
        public let forms: [String: [String: Value]]
        /// Each rater's sheet of each independently rated form the viewer may see, in the order given.
        public let sheets: [String: [(actor: String, data: [String: Value])]]
        /// Independently rated forms with sheets on file that the viewer may not see yet.
        public let hiddenSheets: [String: Int]
        public let decisions: [DecisionRecord]
        public let children: [(state: String, count: Int)]
        public let pendingTimers: [(event: String, dueAt: Int64)]
        /// The instance's votes as the viewer may see them (a secret round's ballots hidden until it closes).
        public let votes: [VoteView]
    }

    /// One instance as `viewer` may see it. A form rated independently (a scoring sheet) is shown to a
    /// viewer who holds a `reads-ratings` role for the instance (the chair), or who has submitted his
    /// own sheet, and then with every rater's sheet; to anyone else it stays hidden, so no rater sees
    /// another's score before giving his.
    public func show(_ id: Int64, viewer: String? = nil, now: Timestamp? = nil) throws -> InstanceDetail {
        try wrap {
            let r = try requireInstance(id)
            let w = try workflow(hash: r.workflowHash)
            let when = now ?? Timestamp(seconds: Int64(Date().timeIntervalSince1970))
            var forms = try latestForms(of: id)
            var sheets: [String: [(actor: String, data: [String: Value])]] = [:]
            var hidden: [String: Int] = [:]
            let chair =
                try viewer.map { v in
                    try actorExists(v)
                        && roles(of: v, for: r, in: w, at: when).contains { w.role($0)?.readsRatings == true }
                } ?? false
            for formID in forms.keys.sorted() {
                guard let hash = r.formHashes[formID], try form(hash: hash).independentRatings else { continue }
                let all = try store.latestPerActor(instance: id, form: formID)
                let ownGiven = try viewer.map { try hasSubmitted(formID, instance: id, actor: $0) } ?? false
                if chair || ownGiven {
                    sheets[formID] = try all.map { ($0.actor, try submissionData($0.id)) }
                } else if !all.isEmpty {
                    hidden[formID] = all.count
                }
                if let visible = sheets[formID] {
                    forms[formID] = [
                        "penilaian": .list(
                            visible.map { s in
                                var d = s.data
                                d["_actor"] = .string(s.actor)
                                return .record(d)
                            })
                    ]
                } else {
                    forms[formID] = nil
                }
            }
            let allowed = TransitionFunction(w).personalEvents(in: r.state).map { e in
                let ts = w.transitions(from: r.state).filter { $0.event == e }
                return (event: e, label: ts.first!.label, roles: Array(Set(ts.flatMap(\.roles))).sorted())
            }
            let state = w.state(r.state)
            return InstanceDetail(
                record: r, stateLabel: state?.label ?? LocalizedText(id: r.state), isFinal: state?.isFinal ?? false,
                allowedEvents: allowed, forms: forms, sheets: sheets, hiddenSheets: hidden,
                decisions: try store.decisions(instance: id).filter { !$0.isBallot }, children: try store.childStateCounts(of: id),
                pendingTimers: try store.pendingTimers(instance: id, stateSeq: r.stateSeq),
                votes: w.votes.isEmpty ? [] : try votes(of: id, viewer: viewer, now: when))
        }
    }
}
