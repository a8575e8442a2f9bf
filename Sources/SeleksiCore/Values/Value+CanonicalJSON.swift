extension Value {
    /// JSON with sorted keys, no insignificant white space and numbers in their shortest form, so that
    /// equal data always gives equal bytes (and so an equal hash in the audit log). Dates are ISO text.
    public var canonicalJSON: String {
        var out: [UInt8] = []
        out.reserveCapacity(128)
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as UTF-8 bytes: appending to a `String` scalar by scalar cost more than everything
    /// else a transition does to its variables (seleksi demo, measured).
    private func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: Value.nullBytes)
        case .bool(let b): out.append(contentsOf: b ? Value.trueBytes : Value.falseBytes)
        // JSON has no infinity or NaN. The reader and the evaluator refuse them, so one can only come
        // from code that built a Value by hand; written as text it would make the whole record
        // unreadable, so it is written as null.
        case .number(let n): out.append(contentsOf: (n.isFinite ? Value.format(number: n) : "null").utf8)
        case .string(let s): Value.writeString(s, into: &out)
        case .date(let d): Value.writeString(d.iso, into: &out)
        case .list(let l):
            out.append(UInt8(ascii: "["))
            for (i, v) in l.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                v.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .record(let r):
            out.append(UInt8(ascii: "{"))
            // The members are sorted with their values, not the keys alone and each looked up again
            // (those lookups were a sixth of writing a record); one member needs no sorting at all.
            if r.count == 1, let (key, value) = r.first {
                Value.writeMember(key, value, into: &out)
            } else {
                for (i, member) in r.sorted(by: { $0.key < $1.key }).enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    Value.writeMember(member.key, member.value, into: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The canonical JSON of a record whose members are given as canonical JSON already: the same bytes
    /// as `Value.record(members).canonicalJSON`, without writing the members again (a command's forms,
    /// each written once for the store, hashed together for its audit row).
    public static func canonicalRecord(ofMemberJSON members: [String: String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (i, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            writeString(member.key, into: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: member.value.utf8)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func writeMember(_ key: String, _ value: Value, into out: inout [UInt8]) {
        writeString(key, into: &out)
        out.append(UInt8(ascii: ":"))
        value.write(into: &out)
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    /// A JSON string: runs of bytes that need no escape are copied whole.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 {
                out.append(contentsOf: bytes[runStart..<i])
                switch b {
                case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                            hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
                runStart = i + 1
            }
            out.append(contentsOf: bytes[runStart...])
        }
        out.append(UInt8(ascii: "\""))
    }
}
