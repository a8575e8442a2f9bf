import SeleksiCore
import SeleksiStore

/// Changes to the directory are commands like any other: refused with a reason, audited, and
/// recorded with the after-image `audit verify` checks the tables against.
extension Engine {
    /// Who a directory change is recorded as: the acting actor, or the operating-system account.
    func directoryActorName(_ actor: String?) -> String { actor ?? "os:\(osUser)" }

    public func addOrganisation(id: String, name: String, kind: String, parent: String?, actor: String? = nil, now: Timestamp) throws {
        try directoryCommand("org.add", subject: "org:\(id)", actor: actor, now: now) {
            try requireIdentifier(id, what: "organisasi")
            guard try store.organisation(id) == nil else {
                throw CommandRefused(.alreadyExists, "organisasi '\(id)' sudah ada; ubah dengan `seleksi org update`",
                                     "organisation '\(id)' already exists; change it with `seleksi org update`")
            }
            try requireName(name)
            if let parent { try requireOrganisation(parent) }
            return .organisation(Organisation(id: id, name: name, kind: kind, parent: parent))
        }
    }

    /// Renames, re-kinds or re-parents an organisation; a parent below it (a cycle) is refused.
    public func updateOrganisation(id: String, name: String?, kind: String?, parent: String??, actor: String? = nil, now: Timestamp) throws {
        try directoryCommand("org.update", subject: "org:\(id)", actor: actor, now: now) {
            guard var org = try store.organisation(id) else { throw try unknownOrganisation(id) }
            if let name { try requireName(name); org.name = name }
            if let kind { org.kind = kind }
            if let parent {
                if let p = parent {
                    try requireOrganisation(p)
                    if try ancestors(of: p).contains(id) || p == id {
                        throw CommandRefused(.cycle, "'\(p)' berada di bawah '\(id)'; induk itu akan membuat lingkaran",
                                             "'\(p)' is below '\(id)'; that parent would make a cycle")
                    }
                }
                org.parent = parent
            }
            return .organisation(org)
        }
    }

    public func addActor(id: String, name: String, nip: String?, osUser: String? = nil, actor: String? = nil, now: Timestamp) throws {
        try directoryCommand("actor.add", subject: "actor:\(id)", actor: actor, now: now) {
            try requireIdentifier(id, what: "pelaku")
            guard id != Command.systemActor, try directoryActor(id) == nil else {
                throw CommandRefused(.alreadyExists, "pelaku '\(id)' sudah ada; ubah dengan `seleksi actor update`",
                                     "actor '\(id)' already exists; change it with `seleksi actor update`")
            }
            try requireName(name)
            return .actor(Actor(id: id, name: name, nip: nip, osUser: osUser))
        }
    }

    public func updateActor(id: String, name: String?, nip: String??, osUser: String??, actor: String? = nil, now: Timestamp) throws {
        try directoryCommand("actor.update", subject: "actor:\(id)", actor: actor, now: now) {
            guard var a = try directoryActor(id) else { throw unknownActor(id) }
            if let name { try requireName(name); a.name = name }
            if let nip { a.nip = nip }
            if let osUser { a.osUser = osUser }
            return .actor(a)
        }
    }

    /// Grants a role declared by some loaded workflow, in an organisation, from `now`, possibly until
    /// a moment or until an instance (the decree that named the actor) reaches a final state.
    public func grant(actor: String, role: String, org: String, until: Timestamp? = nil, untilInstance: Int64? = nil,
                      by: String? = nil, now: Timestamp) throws {
        try directoryCommand("grant", subject: "grant:\(actor)/\(role)/\(org)", actor: by, now: now) {
            guard try directoryActor(actor) != nil else { throw unknownActor(actor) }
            try requireOrganisation(org)
            let declared = try declaredRoles()
            guard declared.contains(role) else {
                throw CommandRefused(.unknownRole, "peran '\(role)' tidak dikenal alur mana pun; peran yang ada: \(declared.sorted().joined(separator: ", "))",
                                     "no workflow declares role '\(role)'; roles: \(declared.sorted().joined(separator: ", "))")
            }
            if let existing = try store.grants(actor: actor).first(where: { $0.role == role && $0.org == org }),
               try isActive(existing, at: now) {
                throw CommandRefused(.alreadyExists, "\(actor) sudah memegang \(role)@\(org)", "\(actor) already holds \(role)@\(org)")
            }
            if let until, until.seconds <= now.seconds {
                throw CommandRefused(.notPermitted, "--until \(until.iso) sudah lewat", "--until \(until.iso) is already past")
            }
            if let untilInstance, try store.instance(untilInstance) == nil { throw unknownInstance(untilInstance) }
            return .grant(Grant(actor: actor, role: role, org: org, grantedAt: now.seconds, untilAt: until?.seconds,
                                untilInstance: untilInstance))
        }
    }

    public func revoke(actor: String, role: String, org: String, by: String? = nil, now: Timestamp) throws {
        try directoryCommand("revoke", subject: "grant:\(actor)/\(role)/\(org)", actor: by, now: now) {
            guard var g = try store.grants(actor: actor).first(where: { $0.role == role && $0.org == org }),
                  try isActive(g, at: now) else {
                throw CommandRefused(.notPermitted, "\(actor) tidak memegang \(role)@\(org) saat ini", "\(actor) does not hold \(role)@\(org) now")
            }
            g.revokedAt = now.seconds
            return .grant(g)
        }
    }

    /// Registers a public key with which the actor signs commands (Ed25519, 32 bytes in hex).
    public func addActorKey(actor: String, publicKeyHex: String, by: String? = nil, now: Timestamp) throws {
        try directoryCommand("actor.key", subject: "keys:\(actor)", actor: by, now: now) {
            guard try directoryActor(actor) != nil else { throw unknownActor(actor) }
            guard let key = Hex.decode(publicKeyHex), key.count == 32 else {
                throw CommandRefused(.notPermitted, "kunci publik harus 64 digit heksadesimal (dari `seleksi key generate`)",
                                     "a public key is 64 hexadecimal digits (from `seleksi key generate`)")
            }
            if try store.actorKeys(actor).contains(where: { $0.publicKey == key }) {
                throw CommandRefused(.alreadyExists, "kunci itu sudah terdaftar untuk \(actor)", "that key is already registered for \(actor)")
            }
            return .actorKey(ActorKey(actor: actor, publicKey: key, addedAt: now.seconds))
        }
    }

    /// Runs a directory change as an audited command.
    func directoryCommand(_ name: String, subject: String, actor: String?, now: Timestamp, _ change: () throws -> DirectoryChange) throws {
        let who = directoryActorName(actor)
        try runCommand(name, actor: who, now: now) { now in
            let made: DirectoryChange
            do { made = try change() } catch var refused as CommandRefused {
                refused.subject = subject
                throw refused
            }
            var write = CommandWrite(audit: AuditRecord(at: now.seconds, actor: who, osUser: osUser, command: name, outcome: "accepted"))
            write.directory = made
            try store.commit(write)
            directory = DirectoryCache()
        }
    }

    // MARK: Checks shared by the directory commands

    func requireIdentifier(_ id: String, what: String) throws {
        let ok = !id.isEmpty && id.count <= 100 && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
        guard ok else {
            throw CommandRefused(.notPermitted, "id \(what) '\(TerminalText.safe(id))' tidak sah: pakai huruf, angka, - _ . (paling panjang 100)",
                                 "\(what) id '\(TerminalText.safe(id))' is not valid: use letters, digits, - _ . (at most 100)")
        }
    }

    func requireName(_ name: String) throws {
        guard !name.trimmingSpaces.isEmpty, name.count <= 200 else {
            throw CommandRefused(.notPermitted, "nama harus diisi, paling panjang 200 karakter", "a name is required, at most 200 characters")
        }
    }

    func requireOrganisation(_ id: String) throws {
        guard try store.organisation(id) != nil else { throw try unknownOrganisation(id) }
    }

    func unknownOrganisation(_ id: String) throws -> CommandRefused {
        let known = try store.organisations().map(\.id).prefix(30).joined(separator: ", ")
        return CommandRefused(.unknownOrganisation, "organisasi '\(TerminalText.safe(id))' tidak terdaftar; yang ada: \(known)",
                              "organisation '\(TerminalText.safe(id))' is not registered; organisations: \(known)")
    }

    func unknownActor(_ id: String) -> CommandRefused {
        CommandRefused(.unknownActor, "pelaku '\(TerminalText.safe(id))' tidak terdaftar; lihat `seleksi actor list`",
                       "actor '\(TerminalText.safe(id))' is not registered; see `seleksi actor list`")
    }

    func unknownInstance(_ id: Int64) -> CommandRefused {
        CommandRefused(.unknownInstance, "tidak ada instans #\(id); `seleksi list` menampilkan instans", "no instance #\(id); see `seleksi list`")
    }
}
