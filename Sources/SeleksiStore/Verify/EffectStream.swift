/// One append-only table read in row order beside the audit log, so each command's rows can be
/// hashed and compared with the `dataHash` its audit row recorded — without holding either in memory.
final class EffectStream {
    let table: String
    private let cursor: Cursor
    private let encode: (Row) -> (auditSeq: Int64, row: RowEncoder, problem: String?, record: String)
    private(set) var current: (auditSeq: Int64, row: RowEncoder, problem: String?, record: String)?
    /// The audit row that wrote the current row; `Int64.max` once the table is read to its end.
    private(set) var nextSeq = Int64.max

    init(table: String, cursor: Cursor, encode: @escaping (Row) -> (Int64, RowEncoder, String?, String)) throws {
        self.table = table
        self.cursor = cursor
        self.encode = encode
        try advance()
    }

    func advance() throws {
        current = try cursor.step() ? cursor.row.map(encode) : nil
        nextSeq = current?.auditSeq ?? .max
    }
}

extension SQLiteStore {
    /// The four tables whose rows commands append, each encoded as `commit` encoded it.
    func effectStreams() throws -> [EffectStream] {
        let submissions = try db.prepare("""
            SELECT id, instance, form_id, form_hash, actor, submitted_at, kind, version, reason, data_hash, data, erased_by, audit_seq
            FROM submissions ORDER BY id
            """).cursor()
        let decisions = try db.prepare("SELECT id, instance, name, value, reason, actor, at, audit_seq FROM decisions ORDER BY id").cursor()
        let confirmations = try db.prepare("SELECT id, instance, state_seq, event, actor, at, audit_seq FROM confirmations ORDER BY id").cursor()
        let unique = try db.prepare("SELECT scope, name, value_hash, instance, audit_seq FROM unique_keys ORDER BY rowid").cursor()
        return [
            try EffectStream(table: "submissions", cursor: submissions) { r in
                let dataHash = r.digest(9) ?? .zero
                var problem: String?
                if r.isNull(11), Hash256.of(r.text(10)) != dataHash {
                    problem = "isinya tidak sama dengan hash-nya: data formulir diubah (the answers were edited)"
                }
                return (r.int(12), EffectRow.submission(id: r.int(0), instance: r.int(1), formID: r.text(2), formHash: r.text(3),
                                                         actor: r.text(4), at: r.int(5), kind: r.text(6), version: r.int(7),
                                                         reason: r.optionalText(8), dataHash: dataHash),
                        problem, "submissions #\(r.int(0))")
            },
            try EffectStream(table: "decisions", cursor: decisions) { r in
                (r.int(7), EffectRow.decision(id: r.int(0), instance: r.int(1), name: r.text(2), value: r.text(3),
                                              reason: r.optionalText(4), actor: r.text(5), at: r.int(6)), nil, "decisions #\(r.int(0))")
            },
            try EffectStream(table: "confirmations", cursor: confirmations) { r in
                (r.int(6), EffectRow.confirmation(id: r.int(0), instance: r.int(1), stateSeq: r.int(2), event: r.text(3),
                                                  actor: r.text(4), at: r.int(5)), nil, "confirmations #\(r.int(0))")
            },
            try EffectStream(table: "unique_keys", cursor: unique) { r in
                (r.int(4), EffectRow.uniqueKey(scope: r.int(0), name: r.text(1), valueHash: r.digest(2) ?? .zero, instance: r.int(3)),
                 nil, "unique_keys \(r.text(1)) #\(r.int(3))")
            },
        ]
    }
}
