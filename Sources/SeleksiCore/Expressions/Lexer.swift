/// Splits an expression into tokens. Identifiers are `[A-Za-z_][A-Za-z0-9_]*`; a run such as
/// `years-between` joins with hyphens only when an opening parenthesis follows, so `a-b` stays a
/// subtraction while `string-length(x)` names a function, as in XPath.
///
/// It walks Unicode scalars, not Characters: every definition load lexes thousands of expressions and
/// grapheme breaking was most of that cost. Offsets are character offsets all the same (what an error's
/// caret counts): for an ASCII source they are equal, otherwise they are mapped once at the end.
struct Lexer {
    static let maxLength = 4096

    static func tokens(_ source: String) throws -> [Token] {
        // Counted on the first maxLength + 1 characters only, before anything is copied.
        guard source.utf8.count <= maxLength || source.prefix(maxLength + 1).count <= maxLength else {
            throw ExpressionError(id: "ungkapan lebih dari \(maxLength) karakter", en: "expression longer than \(maxLength) characters",
                                  at: maxLength)
        }
        let scalars = Array(source.unicodeScalars)
        let ascii = scalars.count == source.utf8.count
        do {
            let tokens = try scan(scalars)
            return ascii ? tokens : tokens.map { Token(kind: $0.kind, offset: characterOffset(source, scalar: $0.offset)) }
        } catch let error as ExpressionError where !ascii {
            let at = characterOffset(source, scalar: error.offset)
            throw error.en.map { ExpressionError(id: error.message, en: $0, at: at) } ?? ExpressionError(error.message, at: at)
        }
    }

    /// The character offset at which the scalar at `scalar` lies (a combining mark counts with its base).
    static func characterOffset(_ source: String, scalar: Int) -> Int {
        var seen = 0
        var characters = 0
        for c in source {
            if seen >= scalar { break }
            seen += c.unicodeScalars.count
            characters += 1
        }
        return characters
    }

    private static func scan(_ chars: [Unicode.Scalar]) throws -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(chars.count / 3 + 1)
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        func isIdentStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        func isIdentChar(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || isDigit(c) }
        func text(_ range: Range<Int>) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: chars[range])
            return String(s)
        }
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\n" || c == "\t" || c == "\r" || (!c.isASCII && c.properties.isWhitespace) {
                i += 1
                continue
            }
            let start = i
            if isDigit(c) {
                while i < chars.count, isDigit(chars[i]) { i += 1 }
                if i + 1 < chars.count, chars[i] == ".", isDigit(chars[i + 1]) {
                    i += 1
                    while i < chars.count, isDigit(chars[i]) { i += 1 }
                }
                // Digits and at most one point: always a Double, but possibly an infinite one.
                guard let n = Double(text(start..<i)), n.isFinite else {
                    throw ExpressionError(id: "bilangan terlalu besar", en: "number too large", at: start)
                }
                out.append(Token(kind: .number(n), offset: start))
                continue
            }
            if isIdentStart(c) {
                while i < chars.count, isIdentChar(chars[i]) { i += 1 }
                // Try to extend across hyphens into a function name.
                var j = i
                while j + 1 < chars.count, chars[j] == "-", isIdentStart(chars[j + 1]) {
                    j += 1
                    while j < chars.count, isIdentChar(chars[j]) { j += 1 }
                }
                var k = j
                while k < chars.count, chars[k] == " " { k += 1 }
                if j > i, k < chars.count, chars[k] == "(" {
                    out.append(Token(kind: .function(text(start..<j)), offset: start))
                    i = j
                } else {
                    out.append(Token(kind: .identifier(text(start..<i)), offset: start))
                }
                continue
            }
            if c == "'" || c == "\"" {
                i += 1
                let from = i
                while i < chars.count, chars[i] != c { i += 1 }
                guard i < chars.count else {
                    throw ExpressionError(id: "teks yang dimulai di sini tidak pernah ditutup dengan \(c)",
                                          en: "text started here is never closed with \(c)", at: start)
                }
                out.append(Token(kind: .string(text(from..<i)), offset: start))
                i += 1
                continue
            }
            if i + 1 < chars.count, chars[i + 1] == "=", c == "<" || c == ">" || c == "!" || c == "=" {
                out.append(Token(kind: .symbol(c == "=" ? "=" : "\(c)="), offset: start))
                i += 2
                continue
            }
            if "+-*/%()<>=,.[]".unicodeScalars.contains(c) {
                out.append(Token(kind: .symbol(String(c)), offset: start))
                i += 1
                continue
            }
            throw ExpressionError(id: "karakter '\(Character(c))' tak terduga", en: "unexpected character '\(Character(c))'", at: start)
        }
        out.append(Token(kind: .end, offset: chars.count))
        return out
    }
}
