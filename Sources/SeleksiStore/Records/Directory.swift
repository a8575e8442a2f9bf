/// An office: a UPT, an SKB under it, a school. `parent` makes the tree that roles are inherited down.
public struct Organisation: Sendable, Equatable {
    public let id: String
    public var name: String
    public var kind: String
    public var parent: String?

    public init(id: String, name: String, kind: String, parent: String?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
    }
}

/// A person (or the system) who acts. `osUser` binds the actor to an operating-system account, and
/// a registered public key lets the actor sign commands (see docs/threat-model.md).
public struct Actor: Sendable, Equatable {
    public let id: String
    public var name: String
    public var nip: String?
    public var osUser: String?

    public init(id: String, name: String, nip: String?, osUser: String? = nil) {
        self.id = id
        self.name = name
        self.nip = nip
        self.osUser = osUser
    }
}

/// A role held in an organisation (and every organisation below it), from a moment, possibly until a
/// moment or until an instance (the decree that gave it) reaches a final state; or revoked.
public struct Grant: Sendable, Equatable {
    public let actor: String
    public let role: String
    public let org: String
    public var grantedAt: Int64
    public var untilAt: Int64?
    public var untilInstance: Int64?
    public var revokedAt: Int64?

    public init(actor: String, role: String, org: String, grantedAt: Int64, untilAt: Int64? = nil, untilInstance: Int64? = nil,
                revokedAt: Int64? = nil) {
        self.actor = actor
        self.role = role
        self.org = org
        self.grantedAt = grantedAt
        self.untilAt = untilAt
        self.untilInstance = untilInstance
        self.revokedAt = revokedAt
    }

    /// Whether the grant counts at `now`, apart from an instance end (which the engine checks).
    public func isActive(at now: Int64) -> Bool {
        grantedAt <= now && revokedAt.map { now < $0 } != false && untilAt.map { now < $0 } != false
    }
}

/// A public key an actor registered for signing commands (Ed25519, 32 bytes).
public struct ActorKey: Sendable, Equatable {
    public let actor: String
    public let publicKey: [UInt8]
    public let addedAt: Int64

    public init(actor: String, publicKey: [UInt8], addedAt: Int64) {
        self.actor = actor
        self.publicKey = publicKey
        self.addedAt = addedAt
    }
}
