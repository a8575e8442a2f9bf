extension SQLiteStore: DefinitionStore {
    public func currentDefinitionHash(kind: String, id: String) throws -> String? {
        let key = DefinitionKey(kind: kind, id: id)
        if let known = currentDefinitions[key] { return known }
        let hash = try db.prepare(static: "SELECT hash FROM current_definitions WHERE kind = ? AND def_id = ?")
            .first(.text(kind), .text(id)) { $0.text(0) }
        currentDefinitions[key] = .some(hash)
        return hash
    }

    public func definitionSource(hash: String) throws -> (kind: String, file: String, bytes: [UInt8])? {
        try db.prepare("SELECT kind, file, source FROM definitions WHERE hash = ?").first(.text(hash)) { ($0.text(0), $0.text(1), $0.blob(2)) }
    }

    public func currentDefinitionIDs(kind: String) throws -> [String] {
        try db.prepare("SELECT def_id FROM current_definitions WHERE kind = ? ORDER BY def_id").rows(.text(kind)) { $0.text(0) }
    }

    public func referenceRows() throws -> [(table: String, data: String)] {
        try db.prepare("SELECT table_name, data FROM reference_rows ORDER BY table_name, row_no").rows { ($0.text(0), $0.text(1)) }
    }
}

/// A definition by kind (`form`, `workflow`) and id, for the store's cache of current hashes.
struct DefinitionKey: Hashable {
    let kind: String
    let id: String
}
