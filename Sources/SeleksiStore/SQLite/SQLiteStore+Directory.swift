import SeleksiCore

extension SQLiteStore: DirectoryStore {
    public func organisation(_ id: String) throws -> Organisation? {
        try db.prepare("SELECT id, name, kind, parent FROM organisations WHERE id = ?").first(.text(id), map: Self.organisation)
    }

    public func organisations() throws -> [Organisation] {
        try db.prepare("SELECT id, name, kind, parent FROM organisations ORDER BY id").rows(map: Self.organisation)
    }

    public func actor(_ id: String) throws -> Actor? {
        try db.prepare("SELECT id, name, nip, os_user FROM actors WHERE id = ?").first(.text(id), map: Self.actor)
    }

    public func actors() throws -> [Actor] {
        try db.prepare("SELECT id, name, nip, os_user FROM actors ORDER BY id").rows(map: Self.actor)
    }

    public func actorIDs() throws -> Set<String> {
        var ids: Set<String> = []
        try db.prepare(static: "SELECT id FROM actors").forEach { ids.insert($0.text(0)) }
        return ids
    }

    public func actors(osUser: String) throws -> [Actor] {
        try db.prepare("SELECT id, name, nip, os_user FROM actors WHERE os_user = ? ORDER BY id").rows(.text(osUser), map: Self.actor)
    }

    public func actorKeys(_ actor: String) throws -> [ActorKey] {
        try db.prepare("SELECT actor, public_key, added_at FROM actor_keys WHERE actor = ? ORDER BY id").rows(.text(actor)) {
            ActorKey(actor: $0.text(0), publicKey: $0.blob(1), addedAt: $0.int(2))
        }
    }

    public func grants(actor: String) throws -> [Grant] {
        try db.prepare("\(Self.grantColumns) WHERE actor = ? ORDER BY org, role").rows(.text(actor), map: Self.grant)
    }

    public func grants(role: String, org: String) throws -> [Grant] {
        try db.prepare("\(Self.grantColumns) WHERE org = ? AND role = ? ORDER BY actor").rows(.text(org), .text(role), map: Self.grant)
    }

    public func grants(org: String) throws -> [Grant] {
        try db.prepare("\(Self.grantColumns) WHERE org = ? ORDER BY role, actor").rows(.text(org), map: Self.grant)
    }

    static let grantColumns = "SELECT actor, role, org, granted_at, until_at, until_instance, revoked_at FROM grants"

    static func organisation(_ row: Row) -> Organisation {
        Organisation(id: row.text(0), name: row.text(1), kind: row.text(2), parent: row.optionalText(3))
    }

    static func actor(_ row: Row) -> Actor {
        Actor(id: row.text(0), name: row.text(1), nip: row.optionalText(2), osUser: row.optionalText(3))
    }

    static func grant(_ row: Row) -> Grant {
        Grant(actor: row.text(0), role: row.text(1), org: row.text(2), grantedAt: row.int(3), untilAt: row.optionalInt(4),
              untilInstance: row.optionalInt(5), revokedAt: row.optionalInt(6))
    }

    // MARK: Writing a change (from `commit`)

    /// Applies a directory, definition, setting or erasure change; returns the after-image to record.
    func apply(_ change: DirectoryChange, seq: Int64, at: Int64) throws -> Hash256 {
        switch change {
        case .organisation(let o):
            try db.prepare("""
                INSERT INTO organisations (id, name, kind, parent) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent = excluded.parent
                """).run(.text(o.id), .text(o.name), .text(o.kind), .optional(o.parent))
            return SubjectImage.organisation(o)
        case .actor(let a):
            try db.prepare("""
                INSERT INTO actors (id, name, nip, os_user) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, nip = excluded.nip, os_user = excluded.os_user
                """).run(.text(a.id), .text(a.name), .optional(a.nip), .optional(a.osUser))
            return SubjectImage.actor(a)
        case .grant(let g):
            try db.prepare("""
                INSERT INTO grants (actor, role, org, granted_at, until_at, until_instance, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (actor, role, org) DO UPDATE SET granted_at = excluded.granted_at, until_at = excluded.until_at,
                    until_instance = excluded.until_instance, revoked_at = excluded.revoked_at
                """).run(.text(g.actor), .text(g.role), .text(g.org), .int(g.grantedAt), .optional(g.untilAt),
                         .optional(g.untilInstance), .optional(g.revokedAt))
            return SubjectImage.grant(g)
        case .actorKey(let k):
            try db.prepare("INSERT INTO actor_keys (actor, public_key, added_at) VALUES (?, ?, ?)")
                .run(.text(k.actor), .blob(k.publicKey), .int(k.addedAt))
            return SubjectImage.actorKeys(try actorKeys(k.actor))
        case .setting(let key, let value):
            try db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                .run(.text(key), .text(value))
            cachedSettings = nil
            return SubjectImage.setting(key: key, value: value)
        case .definition(let kind, let id, let version, let file, let bytes, let hash):
            try db.prepare("""
                INSERT OR IGNORE INTO definitions (hash, kind, def_id, version, file, source, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).run(.text(hash), .text(kind), .text(id), .text(version), .text(file), .blob(bytes), .int(at))
            try db.prepare("""
                INSERT INTO current_definitions (kind, def_id, hash) VALUES (?, ?, ?)
                ON CONFLICT (kind, def_id) DO UPDATE SET hash = excluded.hash
                """).run(.text(kind), .text(id), .text(hash))
            currentDefinitions[DefinitionKey(kind: kind, id: id)] = .some(hash)
            guard let stored = try definitionRow(hash: hash) else { throw StoreError.notFound("definition \(hash) was not stored") }
            return SubjectImage.definition(kind: kind, id: id, hash: hash, version: stored.version, file: stored.file,
                                           sourceDigest: Hash256.of(stored.source))
        case .referenceTable(let name, let rows):
            try db.prepare("DELETE FROM reference_rows WHERE table_name = ?").run(.text(name))
            for (i, row) in rows.enumerated() {
                try db.prepare("INSERT INTO reference_rows (table_name, row_no, data) VALUES (?, ?, ?)")
                    .run(.text(name), .int(Int64(i + 1)), .text(row))
            }
            return SubjectImage.referenceTable(name: name, rows: rows)
        case .erasure(let instance, let submissions, let dropBlobs):
            for hash in dropBlobs { try db.prepare("DELETE FROM blobs WHERE hash = ?").run(.digest(hash)) }
            var images: [(id: Int64, dataDigest: Hash256)] = []
            // Every erased version of the instance, as `audit verify` will find them.
            for s in submissions.sorted(by: { $0.id < $1.id }) {
                try db.prepare("UPDATE submissions SET data = ?, erased_by = ? WHERE id = ? AND instance = ?")
                    .run(.text(s.data), .int(seq), .int(s.id), .int(instance))
                guard db.changes == 1 else { throw StoreError.notFound("no submission #\(s.id) of instance #\(instance)") }
            }
            try db.prepare("SELECT id, data FROM submissions WHERE instance = ? AND erased_by IS NOT NULL ORDER BY id").forEach(.int(instance)) {
                images.append(($0.int(0), Hash256.of($0.text(1))))
            }
            return SubjectImage.erasure(instance: instance, submissions: images)
        }
    }

    func definitionRow(hash: String) throws -> (version: String, file: String, source: [UInt8])? {
        try db.prepare("SELECT version, file, source FROM definitions WHERE hash = ?").first(.text(hash)) {
            ($0.text(0), $0.text(1), $0.blob(2))
        }
    }
}
