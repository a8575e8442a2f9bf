/// A set of characters: `.`, `[a-z0-9]`, `[^,]`, `\d`, `\w`, `\s` and their negations.
///
/// Patterns read and match Unicode scalars (code points), as most regex engines do: a letter written
/// with a separate combining accent counts as two. `\d` and `\w` are ASCII (`[0-9]`, `[A-Za-z0-9_]`),
/// what form definitions mean by a digit or a letter; `\s` is any white space.
struct PatternClass: Sendable, Equatable {
    enum Item: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        case range(UInt32, UInt32)
        case digit, word, space
        case notDigit, notWord, notSpace
    }

    var items: [Item]
    var negated = false

    /// `.`: every character but a line break.
    static let anyButNewline = PatternClass(items: [.scalar("\n"), .scalar("\r")], negated: true)

    func contains(_ c: Unicode.Scalar) -> Bool {
        items.contains { $0.contains(c) } != negated
    }
}

extension PatternClass.Item {
    func contains(_ c: Unicode.Scalar) -> Bool {
        switch self {
        case .scalar(let x): return c == x
        case .range(let lo, let hi): return (lo...hi).contains(c.value)
        case .digit: return Self.isDigit(c)
        case .word: return Self.isWord(c)
        case .space: return c.properties.isWhitespace
        case .notDigit: return !Self.isDigit(c)
        case .notWord: return !Self.isWord(c)
        case .notSpace: return !c.properties.isWhitespace
        }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    static func isWord(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || isDigit(c) || c == "_"
    }
}
