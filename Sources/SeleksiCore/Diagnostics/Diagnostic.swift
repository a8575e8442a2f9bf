/// A problem found in a definition file, located for a person to fix: `forms/x.xml:12: …`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public let file: String
    public let line: Int
    public let severity: Severity
    public let message: String

    public init(file: String, line: Int, _ message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(file):\(line): \(severity.rawValue): \(message)" }
}

/// Many diagnostics thrown together, when a definition cannot be used.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
