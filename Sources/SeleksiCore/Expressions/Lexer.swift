/// Splits an expression into tokens. Identifiers are `[A-Za-z_][A-Za-z0-9_]*`; a run such as
/// `years-between` joins with hyphens only when an opening parenthesis follows, so `a-b` stays a
/// subtraction while `string-length(x)` names a function, as in XPath.
///
/// It walks UTF-8 bytes, not Characters: every command loads its workflow and lexes hundreds of
/// expressions, and grapheme breaking was most of that cost. Everything but the text inside quotes is
/// ASCII (or whitespace, decoded where met). Offsets are character offsets all the same (what an
/// error's caret counts): for an ASCII source they are the byte offsets, otherwise mapped in one pass.
struct Lexer {
    static let maxLength = 4096

    static func tokens(_ source: String) throws -> [Token] {
        // Counted on the first maxLength + 1 characters only, before anything is copied.
        guard source.utf8.count <= maxLength || source.prefix(maxLength + 1).count <= maxLength else {
            throw ExpressionError(id: "ungkapan lebih dari \(maxLength) karakter", en: "expression longer than \(maxLength) characters",
                                  at: maxLength)
        }
        let bytes = Array(source.utf8)
        guard bytes.contains(where: { $0 >= 0x80 }) else { return try scan(bytes) }
        let offsets = characterOffsets(source, byteCount: bytes.count)
        do {
            return try scan(bytes).map { Token(kind: $0.kind, offset: offsets[$0.offset]) }
        } catch let error as ExpressionError {
            let at = offsets[min(max(0, error.offset), bytes.count)]
            throw error.en.map { ExpressionError(id: error.message, en: $0, at: at) } ?? ExpressionError(error.message, at: at)
        }
    }

    /// For each byte offset (and the end), the offset of the character it belongs to.
    static func characterOffsets(_ source: String, byteCount: Int) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(byteCount + 1)
        for (n, c) in source.enumerated() {
            out.append(contentsOf: repeatElement(n, count: c.utf8.count))
        }
        out.append(source.count)
        return out
    }

    private static func scan(_ b: [UInt8]) throws -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(b.count / 3 + 1)
        var i = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isIdentStart(_ c: UInt8) -> Bool { c == 0x5F || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) }
        func isIdentChar(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }
        func text(_ range: Range<Int>) -> String { String(decoding: b[range], as: UTF8.self) }
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { i += 1; continue }
            let start = i
            if c >= 0x80 {
                // Outside quotes only whitespace may be other than ASCII (a no-break space pasted in).
                var decoder = UTF8()
                var it = b[i...].makeIterator()
                guard case .scalarValue(let scalar) = decoder.decode(&it), scalar.properties.isWhitespace else {
                    let shown = String(decoding: b[i..<min(b.count, i + 4)], as: UTF8.self).first.map(String.init) ?? "?"
                    throw ExpressionError(id: "karakter '\(shown)' tak terduga", en: "unexpected character '\(shown)'", at: start)
                }
                i += String(scalar).utf8.count
                continue
            }
            if isDigit(c) {
                while i < b.count, isDigit(b[i]) { i += 1 }
                if i + 1 < b.count, b[i] == UInt8(ascii: "."), isDigit(b[i + 1]) {
                    i += 1
                    while i < b.count, isDigit(b[i]) { i += 1 }
                }
                // Digits and at most one point: always a Double, but possibly an infinite one.
                guard let n = Double(text(start..<i)), n.isFinite else {
                    throw ExpressionError(id: "bilangan terlalu besar", en: "number too large", at: start)
                }
                out.append(Token(kind: .number(n), offset: start))
                continue
            }
            if isIdentStart(c) {
                while i < b.count, isIdentChar(b[i]) { i += 1 }
                // Try to extend across hyphens into a function name.
                var j = i
                while j + 1 < b.count, b[j] == UInt8(ascii: "-"), isIdentStart(b[j + 1]) {
                    j += 1
                    while j < b.count, isIdentChar(b[j]) { j += 1 }
                }
                var k = j
                while k < b.count, b[k] == 0x20 { k += 1 }
                if j > i, k < b.count, b[k] == UInt8(ascii: "(") {
                    out.append(Token(kind: .function(text(start..<j)), offset: start))
                    i = j
                } else {
                    out.append(Token(kind: .identifier(text(start..<i)), offset: start))
                }
                continue
            }
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                i += 1
                let from = i
                while i < b.count, b[i] != c { i += 1 }
                guard i < b.count else {
                    let q = Character(Unicode.Scalar(c))
                    throw ExpressionError(id: "teks yang dimulai di sini tidak pernah ditutup dengan \(q)",
                                          en: "text started here is never closed with \(q)", at: start)
                }
                out.append(Token(kind: .string(text(from..<i)), offset: start))
                i += 1
                continue
            }
            // Symbols are looked up among bytes: `contains` on a String walks it by characters.
            let symbol = Character(Unicode.Scalar(c))
            if i + 1 < b.count, b[i + 1] == UInt8(ascii: "="), "<>!=".utf8.contains(c) {
                out.append(Token(kind: .symbol(symbol == "=" ? "=" : "\(symbol)="), offset: start))
                i += 2
                continue
            }
            if "+-*/%()<>=,.[]".utf8.contains(c) {
                out.append(Token(kind: .symbol(String(symbol)), offset: start))
                i += 1
                continue
            }
            throw ExpressionError(id: "karakter '\(symbol)' tak terduga", en: "unexpected character '\(symbol)'", at: start)
        }
        out.append(Token(kind: .end, offset: b.count))
        return out
    }
}
