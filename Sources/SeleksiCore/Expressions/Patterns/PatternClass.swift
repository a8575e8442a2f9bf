/// A set of characters: `.`, `[a-z0-9]`, `[^,]`, `\d`, `\w`, `\s` and their negations.
///
/// `\d` and `\w` are ASCII (`[0-9]`, `[A-Za-z0-9_]`), what form definitions mean by a digit or a
/// letter; `\s` is any white space. Ranges compare Unicode scalar values.
struct PatternClass: Sendable, Equatable {
    enum Item: Sendable, Equatable {
        case character(Character)
        case range(UInt32, UInt32)
        case digit, word, space
        case notDigit, notWord, notSpace
    }

    var items: [Item]
    var negated = false

    /// `.`: every character but a line break.
    static let anyButNewline = PatternClass(items: [.character("\n"), .character("\r\n"), .character("\r")],
                                            negated: true)

    func contains(_ c: Character) -> Bool {
        items.contains { $0.contains(c) } != negated
    }
}

extension PatternClass.Item {
    func contains(_ c: Character) -> Bool {
        switch self {
        case .character(let x): return c == x
        case .range(let lo, let hi):
            guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first else { return false }
            return (lo...hi).contains(s.value)
        case .digit: return Self.isDigit(c)
        case .word: return Self.isWord(c)
        case .space: return c.isWhitespace
        case .notDigit: return !Self.isDigit(c)
        case .notWord: return !Self.isWord(c)
        case .notSpace: return !c.isWhitespace
        }
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    static func isWord(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
}
