extension Value {
    /// JSON with sorted keys, no insignificant white space and numbers in their shortest form, so that
    /// equal data always gives equal bytes (and so an equal hash in the audit log). Dates are ISO text.
    public var canonicalJSON: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        // JSON has no infinity or NaN. The reader and the evaluator refuse them, so one can only come
        // from code that built a Value by hand; written as text it would make the whole record
        // unreadable, so it is written as null.
        case .number(let n): out += n.isFinite ? Value.format(number: n) : "null"
        case .string(let s): Value.writeString(s, into: &out)
        case .date(let d): Value.writeString(d.iso, into: &out)
        case .list(let l):
            out += "["
            for (i, v) in l.enumerated() {
                if i > 0 { out += "," }
                v.write(into: &out)
            }
            out += "]"
        case .record(let r):
            out += "{"
            for (i, key) in r.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                Value.writeString(key, into: &out)
                out += ":"
                r[key]!.write(into: &out)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
