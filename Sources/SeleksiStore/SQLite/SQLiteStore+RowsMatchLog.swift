import SeleksiCore

extension SQLiteStore {
    /// Refuses to build a command on an instance row that is not what the audit row that last wrote it
    /// recorded. Without this, a row edited with SQL (a variable, the owner) would be taken into the next
    /// command's after-image, and `audit verify` would find the file consistent from then on.
    ///
    /// Compared once per row and connection: a row this connection has written or compared since any
    /// other connection last committed is as the log says. So a command from the terminal pays two
    /// lookups and a hash (a few microseconds), and a long batch such as the demo pays them once per
    /// instance. Called inside the write transaction, so nothing can change the row in between.
    func requireRowMatchesLog(_ id: Int64) throws {
        if rowsMatchingLog.contains(id) { return }
        let image = try db.prepare(static: """
            SELECT workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars,
                   created_at, updated_at
            FROM instances WHERE id = ?
            """).first(.int(id)) { r in
            InstanceRecord.afterImage(id: id, workflowID: r.text(0), workflowHash: r.text(1), formHashes: r.text(2),
                                      org: r.text(3), owner: r.text(4), parent: r.optionalInt(5), state: r.text(6),
                                      stateSeq: r.int(7), enteredAt: r.int(8), vars: r.text(9), createdAt: r.int(10),
                                      updatedAt: r.int(11), in: scratch)
        }
        guard let image else { throw StoreError.notFound("no instance #\(id) to update") }
        // The row that last wrote the instance: a directory row (with a subject) never does.
        let last = try db.prepare(static: """
            SELECT seq, after_hash FROM audit_log
            WHERE instance = ? AND subject IS NULL AND after_hash IS NOT NULL ORDER BY seq DESC LIMIT 1
            """).first(.int(id)) { (seq: $0.int(0), image: $0.digest(1)) }
        guard let last, last.image == image else { throw StoreError.rowDiffersFromLog(instance: id, seq: last?.seq) }
        noteRowMatchesLog(id)
    }

    func noteRowMatchesLog(_ id: Int64) {
        if rowsMatchingLog.count >= Self.knownRowsLimit { rowsMatchingLog.removeAll(keepingCapacity: true) }
        rowsMatchingLog.insert(id)
    }
}
