import SeleksiCore
import SeleksiStore

/// What `tree-count`, `tree-sum` and `tree-list` read: the instances of the workflows they name, in the
/// organisation tree of the instance's process. A UPT's budget is spent by commands on instances that
/// belong to its SKBs, under different parents (each tutor's months, under each tutor); the tree is the
/// one place where they all meet.
extension Engine {
    /// The most instances of one workflow `tree-*` may read in one command: a bound on what a command
    /// loads (a UPT-year's tutor-months are a few hundred). More is an error, never a silent cut.
    static let maxTreeInstances = 10_000
    /// The most instances of one workflow read across all organisations before keeping the tree's.
    static let maxTreeScan = 1_000_000

    /// `tree.<workflow>` for every workflow the expressions of `w` read through `tree-*` (or as
    /// `tree.<workflow>`), as `{id, state, org, created, vars}` oldest first, without the instance itself; nil
    /// when the workflow reads none (nothing is loaded for nothing).
    func treeValue(for record: InstanceRecord, in w: WorkflowDefinition) throws -> Value? {
        let wanted = w.treeQueries
        guard !wanted.isEmpty else { return nil }
        let orgs = try treeOrganisations(of: record)
        let inTree = Set(orgs)
        var out: [String: Value] = [:]
        for workflow in wanted.sorted() {
            // One read per workflow, kept to the tree's organisations here: a read per organisation costs
            // a pass over the instances each (the store's filters scan), fourteen of them for a UPT.
            var found = try store.instances(InstanceFilter(workflow: workflow), limit: Engine.maxTreeScan)
                .filter { inTree.contains($0.org) }
            found.removeAll { $0.id == record.id }
            guard found.count <= Engine.maxTreeInstances else {
                throw CommandRefused(.expressionFailed,
                    "tree-*: lebih dari \(Engine.maxTreeInstances) instans \(workflow) dalam pohon organisasi \(orgs.first ?? "")",
                    "tree-*: more than \(Engine.maxTreeInstances) instances of \(workflow) in the organisation tree of \(orgs.first ?? "")",
                    instance: record.id, from: record.state)
            }
            out[workflow] = .list(found.sorted { $0.id < $1.id }.map(Engine.instanceValue))
        }
        return .record(out)
    }

    /// The organisation of the instance's root instance (the top of its parent chain) first, then
    /// every organisation below it.
    func treeOrganisations(of record: InstanceRecord) throws -> [String] {
        var root = record
        var seen: Set<Int64> = [record.id]
        while let parent = root.parent, seen.insert(parent).inserted, let p = try store.instance(parent) { root = p }
        var below: [String] = []
        for o in try store.organisations() where o.id != root.org {
            if try ancestors(of: o.id).contains(root.org) { below.append(o.id) }
        }
        return [root.org] + below.sorted()
    }
}
