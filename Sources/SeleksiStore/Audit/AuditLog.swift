/// The append-only, hash-chained log of every command. Appends happen inside the command's
/// transaction; triggers refuse UPDATE and DELETE; `verify` recomputes the chain.
public final class AuditLog {
    let db: Database
    private var head: (seq: Int64, hash: String)?

    public init(_ db: Database) {
        self.db = db
        // Another process may have appended rows since our last command: re-read the head then.
        db.onBegin.append { [weak self] in self?.head = nil }
        db.onRollback.append { [weak self] in self?.head = nil }
    }


    @discardableResult
    public func append(_ record: AuditRecord) throws -> AuditRecord {
        let last = try head ?? (db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first { ($0.int(0), $0.text(1)) }
            ?? (0, AuditRecord.genesis))
        var r = record
        r.seq = last.seq + 1
        r.prevHash = last.hash
        r.hash = r.computeHash()
        try db.prepare(static: """
            INSERT INTO audit_log (seq, at, actor, role, instance, command, event, from_state, to_state, outcome, reason, data_hash, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(.int(r.seq), .int(r.at), .text(r.actor), .optional(r.role), .optional(r.instance), .text(r.command),
                     .optional(r.event), .optional(r.from), .optional(r.to), .text(r.outcome), .optional(r.reason),
                     .optional(r.dataHash), .text(r.prevHash), .text(r.hash))
        head = (r.seq, r.hash)
        return r
    }

    public func records(instance: Int64? = nil) throws -> [AuditRecord] {
        let sql = "SELECT seq, at, actor, role, instance, command, event, from_state, to_state, outcome, reason, data_hash, prev_hash, hash FROM audit_log"
        let map = { (row: Row) -> AuditRecord in
            var r = AuditRecord(at: row.int(1), actor: row.text(2), role: row.optionalText(3), instance: row.optionalInt(4), command: row.text(5),
                                event: row.optionalText(6), from: row.optionalText(7), to: row.optionalText(8), outcome: row.text(9),
                                reason: row.optionalText(10), dataHash: row.optionalText(11))
            r.seq = row.int(0)
            r.prevHash = row.text(12)
            r.hash = row.text(13)
            return r
        }
        if let instance { return try db.prepare(sql + " WHERE instance = ? ORDER BY seq").rows(.int(instance), map: map) }
        return try db.prepare(sql + " ORDER BY seq").rows(map: map)
    }

    public struct Verification: Sendable {
        public let rows: Int
        /// The first row whose stored hash or link does not match, and why.
        public let firstBroken: (seq: Int64, problem: String)?
        public let headHash: String
    }

    /// Recomputes every row's hash and link in order.
    public func verify() throws -> Verification {
        var prev = AuditRecord.genesis
        var expectedSeq: Int64 = 1
        var count = 0
        var broken: (Int64, String)?
        for r in try records() {
            count += 1
            if broken != nil { continue }
            if r.seq != expectedSeq {
                broken = (r.seq, "row \(expectedSeq) is missing (the log jumps from \(expectedSeq - 1) to \(r.seq))")
            } else if r.prevHash != prev {
                broken = (r.seq, "its prev_hash does not match row \(r.seq - 1)'s hash")
            } else if r.computeHash() != r.hash {
                broken = (r.seq, "its contents do not match its hash (the row was edited)")
            }
            prev = r.hash
            expectedSeq = r.seq + 1
        }
        return Verification(rows: count, firstBroken: broken, headHash: prev)
    }
}
