/// A fault in an expression, at a character offset within the expression's text.
///
/// The XML loader adds the file and line; this type knows only the expression itself, so that the core
/// stays free of I/O and the message can point with a caret at the exact place.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// 0-based character offset into the expression source.
    public let offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (column \(offset + 1))" }

    /// The expression with a caret under the offending character, for terminal output.
    public func pointer(in source: String) -> String {
        let line = source.replacing("\n", with: " ")
        return "    \(line)\n    \(String(repeating: " ", count: max(0, min(offset, line.count))))^"
    }
}
