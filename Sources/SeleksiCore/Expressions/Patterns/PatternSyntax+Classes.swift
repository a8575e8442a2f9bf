extension PatternParser {
    /// After `\` outside a class: a class escape, a control character, or a punctuation mark taken
    /// literally. Backreferences, word boundaries and Unicode properties are refused by name.
    mutating func escapeAtom() throws(ExpressionError) -> PatternNode {
        let item = try escapeItem()
        if case .scalar(let c) = item { return .scalar(c) }
        return .set(PatternClass(items: [item]))
    }

    /// `[...]`, `[^...]`: characters, ranges `a-z`, and escapes; `-` first or last is literal.
    mutating func characterClass() throws(ExpressionError) -> PatternClass {
        let open = i - 1
        var set = PatternClass(items: [])
        if i < chars.count, chars[i] == "^" { set.negated = true; i += 1 }
        var first = true
        while i < chars.count, chars[i] != "]" || first {
            first = false
            let low = try classItem()
            guard i + 1 < chars.count, chars[i] == "-", chars[i + 1] != "]" else {
                set.items.append(low)
                continue
            }
            let dash = i
            i += 1
            let high = try classItem()
            guard case .scalar(let a) = low, case .scalar(let b) = high else {
                throw fail("a range in [ ] needs a single character at each end", at: dash)
            }
            guard a <= b else { throw fail("range \(a)-\(b) is backwards", at: dash) }
            set.items.append(.range(a.value, b.value))
        }
        guard i < chars.count else { throw fail("'[' is never closed", at: open) }
        i += 1
        return set
    }

    private mutating func classItem() throws(ExpressionError) -> PatternClass.Item {
        let c = chars[i]
        i += 1
        if c == "\\" { return try escapeItem() }
        if c == "[", i < chars.count, chars[i] == ":" {
            throw fail("POSIX classes such as [:alpha:] are not supported; write the range, e.g. [A-Za-z]", at: i - 1)
        }
        return .scalar(c)
    }

    /// The escape after a `\` (which `i` has passed).
    private mutating func escapeItem() throws(ExpressionError) -> PatternClass.Item {
        guard i < chars.count else { throw fail("the pattern ends with a lone \\", at: i - 1) }
        let c = chars[i]
        let at = i - 1
        i += 1
        switch c {
        case "d": return .digit
        case "D": return .notDigit
        case "w": return .word
        case "W": return .notWord
        case "s": return .space
        case "S": return .notSpace
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        case "u": return .scalar(try unicodeEscape(at: at))
        case "1"..."9", "k": throw fail("backreferences (\\\(c)) are not supported", at: at)
        case "b", "B": throw fail("word boundaries (\\\(c)) are not supported", at: at)
        case "p", "P": throw fail("Unicode properties (\\\(c){…}) are not supported; write the range", at: at)
        default:
            guard c.isASCII, !PatternClass.Item.isWord(c) || c == "_" else {
                throw fail("unknown escape \\\(c)", at: at)
            }
            return .scalar(c)
        }
    }

    /// `\uXXXX` or `\u{X…}`.
    private mutating func unicodeEscape(at start: Int) throws(ExpressionError) -> Unicode.Scalar {
        let braced = i < chars.count && chars[i] == "{"
        if braced { i += 1 }
        var value: UInt32 = 0, count = 0
        while i < chars.count, count < (braced ? 6 : 4), chars[i].isASCII, let d = Character(chars[i]).hexDigitValue {
            value = value << 4 | UInt32(d)
            count += 1
            i += 1
        }
        if braced {
            guard i < chars.count, chars[i] == "}" else { throw fail("\\u{ is never closed", at: start) }
            i += 1
        }
        guard count == 4 || (braced && count > 0), let scalar = Unicode.Scalar(value) else {
            throw fail("\\u needs four hex digits (\\u00E9) or \\u{…} naming a character", at: start)
        }
        return scalar
    }
}
