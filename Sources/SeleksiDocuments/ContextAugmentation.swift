import SeleksiCore

/// What the renderer adds to the engine's context before a template reads it, as the template's header
/// asks: letterheads from a reference table, and rows joined from a list.
enum ContextAugmentation {
    static func apply(_ header: TemplateHeader, to context: inout Value, reference: ReferenceTables) {
        if let table = header.letterheads, let rows = reference.tables[table] {
            addLetterheads(&context, rows: rows)
        }
        for join in header.joins {
            let rows = ContextPath(join.rows).values(in: context).flatMap { v -> [Value] in
                if case .list(let l) = v { return l }
                return []
            }
            ContextPath(join.target).update(&context) { record in
                guard case .record(var r) = record else { return }
                let match = rows.first { row in
                    join.keys.allSatisfy { key in
                        ContextPath(key.column).values(in: row).first?.displayText
                            == ContextPath(key.path).values(in: record).first?.displayText
                    }
                }
                r[join.name] = match ?? .null
                record = .record(r)
            }
        }
    }

    /// Every organisation record (one with `id` and `kind`) gains `kop`: the row of `rows` whose
    /// `organisasi` column is its id.
    static func addLetterheads(_ v: inout Value, rows: [[String: String]]) {
        switch v {
        case .record(var r):
            for key in r.keys { addLetterheads(&r[key]!, rows: rows) }
            if case .string(let id)? = r["id"], r["kind"] != nil, let row = rows.first(where: { $0["organisasi"] == id }) {
                r["kop"] = .record(row.mapValues(Value.string))
            }
            v = .record(r)
        case .list(var l):
            for i in l.indices { addLetterheads(&l[i], rows: rows) }
            v = .list(l)
        default: return
        }
    }

    /// The ids of every organisation in the context (to tell a place written as an id).
    static func organisationIDs(in v: Value) -> Set<String> {
        switch v {
        case .record(let r):
            var ids = r.values.reduce(into: Set<String>()) { $0.formUnion(organisationIDs(in: $1)) }
            if case .string(let id)? = r["id"], r["kind"] != nil { ids.insert(id) }
            return ids
        case .list(let l): return l.reduce(into: Set<String>()) { $0.formUnion(organisationIDs(in: $1)) }
        default: return []
        }
    }
}
