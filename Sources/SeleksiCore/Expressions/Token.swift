enum TokenKind: Equatable {
    case number(Double)
    case string(String)
    case identifier(String)
    /// A hyphenated function name such as `string-length`, recognised only when `(` follows.
    case function(String)
    case symbol(String)
    case end
}

struct Token {
    let kind: TokenKind
    let offset: Int
}
