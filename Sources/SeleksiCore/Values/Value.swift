/// A value in forms, workflow variables and expressions.
///
/// Numbers are `Double`: exact for whole Rupiah amounts up to 2^53 and for scores with a few decimals.
/// A repeat group's rows are a `.list` of `.record`s; an attachment is a record with `path` and `sha256`.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case date(CivilDate)
    case list([Value])
    case record([String: Value])

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// Empty text and an empty list count as "not filled" for `required`.
    public var isEmpty: Bool {
        switch self {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .list(let l): return l.isEmpty
        default: return false
        }
    }

    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "text"
        case .date: return "date"
        case .list: return "list"
        case .record: return "record"
        }
    }

    /// Text as a user reads it: whole numbers without a decimal point, dates in ISO form.
    public var displayText: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "ya" : "tidak"
        case .number(let n): return Value.format(number: n)
        case .string(let s): return s
        case .date(let d): return d.iso
        case .list(let l): return l.map(\.displayText).joined(separator: ", ")
        case .record(let r):
            if case .string(let p)? = r["path"] { return p }
            return r.keys.sorted().map { "\($0)=\(r[$0]!.displayText)" }.joined(separator: "; ")
        }
    }

    public static func format(number n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }
}

extension Value {
    /// Whether lists and records nest more than `limit` levels. Looks no deeper than `limit + 1`, so
    /// the check itself stays shallow whatever the value.
    public func isNested(deeperThan limit: Int) -> Bool {
        switch self {
        case .list(let l): return limit <= 0 || l.contains { $0.isNested(deeperThan: limit - 1) }
        case .record(let r): return limit <= 0 || r.values.contains { $0.isNested(deeperThan: limit - 1) }
        default: return false
        }
    }
}
