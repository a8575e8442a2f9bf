import SeleksiCore
import SeleksiStore

/// What waits for a person: across rounds and organisations, every instance where he may act now,
/// found by asking the transition function (a dry run per instance), not by re-stating any rule.
extension Engine {
    public struct WorkItem: Sendable {
        public let instance: Int64
        public let workflow: String
        public let state: String
        public let stateLabel: LocalizedText
        public let possibility: Possibility
        /// The earliest timer still to fire on the instance or its parent.
        public let deadline: (event: String, dueAt: Int64, instance: Int64)?
        /// Whose instance it is (the applicant), and where.
        public let ownerName: String
        public let org: String
        public let orgName: String
        public let parent: Int64?
        /// Titles of the forms to fill, by id.
        public let formTitles: [String: LocalizedText]
    }

    public struct TaskList: Sendable {
        public let actor: String
        public let actorName: String
        public var items: [WorkItem]
        /// What a head must know at once (an applicant left with too few raters), with the remedy.
        public var alerts: [Shortage]
    }

    /// The instances where `actor` may act now, oldest deadline first (then by number); `round`
    /// narrows them to one instance and its children.
    public func tasks(for actor: String, round: Int64? = nil, now: Timestamp) throws -> TaskList {
        try wrap {
            guard let person = try directoryActor(actor) else {
                throw EngineError.input(try unknownActorMessage(actor))
            }
            if let round { _ = try requireInstance(round) }
            let run = DryRun(now: now)
            var items: [WorkItem] = []
            for record in try candidateInstances(for: actor, round: round, run: run) {
                for p in try possibilities(on: record, actor: actor, run: run, includeOptional: false) {
                    items.append(try workItem(record, p))
                }
            }
            let timers = Dictionary(grouping: try store.currentTimers(), by: \.instance)
            let dated = items.map { item -> WorkItem in
                let own = timers[item.instance]?.first.map { ($0.event, $0.dueAt, item.instance) }
                let parents = item.parent.flatMap { p in timers[p]?.first.map { ($0.event, $0.dueAt, p) } }
                let deadline = [own, parents].compactMap { $0 }.min { $0.1 < $1.1 }
                return WorkItem(
                    instance: item.instance, workflow: item.workflow, state: item.state, stateLabel: item.stateLabel,
                    possibility: item.possibility, deadline: deadline, ownerName: item.ownerName, org: item.org,
                    orgName: item.orgName, parent: item.parent, formTitles: item.formTitles)
            }.sorted { a, b in
                switch (a.deadline?.dueAt, b.deadline?.dueAt) {
                case (let x?, let y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.instance < b.instance
                }
            }
            let alerts = try shortagesSeen(by: actor, round: round, run: run)
            return TaskList(actor: actor, actorName: person.name, items: dated, alerts: alerts)
        }
    }

    /// Instances in a state where some transition a person fires is open to a role the actor holds
    /// (in the instance's organisation or above, or as its owner): the only ones worth a dry run.
    func candidateInstances(for actor: String, round: Int64?, run: DryRun) throws -> [InstanceRecord] {
        let grants = try grants(of: actor).filter { try isActive($0, at: run.now) }
        var orgsByRole: [String: Set<String>] = [:]
        let tree = Dictionary(grouping: try store.organisations(), by: { $0.parent ?? "" })
        for g in grants { orgsByRole[g.role, default: []].formUnion(descendants(of: g.org, tree: tree)) }
        var seen: Set<Int64> = []
        var out: [InstanceRecord] = []
        // With a round: the round itself (one dry run) and its children.
        if let round, let top = try store.instance(round) {
            seen.insert(top.id)
            out.append(top)
        }
        let buckets = try store.instanceCounts(InstanceFilter(parent: round)).map {
            (workflow: $0.workflow, state: $0.state)
        }
        var loadedWorkflows: [String: WorkflowDefinition] = [:]
        for bucket in buckets {
            let w: WorkflowDefinition
            if let hit = loadedWorkflows[bucket.workflow] {
                w = hit
            } else {
                guard let hash = try currentHash(kind: "workflow", id: bucket.workflow) else { continue }
                w = try workflow(hash: hash)
                loadedWorkflows[bucket.workflow] = w
            }
            let open = w.transitions(from: bucket.state).filter { !$0.isAutomatic && !$0.isOptional }
            let roles = Set(open.flatMap(\.roles))
            let orgRoles = roles.filter { w.role($0)?.scope == .organisation && orgsByRole[$0] != nil }
            let ownerRoles = roles.filter { w.role($0)?.scope == .owner }
            var found: [InstanceRecord] = []
            if !orgRoles.isEmpty {
                let allowed = orgRoles.reduce(into: Set<String>()) { $0.formUnion(orgsByRole[$1] ?? []) }
                let rows = try instances(workflow: bucket.workflow, state: bucket.state, parent: round, run: run)
                found += rows.filter { allowed.contains($0.org) }
            }
            if !ownerRoles.isEmpty {
                found += try store.instances(
                    InstanceFilter(workflow: bucket.workflow, state: bucket.state, owner: actor), limit: Int.max
                )
                .filter { round == nil || $0.parent == round }
            }
            for r in found where seen.insert(r.id).inserted { out.append(r) }
        }
        // Many children of one round: read the round's decisions once.
        for (parent, group) in Dictionary(grouping: out.compactMap(\.parent), by: { $0 }) where group.count > 20 {
            try preloadDecisions(ofChildrenOf: parent, run: run)
        }
        return out.sorted { $0.id < $1.id }
    }

    func descendants(of org: String, tree: [String: [Organisation]]) -> Set<String> {
        var out: Set<String> = [org]
        var queue = [org]
        while let next = queue.popLast(), out.count < 100_000 {
            for child in tree[next] ?? [] where out.insert(child.id).inserted { queue.append(child.id) }
        }
        return out
    }

    private func workItem(_ record: InstanceRecord, _ p: Possibility) throws -> WorkItem {
        let w = try workflow(hash: record.workflowHash)
        var titles: [String: LocalizedText] = [:]
        for f in p.formsToFill { if let hash = record.formHashes[f] { titles[f] = try form(hash: hash).title } }
        return WorkItem(
            instance: record.id, workflow: record.workflowID, state: record.state,
            stateLabel: w.state(record.state)?.label ?? LocalizedText(id: record.state), possibility: p, deadline: nil,
            ownerName: subjectName(record, w), org: record.org, orgName: try organisationName(record.org),
            parent: record.parent, formTitles: titles)
    }

    /// Whom an instance is about: its owner where the workflow has an owner's role (an applicant), else
    /// the workflow's title (a round is about no one person).
    func subjectName(_ record: InstanceRecord, _ w: WorkflowDefinition) -> String {
        w.roles.contains { $0.scope == .owner } ? displayName(ofActor: record.owner) : w.title.id
    }

    func organisationName(_ id: String) throws -> String {
        if let hit = directory.organisationNames[id] { return hit }
        let name = try store.organisation(id)?.name ?? id
        directory.organisationNames[id] = name
        return name
    }

    func unknownActorMessage(_ actor: String) throws -> String {
        let known = try store.actors().map(\.id)
        // Those that share a word with what was typed first (`tim-satu` → `…-tim-1`).
        let words = actor.lowercased().split(whereSeparator: { "-_. ".contains($0) }).map(String.init).filter {
            $0.count >= 2
        }
        let near = known.filter { id in words.contains { id.lowercased().contains($0) } }
        let listed = near + known.filter { !near.contains($0) }
        let shown =
            listed.prefix(30).joined(separator: ", ")
            + (known.count > 30 ? ", … (\(known.count) pelaku; `seleksi actor list`)" : "")
        return "tidak ada pelaku '\(actor)'; pelaku yang ada: \(shown) (no actor '\(actor)')"
    }
}
