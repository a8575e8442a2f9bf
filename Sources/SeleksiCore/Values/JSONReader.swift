/// The JSON reader behind `Value(json:)`: recursive descent over UTF-8 bytes, at most
/// `limits.maxDepth` calls deep, one pass, no look-back.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    /// False when the bytes come from a Swift `String`, which is valid UTF-8 already.
    let validateUTF8: Bool
    var i = 0
    var depth = 0
    /// The members of the objects being read, innermost last: an object's members are gathered here
    /// and put into a dictionary sized for them once the object closes. Inserting into a dictionary
    /// as it grows rehashed every key at each doubling, half of all the time spent reading records.
    var members: [Member] = []
    typealias Member = (key: String, value: Value, offset: Int)
    /// Which keys of the outermost object are kept (nil: all). The values of the others are read as
    /// strictly, but not built, and their keys are not checked for duplicates.
    let keep: ((String) -> Bool)?
    /// True while reading a value that is not kept: nothing is built.
    var skipping = false

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits, validateUTF8: Bool, keep: ((String) -> Bool)? = nil) {
        self.bytes = bytes
        self.limits = limits
        self.validateUTF8 = validateUTF8
        self.keep = keep
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits, validateUTF8: Bool,
                     keep: ((String) -> Bool)? = nil) -> Result<Value, ExpressionError> {
        var reader = JSONReader(bytes: bytes, limits: limits, validateUTF8: validateUTF8, keep: keep)
        do throws(ExpressionError) { return .success(try reader.document()) } catch { return .failure(error) }
    }

    mutating func document() throws(ExpressionError) -> Value {
        guard bytes.count <= limits.maxBytes else {
            i = limits.maxBytes
            throw fail("JSON lebih besar dari \(limits.maxBytes) bita", "JSON larger than \(limits.maxBytes) bytes")
        }
        // A byte-order mark is not JSON, but RFC 8259 §8.1 lets a reader ignore it, and Windows
        // editors write one in front of answer files.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        let v = try value()
        skipSpace()
        guard i == bytes.count else {
            throw fail("ada teks lain setelah nilai JSON", "unexpected text after the JSON value")
        }
        return v
    }

    @inline(__always) mutating func skipSpace() {
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            i += 1
        }
    }

    mutating func value() throws(ExpressionError) -> Value {
        skipSpace()
        guard i < bytes.count else { throw fail("JSON berakhir sebelum waktunya", "unexpected end of JSON") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try list()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default:
            throw fail("diharapkan sebuah nilai (teks dalam tanda kutip, angka, true, false, null, [ atau {)",
                       "expected a value (text in quotes, a number, true, false, null, [ or {)")
        }
    }

    mutating func enter() throws(ExpressionError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw fail("JSON bersarang lebih dari \(limits.maxDepth) tingkat",
                       "JSON nested deeper than \(limits.maxDepth) levels")
        }
        i += 1
    }

    mutating func object() throws(ExpressionError) -> Value {
        try enter()
        defer { depth -= 1 }
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .record([:]) }
        let first = members.count
        var only: Member?
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                throw fail("diharapkan kunci dalam tanda kutip", "expected a quoted key")
            }
            let keyOffset = i
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                throw fail("diharapkan ':' setelah kunci", "expected ':' after a key")
            }
            i += 1
            if skipping {
                _ = try value()
            } else if depth == 1, let keep, !keep(key) {
                skipping = true
                _ = try value()
                skipping = false
            } else {
                gather((key, try value(), keyOffset), first: first, only: &only)
            }
            skipSpace()
            guard i < bytes.count else { throw fail("objek tidak ditutup dengan }", "object never closed with }") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                if skipping { return .null }
                if let only { return .record([only.key: only.value]) }
                return .record(try record(from: first))
            }
            throw fail("diharapkan ',' atau '}' dalam objek", "expected ',' or '}' in an object")
        }
    }

    /// Puts aside a member of the object whose members begin at `first`. The first waits in `only`,
    /// outside the stack: a record of one member (an instance's variables, often) is made without
    /// touching it. From the second on, all go on the stack.
    private mutating func gather(_ member: Member, first: Int, only: inout Member?) {
        if only == nil && members.count == first {
            only = member
            return
        }
        if let o = only.take() {
            if members.capacity == 0 { members.reserveCapacity(16) }  // not one allocation per doubling
            members.append(o)
        }
        members.append(member)
    }

    /// The members gathered since `first` as one record, taken off the stack. Each member is moved
    /// into the record, and an empty one left in its place, so that nothing is retained twice.
    mutating func record(from first: Int) throws(ExpressionError) -> [String: Value] {
        var record = [String: Value](minimumCapacity: members.count - first)
        var duplicate: (key: String, offset: Int)?
        members.withUnsafeMutableBufferPointer { stack in
            for slot in stack.baseAddress! + first ..< stack.baseAddress! + stack.count {
                let m = slot.move()
                slot.initialize(to: ("", .null, 0))
                if record.updateValue(m.value, forKey: m.key) != nil {
                    duplicate = (m.key, m.offset)
                    break
                }
            }
        }
        members.removeLast(members.count - first)
        if let duplicate {
            // "Last one wins" would let one answer file say two things; refuse it instead.
            i = duplicate.offset
            throw fail("kunci '\(duplicate.key)' muncul dua kali", "duplicate key '\(duplicate.key)'")
        }
        return record
    }

    mutating func list() throws(ExpressionError) -> Value {
        try enter()
        defer { depth -= 1 }
        var list: [Value] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .list(list) }
        while true {
            let v = try value()
            if !skipping { list.append(v) }
            skipSpace()
            guard i < bytes.count else { throw fail("daftar tidak ditutup dengan ]", "list never closed with ]") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .list(list) }
            throw fail("diharapkan ',' atau ']' dalam daftar", "expected ',' or ']' in a list")
        }
    }

    mutating func literal(_ word: StaticString) throws(ExpressionError) {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        var k = 0
        while k < n, i + k < bytes.count, bytes[i + k] == w[k] { k += 1 }
        guard k == n else { throw fail("teks tak dikenal; diharapkan \(word)", "unexpected text; expected \(word)") }
        i += n
    }

    /// An error at the current offset, with the line and column (counted only when it is thrown).
    func fail(_ id: String, _ en: String) -> ExpressionError {
        let at = min(i, bytes.count)
        var line = 1, column = 1
        for b in bytes[..<at] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return ExpressionError(id: "\(id) (baris \(line), kolom \(column))",
                               en: "\(en) (line \(line), column \(column))", at: at)
    }
}
