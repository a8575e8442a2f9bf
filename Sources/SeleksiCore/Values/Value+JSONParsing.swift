extension Value {
    /// Parses JSON text (RFC 8259) into a value: objects become records, arrays lists.
    ///
    /// Hand-written because Foundation's `JSONSerialization` bridges every object through
    /// `NSDictionary`, which made reading an instance's stored variables the largest cost of a
    /// transition (measured with `seleksi-bench`). Errors give the character offset.
    public init(json text: String) throws(ExpressionError) {
        var parser = JSONReader(Array(text.utf8))
        self = try parser.document()
    }
}

private struct JSONReader {
    let bytes: [UInt8]
    var i = 0
    var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func fail(_ message: String) -> ExpressionError { ExpressionError(message, at: i) }

    mutating func document() throws(ExpressionError) -> Value {
        let v = try value()
        skipSpace()
        guard i == bytes.count else { throw fail("unexpected text after the JSON value") }
        return v
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func value() throws(ExpressionError) -> Value {
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end of JSON") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            depth += 1
            guard depth <= 64 else { throw fail("JSON nested deeper than 64 levels") }
            defer { depth -= 1 }
            i += 1
            var record: [String: Value] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .record(record) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
                i += 1
                record[key] = try value()
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end of JSON in an object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .record(record) }
                throw fail("expected ',' or '}' in an object")
            }
        case UInt8(ascii: "["):
            depth += 1
            guard depth <= 64 else { throw fail("JSON nested deeper than 64 levels") }
            defer { depth -= 1 }
            i += 1
            var list: [Value] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .list(list) }
            while true {
                list.append(try value())
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end of JSON in a list") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .list(list) }
                throw fail("expected ',' or ']' in a list")
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    mutating func literal(_ word: String) throws(ExpressionError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { throw fail("unexpected text; expected \(word)") }
        i += w.count
    }

    mutating func number() throws(ExpressionError) -> Value {
        let start = i
        while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
        guard i > start, let n = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else {
            i = start
            throw fail("expected a value (text in quotes, a number, true, false, null, [ or {)")
        }
        return .number(n)
    }

    mutating func string() throws(ExpressionError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard i < bytes.count else { break }
                switch bytes[i] {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out += Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
                default: out.append(bytes[i])
                }
                i += 1
                continue
            }
            out.append(b)
            i += 1
        }
        throw fail("text never closed with \"")
    }

    mutating func hex4() throws(ExpressionError) -> UInt32 {
        guard i + 4 < bytes.count, let n = UInt32(String(decoding: bytes[i + 1...i + 4], as: UTF8.self), radix: 16) else { throw fail("bad \\u escape") }
        i += 4
        return n
    }
}
