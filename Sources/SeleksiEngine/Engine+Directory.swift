import SeleksiCore
import SeleksiStore

/// Who may do what, where: organisations in a tree, actors, and the roles they hold (inherited down
/// the tree, from a moment, possibly until a moment or until an instance ends).
extension Engine {
    func directoryActor(_ id: String) throws -> Actor? {
        if let hit = directory.actors.get(id) { return hit }
        let found = try store.actor(id)
        if let found { directory.actors.set(id, found) }
        return found
    }

    func actorExists(_ id: String) throws -> Bool { try directoryActor(id) != nil }

    /// The deepest an organisation tree may go: a tampered parent loop stops here instead of looping.
    static let maxOrganisationDepth = 32

    /// The organisation and every organisation above it (an SKB, then its UPT).
    func ancestors(of org: String) throws -> [String] {
        if let cached = directory.ancestors[org] { return cached }
        var chain: [String] = []
        var current: String? = org
        while let c = current, !chain.contains(c), chain.count < Engine.maxOrganisationDepth {
            chain.append(c)
            current = try store.organisation(c)?.parent
        }
        directory.ancestors[org] = chain
        return chain
    }

    func grants(of actor: String) throws -> [Grant] {
        if let cached = directory.grants.get(actor) { return cached }
        let loaded = try store.grants(actor: actor)
        directory.grants.set(actor, loaded)
        return loaded
    }

    /// Whether a grant counts at `now`: not before it, not revoked, not past its end, and its decree's
    /// instance (if it names one) not yet in a final state.
    func isActive(_ g: Grant, at now: Timestamp) throws -> Bool {
        guard g.isActive(at: now.seconds) else { return false }
        guard let decree = g.untilInstance else { return true }
        guard let record = try store.instance(decree) else { return false }
        return !(try workflow(hash: record.workflowHash).state(record.state)?.isFinal ?? false)
    }

    /// Roles `actor` holds that apply in `org` at `now`: granted there or in an organisation above it.
    /// Kept for the commands of a batch, which ask it again for every instance of one organisation at
    /// one time; not when a grant ends with an instance (whose state the batch may change).
    func roles(of actor: String, in org: String, at now: Timestamp) throws -> Set<String> {
        let key = DirectoryCache.HeldRolesKey(actor: actor, org: org, at: now.seconds)
        if let held = directory.heldRoles[key] { return held }
        let orgs = try ancestors(of: org)  // a handful: searched in place, not hashed into a set per command
        var roles: Set<String> = []
        var endsWithInstance = false
        for g in try grants(of: actor) where orgs.contains(g.org) && !roles.contains(g.role) {
            endsWithInstance = endsWithInstance || g.untilInstance != nil
            if try isActive(g, at: now) { roles.insert(g.role) }
        }
        if !endsWithInstance { directory.rememberHeldRoles(roles, for: key) }
        return roles
    }

    /// Roles the actor holds for an instance: organisation roles (in the instance's organisation or any
    /// of its parties'), plus owner-scoped roles if he owns it.
    func roles(of actor: String, for instance: InstanceRecord, in workflow: WorkflowDefinition, at now: Timestamp) throws -> Set<String> {
        let orgs = try organisations(of: instance, in: workflow, at: now)
        // One organisation (every instance without parties) takes its set as it is: no copy per command.
        var held = orgs.count == 1 ? try roles(of: actor, in: orgs[0], at: now) : []
        if orgs.count > 1 { for org in orgs { held.formUnion(try roles(of: actor, in: org, at: now)) } }
        guard workflow.roles.contains(where: { $0.scope == .owner }) else { return held }
        // An owner-scoped role comes from owning the instance, never from a grant in an organisation.
        held = held.filter { r in workflow.role(r)?.scope != .owner }
        if actor == instance.owner { for r in workflow.roles where r.scope == .owner { held.insert(r.id) } }
        return held
    }

    /// The organisations an instance belongs to: its own, then its parties (`parties="…"` on the
    /// workflow: the other side of an agreement), each once. An id that names no organisation is skipped.
    func organisations(of instance: InstanceRecord, in workflow: WorkflowDefinition, at now: Timestamp) throws -> [String] {
        guard let parties = workflow.parties else { return [instance.org] }
        let forms = workflow.referencedForms.isEmpty ? [:] : try latestForms(of: instance.id)
        let snapshot = InstanceSnapshot(id: instance.id, state: instance.state, variables: instance.variables, forms: forms,
                                        context: ["org": .string(instance.org)])
        let context = EvaluationContext(scopes: [snapshot.scope()], today: now.date)
        var out = [instance.org]
        func collect(_ v: Value) {
            switch v {
            case .list(let l): l.forEach(collect)
            case .null: break
            default: if !out.contains(v.displayText) { out.append(v.displayText) }
            }
        }
        do { collect(try Evaluator.evaluate(parties, in: context)) } catch {
            throw EngineError.input(
                "\(workflow.file): parties '\(parties.source)' gagal dihitung pada instans #\(instance.id): \(error.text(.id))",
                en: "\(workflow.file): parties '\(parties.source)' failed on instance #\(instance.id): \(error.text(.en))")
        }
        return try out.filter { try store.organisation($0) != nil }
    }

    /// How many actors hold `role` in `org` or above at `now` (the n of a quorum of all).
    func holders(of role: String, in org: String, at now: Timestamp) throws -> Int {
        try holderIDs(of: role, in: [org], at: now).count
    }

    /// How many actors hold `role` for an instance: in its organisation or a party's, or above them.
    func holders(of role: String, for instance: InstanceRecord, in workflow: WorkflowDefinition, at now: Timestamp) throws -> Int {
        try holderIDs(of: role, in: organisations(of: instance, in: workflow, at: now), at: now).count
    }

    func holderIDs(of role: String, in orgs: [String], at now: Timestamp) throws -> Set<String> {
        var actors: Set<String> = []
        for org in orgs {
            for o in try ancestors(of: org) {
                for g in try store.grants(role: role, org: o) where try isActive(g, at: now) { actors.insert(g.actor) }
            }
        }
        return actors
    }

    /// The organisations where `actor` holds any role at `now` (a rater's own SKB, for conflicts).
    func actorOrganisations(_ actor: String, at now: Timestamp) throws -> [String] {
        var orgs: Set<String> = []
        for g in try grants(of: actor) where try isActive(g, at: now) { orgs.insert(g.org) }
        return orgs.sorted()
    }

    // MARK: Reading the directory

    public struct ActorInfo: Sendable {
        public let id: String
        public let name: String
        public let nip: String?
        public let osUser: String?
        public let grants: [Grant]
        public let keys: Int
    }

    public func actors() throws -> [ActorInfo] {
        try wrap {
            try store.actors().map { a in
                ActorInfo(id: a.id, name: a.name, nip: a.nip, osUser: a.osUser, grants: try store.grants(actor: a.id),
                          keys: try store.actorKeys(a.id).count)
            }
        }
    }

    public func actor(_ id: String) throws -> Actor? { try wrap { try directoryActor(id) } }

    public func organisations() throws -> [Organisation] { try wrap { try store.organisations() } }

    public func organisation(_ id: String) throws -> Organisation? { try wrap { try store.organisation(id) } }

    /// A person's name for messages, or the id when the actor is unknown.
    public func displayName(ofActor id: String) -> String {
        ((try? directoryActor(id))??.name) ?? id
    }
}
