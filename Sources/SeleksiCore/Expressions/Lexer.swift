/// Splits an expression into tokens. Identifiers are `[A-Za-z_][A-Za-z0-9_]*`; a run such as
/// `years-between` joins with hyphens only when an opening parenthesis follows, so `a-b` stays a
/// subtraction while `string-length(x)` names a function, as in XPath.
struct Lexer {
    static let maxLength = 4096

    static func tokens(_ source: String) throws -> [Token] {
        // Counted on the first maxLength + 1 characters only, before anything is copied.
        guard source.prefix(maxLength + 1).count <= maxLength else {
            throw ExpressionError(id: "ungkapan lebih dari \(maxLength) karakter", en: "expression longer than \(maxLength) characters",
                                  at: maxLength)
        }
        let chars = Array(source)
        var out: [Token] = []
        var i = 0
        func isIdentStart(_ c: Character) -> Bool { c == "_" || (c.isASCII && c.isLetter) }
        func isIdentChar(_ c: Character) -> Bool { isIdentStart(c) || (c.isASCII && c.isNumber) }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isASCII && c.isNumber {
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCII, chars[i + 1].isNumber {
                    i += 1
                    while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                }
                // Digits and at most one point: always a Double, but possibly an infinite one.
                guard let n = Double(String(chars[start..<i])), n.isFinite else {
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
                    out.append(Token(kind: .function(String(chars[start..<j])), offset: start))
                    i = j
                } else {
                    out.append(Token(kind: .identifier(String(chars[start..<i])), offset: start))
                }
                continue
            }
            if c == "'" || c == "\"" {
                i += 1
                var text = ""
                while i < chars.count, chars[i] != c { text.append(chars[i]); i += 1 }
                guard i < chars.count else {
                    throw ExpressionError(id: "teks yang dimulai di sini tidak pernah ditutup dengan \(c)",
                                          en: "text started here is never closed with \(c)", at: start)
                }
                i += 1
                out.append(Token(kind: .string(text), offset: start))
                continue
            }
            let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
            if ["<=", ">=", "!=", "=="].contains(two) {
                out.append(Token(kind: .symbol(two == "==" ? "=" : two), offset: start))
                i += 2
                continue
            }
            if "+-*/%()<>=,.[]".contains(c) {
                out.append(Token(kind: .symbol(String(c)), offset: start))
                i += 1
                continue
            }
            throw ExpressionError(id: "karakter '\(c)' tak terduga", en: "unexpected character '\(c)'", at: start)
        }
        out.append(Token(kind: .end, offset: chars.count))
        return out
    }
}
