import SeleksiCore

/// What `form fill` writes: the answers as a submission file holds them, ready for `form validate`
/// and `fire … --form`. Calculated fields are left out (the engine computes them on submission) and
/// an attachment is written as its path, so that the file is read and hashed when it is submitted.
enum FillOutput {
    static func answers(_ data: [String: Value], form: FormDefinition) -> [String: Value] {
        var out: [String: Value] = [:]
        for item in form.items {
            switch item {
            case .field(let f):
                if f.calculate == nil, let v = data[f.id] { out[f.id] = plain(v) }
            case .repeatGroup(let g):
                guard case .list(let rows)? = data[g.id] else { continue }
                out[g.id] = .list(
                    rows.map { row in
                        guard case .record(let cells) = row else { return row }
                        var kept: [String: Value] = [:]
                        for f in g.fields where f.calculate == nil { kept[f.id] = cells[f.id].map(plain) }
                        return .record(kept)
                    })
            }
        }
        return out
    }

    private static func plain(_ v: Value) -> Value {
        if case .record(let r) = v, case .string(let path)? = r["path"], r["sha256"] != nil { return .string(path) }
        return v
    }
}
