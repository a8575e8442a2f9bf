import SeleksiCore
import SeleksiStore

/// Organisations, actors and the roles they hold: who may do what, where.
extension Engine {
    public func addOrganisation(id: String, name: String, kind: String, parent: String?) throws {
        try wrap {
            if let parent, try !organisationExists(parent) { throw EngineError.input("no organisation '\(parent)'") }
            try db.prepare("INSERT INTO organisations (id, name, kind, parent) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent = excluded.parent")
                .run(.text(id), .text(name), .text(kind), .optional(parent))
        }
        ancestorCache = [:]
    }

    public func addActor(id: String, name: String, nip: String?) throws {
        try wrap {
            try db.prepare("INSERT INTO actors (id, name, nip) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, nip = excluded.nip")
                .run(.text(id), .text(name), .optional(nip))
        }
    }

    public func grant(actor: String, role: String, org: String) throws {
        try wrap {
            guard try actorExists(actor) else { throw EngineError.input("no actor '\(actor)'") }
            guard try organisationExists(org) else {
                let known = try db.prepare("SELECT id FROM organisations ORDER BY id").rows { $0.text(0) }
                throw EngineError.input("no organisation '\(org)'; organisations: \(known.joined(separator: ", "))")
            }
            try db.prepare("INSERT OR IGNORE INTO actor_roles (actor, role, org) VALUES (?, ?, ?)").run(.text(actor), .text(role), .text(org))
        }
        rolesCache = [:]
    }

    func organisationExists(_ id: String) throws -> Bool {
        try db.prepare("SELECT 1 FROM organisations WHERE id = ?").first(.text(id)) { _ in true } ?? false
    }

    func actorExists(_ id: String) throws -> Bool {
        if knownActors.contains(id) { return true }
        let exists = try db.prepare("SELECT 1 FROM actors WHERE id = ?").first(.text(id)) { _ in true } ?? false
        if exists { knownActors.insert(id) }
        return exists
    }

    /// The organisation and every organisation above it (an SKB, then its UPT).
    func ancestors(of org: String) throws -> [String] {
        if let cached = ancestorCache[org] { return cached }
        var chain: [String] = []
        var current: String? = org
        while let c = current, !chain.contains(c) {
            chain.append(c)
            current = try db.prepare("SELECT parent FROM organisations WHERE id = ?").first(.text(c)) { $0.optionalText(0) } ?? nil
        }
        ancestorCache[org] = chain
        return chain
    }

    /// Roles `actor` holds that apply in `org`: granted there or in an organisation above it.
    func roles(of actor: String, in org: String) throws -> Set<String> {
        if let cached = rolesCache[actor]?[org] { return cached }
        var roles: Set<String> = []
        for o in try ancestors(of: org) {
            for r in try db.prepare("SELECT role FROM actor_roles WHERE actor = ? AND org = ?").rows(.text(actor), .text(o), map: { $0.text(0) }) {
                roles.insert(r)
            }
        }
        rolesCache[actor, default: [:]][org] = roles
        return roles
    }

    /// Roles the actor holds for an instance: organisation roles, plus owner-scoped roles if he owns it.
    func roles(of actor: String, for instance: InstanceRecord, in workflow: WorkflowDefinition) throws -> Set<String> {
        var held = try roles(of: actor, in: instance.org).filter { r in workflow.role(r)?.scope != .owner }
        if actor == instance.owner { for r in workflow.roles where r.scope == .owner { held.insert(r.id) } }
        return held
    }

    /// How many actors hold `role` in `org` or above (the n of a quorum of all).
    func holders(of role: String, in org: String) throws -> Int {
        var actors: Set<String> = []
        for o in try ancestors(of: org) {
            for a in try db.prepare("SELECT actor FROM actor_roles WHERE role = ? AND org = ?").rows(.text(role), .text(o), map: { $0.text(0) }) {
                actors.insert(a)
            }
        }
        return actors.count
    }

    public struct ActorInfo: Sendable {
        public let id: String
        public let name: String
        public let nip: String?
        public let grants: [(role: String, org: String)]
    }

    public func actors() throws -> [ActorInfo] {
        try wrap {
            let base = try db.prepare("SELECT id, name, nip FROM actors ORDER BY id").rows { ($0.text(0), $0.text(1), $0.optionalText(2)) }
            return try base.map { a in
                let grants = try db.prepare("SELECT role, org FROM actor_roles WHERE actor = ? ORDER BY org, role").rows(.text(a.0)) { (role: $0.text(0), org: $0.text(1)) }
                return ActorInfo(id: a.0, name: a.1, nip: a.2, grants: grants)
            }
        }
    }
}
