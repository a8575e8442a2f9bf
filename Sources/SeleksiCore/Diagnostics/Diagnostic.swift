/// A problem found in a definition file, located for a person to fix: `forms/x.xml:12: …`, in
/// Indonesian by default and in English for `--lang en`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning

        public func word(_ language: Language) -> String {
            language == .en ? rawValue : (self == .error ? "kesalahan" : "peringatan")
        }
    }

    public let file: String
    public let line: Int
    public let severity: Severity
    public let text: LocalizedText

    public init(file: String, line: Int, _ text: LocalizedText, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.severity = severity
        self.text = text
    }

    public init(file: String, line: Int, id: String, en: String, severity: Severity = .error) {
        self.init(file: file, line: line, LocalizedText(id: id, en: en), severity: severity)
    }

    /// The message in Indonesian.
    public var message: String { text.id }

    public func description(_ language: Language) -> String { "\(file):\(line): \(severity.word(language)): \(text.text(language))" }

    public var description: String { description(.id) }
}

/// Many diagnostics thrown together, when a definition cannot be used.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
