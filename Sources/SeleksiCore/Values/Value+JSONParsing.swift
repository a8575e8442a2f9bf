/// How much JSON a reader accepts. The defaults fit every answer file and stored record Seleksi
/// writes, with a wide margin, and keep a hostile document from using much memory or stack.
public struct JSONLimits: Sendable, Hashable {
    /// Largest document, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of lists and objects. The reader recurses once per level, so this bounds its stack.
    public var maxDepth: Int
    /// Longest text value or key, in bytes after unescaping.
    public var maxStringBytes: Int

    public init(maxBytes: Int = 8 << 20, maxDepth: Int = Value.maxJSONDepth, maxStringBytes: Int = 1 << 20) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
    }

    public static let standard = JSONLimits()
}

extension Value {
    /// Nesting the JSON reader accepts by default; values built by expressions stay well below it
    /// (see `Evaluator.maxResultDepth`) so that whatever is stored can be read back.
    public static let maxJSONDepth = 64

    /// Parses JSON text (RFC 8259, strictly) into a value: objects become records, arrays lists.
    ///
    /// Hand-written because Foundation's `JSONSerialization` bridges every object through
    /// `NSDictionary`, which made reading an instance's stored variables the largest cost of a
    /// transition (measured with `seleksi-bench`). Strict because a lenient reader lets one file mean
    /// two things: duplicate keys, numbers such as `025`, and broken escapes are refused, not guessed.
    /// The error's offset is a byte offset; its message also names the line and column.
    public init(json text: String, limits: JSONLimits = .standard) throws(ExpressionError) {
        var text = text
        let result = text.withUTF8 { JSONReader.read($0, limits: limits, validateUTF8: false) }
        self = try result.get()
    }

    /// Parses JSON text as `init(json:)` does, but of an outermost object keeps only the members named
    /// in `keys`. The others are read as strictly, not built, and their keys not checked for
    /// duplicates: this is for reading a few fields of records Seleksi stored (a round's report reads
    /// one field of each applicant's portfolio of twenty).
    public init(json text: String, keepingKeys keys: [String], limits: JSONLimits = .standard) throws(ExpressionError) {
        try self.init(json: text, keeping: { keys.contains($0) }, limits: limits)
    }

    /// As `init(json:keepingKeys:)`, the members kept being those whose key `isKept` accepts (a
    /// document keeps the names its template mentions).
    public init(
        json text: String, keeping isKept: (String) -> Bool, limits: JSONLimits = .standard
    ) throws(ExpressionError) {
        var text = text
        let result = withoutActuallyEscaping(isKept) { isKept in
            text.withUTF8 { JSONReader.read($0, limits: limits, validateUTF8: false, keep: isKept) }
        }
        self = try result.get()
    }

    /// Parses JSON bytes, which must be UTF-8 (RFC 8259 §8.1); invalid UTF-8 is refused with its offset.
    public init<Bytes: Collection<UInt8>>(jsonBytes bytes: Bytes,
                                          limits: JSONLimits = .standard) throws(ExpressionError) {
        let direct = bytes.withContiguousStorageIfAvailable { JSONReader.read($0, limits: limits, validateUTF8: true) }
        let result = direct ?? Array(bytes).withUnsafeBufferPointer {
            JSONReader.read($0, limits: limits, validateUTF8: true)
        }
        self = try result.get()
    }
}
