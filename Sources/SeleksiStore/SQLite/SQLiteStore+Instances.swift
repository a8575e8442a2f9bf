import SeleksiCore

extension SQLiteStore: InstanceStore {
    static let instanceColumns = """
        SELECT id, workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, created_at, updated_at
        FROM instances
        """

    public func instance(_ id: Int64) throws -> InstanceRecord? {
        if let known = currentRow(id) { return known }
        return try storedInstance(id)
    }

    private func storedInstance(_ id: Int64) throws -> InstanceRecord? {
        try db.prepare(static: """
            SELECT id, workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, created_at, updated_at
            FROM instances WHERE id = ?
            """).first(.int(id), map: instance)
    }

    /// The row as this connection last read or wrote it, when that is what the file holds (see
    /// `rowsEpoch`). A command reads its instance and the round above it this way; the query and the
    /// comparison of the JSON texts are skipped.
    private func currentRow(_ id: Int64) -> InstanceRecord? {
        guard db.inCheckedWriteTransaction, let kept = parsedRows.get(id)?.row, kept.epoch == rowsEpoch else {
            return nil
        }
        let known = kept.record
        assert((try? storedInstance(id)).flatMap { $0.map { Self.sameRow($0, known) } } ?? false,
               "instance #\(id) as this connection keeps it is not the row the file holds")
        return known
    }

    /// Whether two records of one instance hold the same row (every column, the JSON ones as parsed).
    static func sameRow(_ a: InstanceRecord, _ b: InstanceRecord) -> Bool {
        a.id == b.id && a.workflowID == b.workflowID && a.workflowHash == b.workflowHash
            && a.formHashes == b.formHashes && a.org == b.org && a.owner == b.owner && a.parent == b.parent
            && a.state == b.state && a.stateSeq == b.stateSeq && a.enteredAt == b.enteredAt
            && a.variables == b.variables && a.createdAt == b.createdAt && a.updatedAt == b.updatedAt
    }

    /// Keeps `record` as the row the file holds (see `rowsEpoch`), inside a checked write transaction
    /// only. `columns` is the row's entry in `parsedRows`.
    func noteCurrent(_ record: InstanceRecord, columns: ParsedInstanceColumns) {
        guard db.inCheckedWriteTransaction else { return }
        columns.row = (record, rowsEpoch)
    }

    public func forEachChild(of parent: Int64, states: Set<String>?, _ body: (InstanceRecord) throws -> Void) throws {
        try db.prepare("\(Self.instanceColumns) WHERE parent = ? ORDER BY id").forEach(.int(parent)) { row in
            if let states, !states.contains(row.text(7)) { return }
            try body(instance(row))
        }
    }

    public func childStates(of parent: Int64) throws -> [(id: Int64, state: String)] {
        try db.prepare(static: "SELECT id, state FROM instances WHERE parent = ? ORDER BY id").rows(.int(parent)) {
            (id: $0.int(0), state: $0.text(1))
        }
    }

    public func childStateCounts(of parent: Int64) throws -> [(state: String, count: Int)] {
        try db.prepare("SELECT state, count(*) FROM instances WHERE parent = ? GROUP BY state ORDER BY state").rows(.int(parent)) {
            (state: $0.text(0), count: Int($0.int(1)))
        }
    }

    public func participatingChildCounts(of parent: Int64) throws -> [(workflow: String, count: Int)] {
        try db.prepare("""
            SELECT i.workflow_id, count(*) FROM instances i
            WHERE i.parent = ? AND EXISTS (SELECT 1 FROM submissions s WHERE s.instance = i.id)
            GROUP BY i.workflow_id ORDER BY i.workflow_id
            """).rows(.int(parent)) { (workflow: $0.text(0), count: Int($0.int(1))) }
    }

    public func instances(_ f: InstanceFilter, limit: Int) throws -> [InstanceRecord] {
        let (condition, values) = Self.condition(f)
        return try db.prepare("\(Self.instanceColumns) \(condition) ORDER BY id LIMIT ?")
            .rows(binding: values + [.int(Int64(max(0, limit)))], map: instance)
    }

    public func listing(_ f: InstanceFilter, limit: Int) throws -> [InstanceListing] {
        let (condition, values) = Self.condition(f)
        let sql = """
            SELECT i.id, i.workflow_id, i.state, i.org, i.owner, i.parent, i.updated_at, a.name
            FROM (SELECT id, workflow_id, state, org, owner, parent, updated_at FROM instances \(condition)
                  ORDER BY id LIMIT ?) AS i
            LEFT JOIN actors AS a ON a.id = i.owner ORDER BY i.id
            """
        return try db.prepare(sql).rows(binding: values + [.int(Int64(max(0, limit)))]) {
            InstanceListing(
                id: $0.int(0), workflowID: $0.text(1), state: $0.text(2), org: $0.text(3), owner: $0.text(4),
                ownerName: $0.optionalText(7), parent: $0.optionalInt(5), updatedAt: $0.int(6))
        }
    }

    public func instanceCounts(_ f: InstanceFilter) throws -> [(workflow: String, state: String, count: Int)] {
        let (condition, values) = Self.condition(f)
        return try db.prepare("SELECT workflow_id, state, count(*) FROM instances \(condition) GROUP BY workflow_id, state ORDER BY workflow_id, state")
            .rows(binding: values) { (workflow: $0.text(0), state: $0.text(1), count: Int($0.int(2))) }
    }

    /// The WHERE clause naming only the filter's present fields, with their values in order. Written out
    /// rather than as `(? IS NULL OR col = ?)`, which SQLite cannot answer from an index: it scanned
    /// every instance for a parent's children or an owner's rounds. At most 32 texts, each prepared once.
    static func condition(_ f: InstanceFilter) -> (sql: String, values: [SQLValue]) {
        var terms: [String] = []
        var values: [SQLValue] = []
        if let w = f.workflow { terms.append("workflow_id = ?"); values.append(.text(w)) }
        if let s = f.state { terms.append("state = ?"); values.append(.text(s)) }
        if let p = f.parent { terms.append("parent = ?"); values.append(.int(p)) }
        if let o = f.org { terms.append("org = ?"); values.append(.text(o)) }
        if let o = f.owner { terms.append("owner = ?"); values.append(.text(o)) }
        return (terms.isEmpty ? "" : "WHERE " + terms.joined(separator: " AND "), values)
    }

    public func uniqueKeyHolder(scope: Int64, name: String, valueHash: Hash256) throws -> Int64? {
        try db.prepare(static: "SELECT instance FROM unique_keys WHERE scope = ? AND name = ? AND value_hash = ?")
            .first(.int(scope), .text(name), .digest(valueHash)) { $0.int(0) }
    }

    func instance(_ row: Row) -> InstanceRecord {
        let id = row.int(0)
        let forms = row.text(3), vars = row.text(10)
        let parsed: ParsedInstanceColumns
        if let hit = parsedRows.get(id), hit.varsText == vars, hit.formsText == forms {
            parsed = hit
        } else {
            parsed = ParsedInstanceColumns(formsText: forms, formHashes: Self.formHashes(forms), varsText: vars,
                                           variables: Self.storedRecord(vars))
            parsedRows.set(id, parsed, cost: forms.utf8.count + vars.utf8.count)
        }
        var record = InstanceRecord(
            id: id, workflowID: row.text(1), workflowHash: row.text(2), formHashes: parsed.formHashes,
            org: row.text(4), owner: row.text(5), parent: row.optionalInt(6), state: row.text(7),
            stateSeq: row.int(8), enteredAt: row.int(9), variables: parsed.variables,
            createdAt: row.int(11), updatedAt: row.int(12))
        record.formHashesSource = parsed.formsText
        noteCurrent(record, columns: parsed)
        return record
    }

    /// Every instance started on the same definitions has the same form hashes: parse each text once.
    private static let formHashCache = TextCache<[String: String]>(limit: 1000)

    static func formHashes(_ text: String) -> [String: String] {
        formHashCache.value(for: text) { storedRecord(text).mapValues(\.displayText) }
    }

    /// Stored canonical JSON read back; the store only ever writes valid JSON objects.
    static func storedRecord(_ text: String) -> [String: Value] {
        if case .record(let r)? = try? Value(json: text) { return r }
        return [:]
    }
}

/// An instance row's two JSON columns with what they parse to (see `SQLiteStore.parsedRows`). A class,
/// so that the cache moves a reference, and the whole row is added to an entry in place.
final class ParsedInstanceColumns {
    let formsText: String
    let formHashes: [String: String]
    let varsText: String
    let variables: [String: Value]
    /// The whole row, and the epoch in which this connection knew it (see `SQLiteStore.rowsEpoch`).
    var row: (record: InstanceRecord, epoch: Int)?

    init(formsText: String, formHashes: [String: String], varsText: String, variables: [String: Value]) {
        self.formsText = formsText
        self.formHashes = formHashes
        self.varsText = varsText
        self.variables = variables
    }
}
