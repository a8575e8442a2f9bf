import SeleksiCore
import SeleksiStore

extension Engine {
    /// The other children of the instance's parent, as `siblings-*` functions see them, when one of
    /// the transitions the command may take reads them; nil otherwise (they are never loaded for
    /// nothing: a round may hold tens of thousands of applicants).
    func siblingViews(of record: InstanceRecord, for candidates: [TransitionDefinition]) throws -> [ChildView]? {
        guard candidates.contains(where: \.readsSiblings) else { return nil }
        guard let parent = record.parent else { return [] }
        // Forms are read per sibling, so only when a predicate asks for them: a guard over the
        // siblings' states and variables stays one query however large the round.
        guard candidates.contains(where: \.readsSiblingForms) else {
            return try store.children(of: parent, states: nil).filter { $0.id != record.id }.map { child in
                ChildView(id: child.id, state: child.state, scope: [
                    "id": .number(Double(child.id)), "state": .string(child.state), "org": .string(child.org),
                    "vars": .record(child.variables),
                ])
            }
        }
        return try childViews(of: parent).filter { $0.id != record.id }
    }
}
