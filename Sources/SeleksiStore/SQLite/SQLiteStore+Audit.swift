extension SQLiteStore: AuditStore {
    static let auditColumns = """
        SELECT seq, at, actor, os_user, role, instance, subject, command, event, from_state, to_state, outcome, reason,
               data_hash, after_hash, signature, prev_hash, hash FROM audit_log
        """

    public func auditHead() throws -> (seq: Int64, hash: Hash256, at: Int64)? {
        try db.prepare("SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1").first {
            ($0.int(0), $0.digest(1) ?? .zero, $0.int(2))
        }
    }

    public func dataHead() throws -> (seq: Int64, hash: Hash256, at: Int64)? {
        try db.prepare("""
            SELECT seq, hash, at FROM audit_log WHERE command != 'document' AND outcome NOT LIKE 'refused%' ORDER BY seq DESC LIMIT 1
            """).first { ($0.int(0), $0.digest(1) ?? .zero, $0.int(2)) }
    }

    public func auditRecords(instance: Int64) throws -> [AuditRecord] {
        try db.prepare("\(Self.auditColumns) WHERE instance = ?1 OR subject = 'erasure:' || ?1 ORDER BY seq").rows(.int(instance), map: Self.audit)
    }

    public func forEachAuditRecord(from seq: Int64, _ body: (AuditRecord) throws -> Void) throws {
        try db.prepare("\(Self.auditColumns) WHERE seq >= ? ORDER BY seq").forEach(.int(seq)) { try body(Self.audit($0)) }
    }

    public func auditRecord(seq: Int64) throws -> AuditRecord? {
        try db.prepare("\(Self.auditColumns) WHERE seq = ?").first(.int(seq), map: Self.audit)
    }

    public func acceptedEvents(instance: Int64) throws -> [(event: String, actor: String, at: Int64)] {
        try db.prepare("""
            SELECT event, actor, at FROM audit_log WHERE instance = ? AND command = 'fire' AND outcome = 'accepted' ORDER BY seq
            """).rows(.int(instance)) { (event: $0.text(0), actor: $0.text(1), at: $0.int(2)) }
    }

    public func childMoves(parent: Int64) throws -> [(instance: Int64, at: Int64, from: String?, to: String)] {
        try db.prepare("""
            SELECT a.instance, a.at, a.from_state, a.to_state FROM audit_log a JOIN instances i ON i.id = a.instance
            WHERE i.parent = ? AND a.outcome = 'accepted' AND a.to_state IS NOT NULL ORDER BY a.instance, a.seq
            """).rows(.int(parent)) { (instance: $0.int(0), at: $0.int(1), from: $0.optionalText(2), to: $0.text(3)) }
    }

    static func audit(_ row: Row) -> AuditRecord {
        var r = AuditRecord(at: row.int(1), actor: row.text(2), osUser: row.optionalText(3), role: row.optionalText(4),
                            instance: row.optionalInt(5), subject: row.optionalText(6), command: row.text(7), event: row.optionalText(8),
                            from: row.optionalText(9), to: row.optionalText(10), outcome: row.text(11), reason: row.optionalText(12),
                            dataHash: row.digest(13))
        r.seq = row.int(0)
        r.afterHash = row.digest(14)
        r.signature = row.optionalBlob(15)
        r.prevHash = row.digest(16) ?? .zero
        r.hash = row.digest(17) ?? .zero
        return r
    }
}
