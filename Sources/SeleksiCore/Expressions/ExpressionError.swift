/// A fault in an expression, at a character offset within the expression's text.
///
/// The XML loader adds the file and line; this type knows only the expression itself, so that the core
/// stays free of I/O and the message can point with a caret at the exact place.
///
/// The JSON reader reuses this type (its offset is then a byte offset into the document) and gives
/// its messages in Indonesian (`message`) with an English variant (`en`), since an applicant's answer
/// file is user input; expression messages are for definition authors and have no variant.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// 0-based character offset into the expression source.
    public let offset: Int
    /// The message in English, where it differs from `message`.
    public let en: String?

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
        self.en = nil
    }

    public init(id: String, en: String, at offset: Int) {
        self.message = id
        self.offset = offset
        self.en = en
    }

    /// The message in `language` (Indonesian unless an English variant exists and is asked for).
    public func text(_ language: Language) -> String { language == .en ? (en ?? message) : message }

    public var description: String { "\(message) (column \(offset + 1))" }

    /// The expression with a caret under the offending character, for terminal output.
    public func pointer(in source: String) -> String {
        let line = source.replacing("\n", with: " ")
        return "    \(line)\n    \(String(repeating: " ", count: max(0, min(offset, line.count))))^"
    }
}
