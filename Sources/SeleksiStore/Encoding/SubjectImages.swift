/// The after-images of directory entries, definitions, settings and reference tables. `commit`
/// records them in the audit row that changes the entry; `audit verify` recomputes them from the
/// tables. Both sides call these functions, so they cannot drift apart.
enum SubjectImage {
    static func organisation(_ o: Organisation) -> Hash256 {
        var e = RowEncoder(domain: "organisation/1")
        e.text(o.id)
        e.text(o.name)
        e.text(o.kind)
        e.text(o.parent)
        return e.digest
    }

    static func actor(_ a: Actor) -> Hash256 {
        var e = RowEncoder(domain: "actor/1")
        e.text(a.id)
        e.text(a.name)
        e.text(a.nip)
        e.text(a.osUser)
        return e.digest
    }

    static func grant(_ g: Grant) -> Hash256 {
        var e = RowEncoder(domain: "grant/1")
        e.text(g.actor)
        e.text(g.role)
        e.text(g.org)
        e.int(g.grantedAt)
        e.int(g.untilAt)
        e.int(g.untilInstance)
        e.int(g.revokedAt)
        return e.digest
    }

    /// An actor's keys, all of them in order: adding one changes the image of the set.
    static func actorKeys(_ keys: [ActorKey]) -> Hash256 {
        var e = RowEncoder(domain: "actor-keys/1")
        for k in keys {
            e.text(k.actor)
            e.blob(k.publicKey)
            e.int(k.addedAt)
        }
        return e.digest
    }

    static func setting(key: String, value: String) -> Hash256 {
        var e = RowEncoder(domain: "setting/1")
        e.text(key)
        e.text(value)
        return e.digest
    }

    /// The current definition of a kind and id: which content hash, and that content's own hash.
    static func definition(kind: String, id: String, hash: String, version: String, file: String, sourceDigest: Hash256) -> Hash256 {
        var e = RowEncoder(domain: "definition/1")
        e.text(kind)
        e.text(id)
        e.text(hash)
        e.text(version)
        e.text(file)
        e.digest(sourceDigest)
        return e.digest
    }

    static func referenceTable(name: String, rows: [String]) -> Hash256 {
        var e = RowEncoder(domain: "reference/1")
        e.text(name)
        for (i, row) in rows.enumerated() {
            e.int(Int64(i + 1))
            e.text(row)
        }
        return e.digest
    }

    /// An erasure: which submissions it rewrote, and the SHA-256 of each new text.
    static func erasure(instance: Int64, submissions: [(id: Int64, dataDigest: Hash256)]) -> Hash256 {
        var e = RowEncoder(domain: "erasure/1")
        e.int(instance)
        for s in submissions {
            e.int(s.id)
            e.digest(s.dataDigest)
        }
        return e.digest
    }

    static func subject(of change: DirectoryChange) -> String {
        switch change {
        case .organisation(let o): return "org:\(o.id)"
        case .actor(let a): return "actor:\(a.id)"
        case .grant(let g): return "grant:\(g.actor)/\(g.role)/\(g.org)"
        case .actorKey(let k): return "keys:\(k.actor)"
        case .setting(let key, _): return "setting:\(key)"
        case .definition(let kind, let id, _, _, _, _): return "definition:\(kind)/\(id)"
        case .referenceTable(let name, _): return "reference:\(name)"
        case .erasure(let instance, _, _): return "erasure:\(instance)"
        }
    }
}

/// The rows a command appends, encoded for the hash its audit row records (`dataHash`).
enum EffectRow {
    static func submission(id: Int64, instance: Int64, formID: String, formHash: String, actor: String, at: Int64,
                           kind: String, version: Int64, reason: String?, dataHash: Hash256) -> RowEncoder {
        var e = RowEncoder(domain: "submission/1")
        e.int(id)
        e.int(instance)
        e.text(formID)
        e.text(formHash)
        e.text(actor)
        e.int(at)
        e.text(kind)
        e.int(version)
        e.text(reason)
        e.digest(dataHash)
        return e
    }

    static func decision(id: Int64, instance: Int64, name: String, value: String, reason: String?, actor: String, at: Int64) -> RowEncoder {
        var e = RowEncoder(domain: "decision/1")
        e.int(id)
        e.int(instance)
        e.text(name)
        e.text(value)
        e.text(reason)
        e.text(actor)
        e.int(at)
        return e
    }

    static func confirmation(id: Int64, instance: Int64, stateSeq: Int64, event: String, actor: String, at: Int64) -> RowEncoder {
        var e = RowEncoder(domain: "confirmation/1")
        e.int(id)
        e.int(instance)
        e.int(stateSeq)
        e.text(event)
        e.text(actor)
        e.int(at)
        return e
    }

    static func uniqueKey(scope: Int64, name: String, valueHash: Hash256, instance: Int64) -> RowEncoder {
        var e = RowEncoder(domain: "unique/1")
        e.int(scope)
        e.text(name)
        e.digest(valueHash)
        e.int(instance)
        return e
    }
}
