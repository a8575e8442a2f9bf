#if canImport(Synchronization)
import Synchronization
#endif

/// A regular expression as form definitions use it in `regex(text, pattern)`, matched against the
/// whole text in time linear in the text (see `PatternProgram`).
///
/// Syntax: literal characters; `.` (any character but a line break); classes `[a-z0-9]`, `[^,]`;
/// escapes `\d \w \s` (ASCII digits, ASCII letters/digits/_, white space), their negations
/// `\D \W \S`, `\n \t \r`, `\uXXXX`, and any escaped punctuation (`\. \- \( \\`); anchors `^ $`;
/// groups `( )` and `(?: )`; alternation `|`; `* + ?` and `{m}`, `{m,}`, `{m,n}` (counts up to 1000),
/// optionally followed by `?`. Backreferences, lookaround, word boundaries, flags and Unicode
/// properties are refused with a message, since they cannot be matched in linear time or are not needed.
public struct Pattern: Sendable {
    public let source: String
    let program: PatternProgram

    /// Longest pattern accepted, in characters.
    public static let maxLength = 1_000

    public init(_ source: String) throws(ExpressionError) {
        guard source.count <= Pattern.maxLength else {
            throw ExpressionError("regex(): pattern longer than \(Pattern.maxLength) characters", at: 0)
        }
        var parser = PatternParser(source)
        self.source = source
        do { self.program = try PatternProgram(try parser.parse()) } catch {
            // The parser counts scalars; an expression's offsets count characters.
            let before = String(String.UnicodeScalarView(source.unicodeScalars.prefix(error.offset)))
            throw ExpressionError(error.message, at: before.count)
        }
    }

    /// Whether the pattern matches all of `text` (not merely a part of it).
    public func matchesWhole(_ text: String) -> Bool { program.matchesWhole(Array(text.unicodeScalars)) }

    /// The compiled pattern for `source`, from a small cache shared by every evaluation, so that a
    /// pattern read from data (not written in the definition) is compiled once, not per evaluation.
    public static func cached(_ source: String) throws(ExpressionError) -> Pattern {
        #if canImport(Synchronization)
        if #available(macOS 15.0, *) {
            if let p = PatternCache.shared.patterns.withLock({ $0[source] }) { return p }
            let p = try Pattern(source)
            PatternCache.shared.patterns.withLock { cache in
                if cache.count >= PatternCache.capacity { cache.removeAll(keepingCapacity: true) }
                cache[source] = p
            }
            return p
        }
        #endif
        return try Pattern(source)
    }
}

#if canImport(Synchronization)
@available(macOS 15.0, *)
private final class PatternCache: Sendable {
    static let shared = PatternCache()
    /// Emptied when full: patterns are few, so a simple bound is enough to keep hostile data
    /// (a new pattern in every answer) from growing it.
    static let capacity = 256
    let patterns = Mutex<[String: Pattern]>([:])
}
#endif
