import Foundation
import SeleksiCore
@testable import SeleksiStore

/// What someone holding the database file can do: raw SQL with the log's guards dropped, and a whole
/// chain recomputed after an edit by someone who has read the source. `audit verify` must catch
/// what the threat model says it catches, and nothing here is a mock: it is the real file.
struct Attacker {
    let path: String
    let db: Database

    init(_ path: String) throws {
        self.path = path
        db = try Database(path: path, create: false)
    }

    func dropGuards() throws {
        try db.execute("DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete")
    }

    func sql(_ text: String) throws { try db.execute(text) }

    func int(_ query: String) throws -> Int64 { try db.prepare(query).first { $0.int(0) } ?? -1 }

    /// Makes the last audit row that wrote instance `id` record the instance's current (edited) row,
    /// so that only a recomputed chain stands between the edit and `audit verify`.
    func rerecordInstance(_ id: Int64) throws {
        let store = try SQLiteStore(path: path)
        guard let r = try store.instance(id) else { return }
        let vars = try db.prepare("SELECT vars, form_hashes FROM instances WHERE id = ?").first(.int(id)) { ($0.text(0), $0.text(1)) }!
        let image = InstanceRecord.afterImage(id: id, workflowID: r.workflowID, workflowHash: r.workflowHash, formHashes: vars.1,
                                              org: r.org, owner: r.owner, parent: r.parent, state: r.state, stateSeq: r.stateSeq,
                                              enteredAt: r.enteredAt, vars: vars.0, createdAt: r.createdAt, updatedAt: r.updatedAt)
        try db.prepare("UPDATE audit_log SET after_hash = ? WHERE seq = (SELECT max(seq) FROM audit_log WHERE instance = ? AND after_hash IS NOT NULL)")
            .run(.digest(image), .int(id))
    }

    /// Recomputes every row's link and hash, from the first row on.
    func recomputeChain() throws {
        let store = try SQLiteStore(path: path)
        var rows: [AuditRecord] = []
        try store.forEachAuditRecord(from: 1) { rows.append($0) }
        var prev = Hash256.zero
        for var r in rows {
            r.prevHash = prev
            r.hash = r.computeHash()
            try db.prepare("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?").run(.digest(r.prevHash), .digest(r.hash), .int(r.seq))
            prev = r.hash
        }
    }

    /// Appends a row with a correct link and hash: what a forger who read the source can write.
    func appendRow(_ make: (inout AuditRecord) -> Void) throws {
        let store = try SQLiteStore(path: path)
        let head = try store.auditHead()!
        var r = AuditRecord(at: head.at, actor: "penyusup", command: "fire", outcome: "accepted")
        make(&r)
        r.seq = head.seq + 1
        r.prevHash = head.hash
        r.hash = r.computeHash()
        try db.prepare("""
            INSERT INTO audit_log (seq, at, actor, os_user, role, instance, subject, command, event, from_state, to_state, outcome, reason,
                                   data_hash, after_hash, signature, prev_hash, hash)
            VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, ?)
            """).run(.int(r.seq), .int(r.at), .text(r.actor), .optional(r.role), .optional(r.instance), .optional(r.subject),
                     .text(r.command), .optional(r.event), .optional(r.from), .optional(r.to), .text(r.outcome),
                     .optional(r.dataHash), .optional(r.afterHash), .digest(r.prevHash), .digest(r.hash))
    }
}
