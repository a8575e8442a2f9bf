extension Value {
    /// The record that reading back the canonical JSON of `record` gives (`Value(json:)` of
    /// `Value.record(record).canonicalJSON`), without writing or parsing any text; nil when the reader
    /// would refuse that text (nested deeper than `limits` allow, a text or key too long), the caller
    /// then knowing nothing of what reading gives. Lets the store keep the variables of a row it has
    /// just written as if it had read them (`SQLiteStore.parsedRows`).
    ///
    /// Writing and reading back changes only three things: a date becomes its ISO text, a number that
    /// is not finite becomes null (JSON has neither), and -0 becomes 0. A record in which none occurs is
    /// returned as it is, not copied. (The document's size is the caller's to check: it has the text.)
    public static func readBack(of record: [String: Value], limits: JSONLimits = .standard) -> [String: Value]? {
        switch Value.record(record).readBack(depth: 1, limits: limits) {
        case .same: return record
        case .changed(.record(let r)): return r
        case .changed, .unreadable: return nil
        }
    }

    private enum ReadBack {
        case same
        case changed(Value)
        case unreadable
    }

    private func readBack(depth: Int, limits: JSONLimits) -> ReadBack {
        switch self {
        case .null, .bool: return .same
        case .number(let n):
            if !n.isFinite { return .changed(.null) }
            return n == 0 && n.sign == .minus ? .changed(.number(0)) : .same
        case .string(let s): return s.utf8.count <= limits.maxStringBytes ? .same : .unreadable
        case .date(let d): return .changed(.string(d.iso))
        case .list(let l):
            guard depth <= limits.maxDepth else { return .unreadable }
            var copy: [Value]?  // made at the first member that changes
            for (i, v) in l.enumerated() {
                switch v.readBack(depth: depth + 1, limits: limits) {
                case .same: continue
                case .unreadable: return .unreadable
                case .changed(let read):
                    if copy == nil { copy = l }
                    copy![i] = read
                }
            }
            return copy.map { .changed(.list($0)) } ?? .same
        case .record(let r):
            guard depth <= limits.maxDepth else { return .unreadable }
            var copy: [String: Value]?
            for (key, v) in r {
                guard key.utf8.count <= limits.maxStringBytes else { return .unreadable }
                switch v.readBack(depth: depth + 1, limits: limits) {
                case .same: continue
                case .unreadable: return .unreadable
                case .changed(let read):
                    if copy == nil { copy = r }
                    copy![key] = read
                }
            }
            return copy.map { .changed(.record($0)) } ?? .same
        }
    }
}
