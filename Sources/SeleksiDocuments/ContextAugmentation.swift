import Foundation
import SeleksiCore

/// What the renderer adds to the engine's context before a template reads it, as the template's header
/// asks: letterheads from a reference table, and rows joined from a list.
enum ContextAugmentation {
    static func apply(_ header: TemplateHeader, to context: inout Value, reference: ReferenceTables) {
        if let table = header.letterheads, let rows = reference.tables[table] {
            addLetterheads(&context, rows: rows)
        }
        for merge in header.lists { addList(merge, to: &context) }
        for join in header.joins {
            let rows = rowsOf(join.rows, in: context, reference: reference)
            let columns = join.keys.map { ContextPath($0.column) }, paths = join.keys.map { ContextPath($0.path) }
            // Each row's key, and the first row of each key: a record finds its row by one lookup
            // (the paths were split again for every row tried against every record).
            var firstRow: [[String?]: Int] = [:]
            for (i, row) in rows.enumerated() {
                let key = columns.map { $0.values(in: row).first?.displayText }
                if firstRow[key] == nil { firstRow[key] = i }
            }
            ContextPath(join.target).update(&context) { record in
                guard case .record(var r) = record else { return }
                let key = paths.map { $0.values(in: record).first?.displayText }
                r[join.name] = firstRow[key].map { rows[$0] } ?? .null
                record = .record(r)
            }
        }
    }

    /// The rows a join reads: a list in the context, or `tabel folder/file`, a reference table.
    static func rowsOf(_ source: String, in context: Value, reference: ReferenceTables) -> [Value] {
        if source.hasPrefix("tabel ") {
            let name = source.dropFirst("tabel ".count).trimmingCharacters(in: .whitespaces)
            return (reference.tables[name] ?? []).map { .record($0.mapValues(Value.string)) }
        }
        return ContextPath(source).values(in: context).flatMap { v -> [Value] in
            if case .list(let l) = v { return l }
            return []
        }
    }

    /// Concatenates the source lists, keeps the records whose filter path has the value, and sorts
    /// them by the order paths (then by instance id, so equal keys keep a stable order).
    static func addList(_ merge: TemplateHeader.Merge, to context: inout Value) {
        var items = merge.sources.flatMap { source -> [Value] in
            ContextPath(source).values(in: context).flatMap { v -> [Value] in
                if case .list(let l) = v { return l }
                return []
            }
        }
        if let filter = merge.filter {
            items = items.filter { ContextPath(filter.path).values(in: $0).first?.displayText == filter.value }
        }
        let keyed = items.map { item in (merge.order + ["id"]).map { ContextPath($0).values(in: item).first ?? .null } }
        let order = keyed.indices.sorted { a, b in
            for (x, y) in zip(keyed[a], keyed[b]) {
                let c = Ranking.compare(x, y)
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        guard case .record(var root) = context else { return }
        root[merge.name] = .list(order.map { items[$0] })
        context = .record(root)
    }

    /// Every organisation record (one with `id` and `kind`) gains `kop`: the row of `rows` whose
    /// `organisasi` column is its id.
    static func addLetterheads(_ v: inout Value, rows: [[String: String]]) {
        var letterheads: [String: Value] = [:]
        for row in rows {
            guard let id = row["organisasi"], letterheads[id] == nil else { continue }
            letterheads[id] = .record(row.mapValues(Value.string))
        }
        addLetterheads(&v, letterheads)
    }

    /// Changes the context in place. The record or list is taken out of `v` first (`v = .null`), so that
    /// it is the only reference to its storage and is changed where it lies: left in `v`, every record
    /// and list of the context was copied on its first change (a round's context, hundreds of children).
    private static func addLetterheads(_ v: inout Value, _ letterheads: [String: Value]) {
        switch v {
        case .record(var r):
            v = .null
            var i = r.startIndex
            while i != r.endIndex {  // by index: a walk over `r.keys` would hold the storage and copy it
                addLetterheads(&r.values[i], letterheads)
                i = r.index(after: i)
            }
            if case .string(let id)? = r["id"], r["kind"] != nil, let kop = letterheads[id] { r["kop"] = kop }
            v = .record(r)
        case .list(var l):
            v = .null
            for i in l.indices { addLetterheads(&l[i], letterheads) }
            v = .list(l)
        default: return
        }
    }

    /// Whether `text` is the id of an organisation (a record with `id` and `kind`) anywhere in the
    /// context: to tell a place written as an id. Searched for the few places a template prints, and
    /// stopping at the first match, rather than gathering every id of a round's hundreds of children
    /// into sets (0.7% of the national demo, for a check that almost always finds nothing).
    static func isOrganisationID(_ text: String, in v: Value) -> Bool {
        switch v {
        case .record(let r):
            if case .string(let id)? = r["id"], id == text, r["kind"] != nil { return true }
            return r.values.contains { isOrganisationID(text, in: $0) }
        case .list(let l): return l.contains { isOrganisationID(text, in: $0) }
        default: return false
        }
    }
}
