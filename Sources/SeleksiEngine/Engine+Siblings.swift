import SeleksiCore
import SeleksiStore

extension Engine {
    /// The other children of the instance's parent, as `siblings-*` functions see them, when one of
    /// the transitions the command may take reads them; nil otherwise (they are never loaded for
    /// nothing: a round may hold tens of thousands of applicants).
    func siblingViews(of record: InstanceRecord, for candidates: [TransitionDefinition]) throws -> [ChildView]? {
        let reads = candidates.contains { t in
            t.guards.contains { $0.test.readsSiblings }
                || t.effects.contains {
                    switch $0 {
                    case .set(_, let e, _), .decision(_, let e, _): return e.readsSiblings
                    case .createChildren(_, _, let passes, _): return passes.contains { $0.value.readsSiblings }
                    case .grant(let g): return g.expressions.contains { $0.readsSiblings }
                    case .rank, .notifyChildren: return false
                    }
                }
        }
        guard reads else { return nil }
        guard let parent = record.parent else { return [] }
        return try childViews(of: parent).filter { $0.id != record.id }
    }
}
