/// A problem found in a definition file, located for a person to fix: `forms/x.xml:12: …`, in
/// Indonesian (`message`) with an English variant (`en`) where one was written.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public let file: String
    public let line: Int
    public let severity: Severity
    /// The message in Indonesian (or the only text there is, such as libxml2's).
    public let message: String
    /// The message in English, where it differs.
    public let en: String?

    public init(file: String, line: Int, _ message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
        self.en = nil
    }

    public init(file: String, line: Int, id: String, en: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = id
        self.en = en
    }

    /// The message in `language`.
    public func text(_ language: Language) -> String { language == .en ? (en ?? message) : message }

    /// `file:line: kesalahan: …` (or `error:` in English).
    public func description(_ language: Language) -> String {
        let word: String
        switch (severity, language) {
        case (.error, .id): word = "kesalahan"
        case (.warning, .id): word = "peringatan"
        case (.error, .en): word = "error"
        case (.warning, .en): word = "warning"
        }
        return "\(file):\(line): \(word): \(text(language))"
    }

    public var description: String { description(.id) }
}

/// Many diagnostics thrown together, when a definition cannot be used.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
