/// The parsed form of a pattern, before it is compiled into instructions.
indirect enum PatternNode: Sendable {
    case empty
    case scalar(Unicode.Scalar)
    case set(PatternClass)
    case start, end
    case concat([PatternNode])
    case alternation([PatternNode])
    /// `max == nil`: no upper bound.
    case repetition(PatternNode, min: Int, max: Int?)
}

/// Recursive descent over the pattern's characters, at most `maxGroupDepth` groups deep:
///
///     alternation := sequence ('|' sequence)*
///     sequence    := (atom quantifier?)*
///     atom        := char | '.' | class | escape | '^' | '$' | '(' ('?:')? alternation ')'
///     quantifier  := ('*' | '+' | '?' | '{m}' | '{m,}' | '{m,n}' | '{,n}') '?'?
///
/// The pattern is read as Unicode scalars, so that a combining mark cannot fuse with a `|` or `(`
/// before it into one character and hide it. Offsets in errors count scalars; `Pattern` turns them
/// into character offsets.
struct PatternParser {
    static let maxGroupDepth = 32
    static let maxCount = 1000

    let chars: [Unicode.Scalar]
    var i = 0
    var depth = 0

    init(_ pattern: String) { chars = Array(pattern.unicodeScalars) }

    func fail(_ message: String, at offset: Int? = nil) -> ExpressionError {
        ExpressionError("regex(): \(message)", at: offset ?? i)
    }

    mutating func parse() throws(ExpressionError) -> PatternNode {
        let node = try alternation()
        guard i == chars.count else { throw fail("')' without a matching '('") }
        return node
    }

    private mutating func alternation() throws(ExpressionError) -> PatternNode {
        var branches = [try sequence()]
        while i < chars.count, chars[i] == "|" {
            i += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() throws(ExpressionError) -> PatternNode {
        var items: [PatternNode] = []
        while i < chars.count, chars[i] != "|", chars[i] != ")" {
            let atomStart = i
            let atom = try self.atom()
            items.append(try quantified(atom, atomStart: atomStart))
        }
        return items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func atom() throws(ExpressionError) -> PatternNode {
        let c = chars[i]
        i += 1
        switch c {
        case ".": return .set(.anyButNewline)
        case "^": return .start
        case "$": return .end
        case "[": return .set(try characterClass())
        case "\\": return try escapeAtom()
        case "(": return try group()
        case "*", "+", "?": throw fail("'\(c)' has nothing to repeat; write \\\(c) for the character", at: i - 1)
        case "{": throw fail("'{' starts no repetition here; write \\{ for the character", at: i - 1)
        default: return .scalar(c)
        }
    }

    private mutating func group() throws(ExpressionError) -> PatternNode {
        let open = i - 1
        if i < chars.count, chars[i] == "?" {
            guard i + 1 < chars.count, chars[i + 1] == ":" else {
                throw fail("'(?' groups (lookaround, named groups, flags) are not supported; use ( ) or (?: )",
                           at: open)
            }
            i += 2
        }
        depth += 1
        defer { depth -= 1 }
        guard depth <= PatternParser.maxGroupDepth else {
            throw fail("groups nested deeper than \(PatternParser.maxGroupDepth)", at: open)
        }
        let inner = try alternation()
        guard i < chars.count, chars[i] == ")" else { throw fail("'(' is never closed", at: open) }
        i += 1
        return inner
    }

    private mutating func quantified(_ atom: PatternNode, atomStart: Int) throws(ExpressionError) -> PatternNode {
        guard i < chars.count else { return atom }
        let bounds: (Int, Int?)
        switch chars[i] {
        case "*": bounds = (0, nil); i += 1
        case "+": bounds = (1, nil); i += 1
        case "?": bounds = (0, 1); i += 1
        case "{": bounds = try counted()
        default: return atom
        }
        if case .start = atom { throw fail("an anchor cannot be repeated", at: atomStart) }
        if case .end = atom { throw fail("an anchor cannot be repeated", at: atomStart) }
        if i < chars.count, chars[i] == "?" { i += 1 }  // lazy: the same yes/no answer for a whole match
        if i < chars.count, chars[i] == "*" || chars[i] == "+" || chars[i] == "{" {
            throw fail("a repetition cannot be repeated (possessive and nested quantifiers are not supported)")
        }
        return .repetition(atom, min: bounds.0, max: bounds.1)
    }

    /// `{m}`, `{m,}`, `{m,n}`, `{,n}` with m ≤ n ≤ 1000.
    private mutating func counted() throws(ExpressionError) -> (Int, Int?) {
        let open = i
        i += 1
        let low = number()
        var high = low, comma = false
        if i < chars.count, chars[i] == "," {
            comma = true
            i += 1
            high = number()
        }
        guard i < chars.count, chars[i] == "}", low != nil || high != nil else {
            throw fail("'{' starts no repetition here; write {m}, {m,} or {m,n}, or \\{ for the character", at: open)
        }
        i += 1
        let m = low ?? 0
        if let n = high, n < m { throw fail("{\(m),\(n)}: the maximum is below the minimum", at: open) }
        guard max(m, high ?? 0) <= PatternParser.maxCount else {
            throw fail("repetition counts above \(PatternParser.maxCount) are not supported", at: open)
        }
        return (m, comma ? high : m)
    }

    private mutating func number() -> Int? {
        var n: Int?
        while i < chars.count, PatternClass.Item.isDigit(chars[i]) {
            n = min((n ?? 0) * 10 + Int(chars[i].value - 48), 1_000_000)
            i += 1
        }
        return n
    }
}
