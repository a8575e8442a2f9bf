import SeleksiCore

extension Engine {
    /// The current version of every definition stored in the database, checked as `seleksi check`
    /// checks files: what a command on this database runs, wherever it is run from.
    public func storedDefinitions() throws -> DefinitionSet {
        try wrap {
            var sources: [(file: String, bytes: [UInt8])] = []
            for kind in ["form", "workflow"] {
                for id in try store.currentDefinitionIDs(kind: kind) {
                    guard let hash = try store.currentDefinitionHash(kind: kind, id: id),
                        let source = try store.definitionSource(hash: hash)
                    else { continue }
                    sources.append((source.file, source.bytes))
                }
            }
            return DefinitionFiles.check(sources: sources, referenceColumns: try storedReferenceColumns())
        }
    }

    /// The seed tables stored at `init` and the columns their rows have, to check `lookup()` and calendars.
    private func storedReferenceColumns() throws -> [String: [String]] {
        var columns: [String: Set<String>] = [:]
        for (table, rows) in try referenceTables().tables {
            columns[table, default: []].formUnion(rows.flatMap(\.keys))
        }
        return columns.mapValues { $0.sorted() }
    }
}
