import SeleksiCore
import SeleksiStore

/// A parent that reacts to its children: after a child's accepted command, the parent's automatic
/// transitions that read the children are tried again (a round that closes itself once every
/// applicant is decided; a committee that forms once enough members accepted).
extension Engine {
    func parentNotices(_ child: InstanceRecord, now: Timestamp, depth: Int) throws {
        guard let parentID = child.parent else { return }
        if parentReacts[parentID] == false { return }
        guard let parent = try store.instance(parentID) else { return }
        let w = try workflow(hash: parent.workflowHash)
        parentReacts[parentID] = w.reactsToChildren
        guard w.reactsToChildren else { return }
        let watching = w.transitions(from: parent.state).contains { $0.isAutomatic && $0.readsChildren }
        guard watching, depth < 12 else { return }
        _ = try fireAutomatic(on: parentID, in: w, state: parent.state, now: now, depth: depth + 1)
    }
}
