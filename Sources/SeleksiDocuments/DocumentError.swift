import SeleksiCore

/// Why a document was not made. Nothing is written when any of these is thrown.
public enum DocumentError: Error, CustomStringConvertible, Equatable {
    /// The instance has not reached the state in which the document has its data (exit 1, like a
    /// refusal by the workflow: the remedy is to carry the workflow on, not to change the command).
    case notReady(LocalizedText)
    /// A template that is missing, does not parse, or lies outside the templates folder.
    case template(LocalizedText)
    /// An output that would overwrite something it must not (a symlink, an earlier rendering).
    case output(LocalizedText)
    /// The PDF could not be printed (no Chromium, or it failed or timed out).
    case pdf(LocalizedText)

    static func notReady(id: String, en: String) -> DocumentError { .notReady(LocalizedText(id: id, en: en)) }
    static func template(id: String, en: String) -> DocumentError { .template(LocalizedText(id: id, en: en)) }
    static func output(id: String, en: String) -> DocumentError { .output(LocalizedText(id: id, en: en)) }
    static func pdf(id: String, en: String) -> DocumentError { .pdf(LocalizedText(id: id, en: en)) }

    /// The CLI's exit status: 1 not ready · 2 bad template or output.
    public var exitCode: Int32 {
        if case .notReady = self { return 1 }
        return 2
    }

    public var description: String { message(.id) }

    /// The message in the reader's language. The names a template gives its data and steps are quoted
    /// as the template writes them (in Indonesian).
    public func message(_ language: Language) -> String {
        switch self {
        case .notReady(let m), .template(let m), .output(let m), .pdf(let m): return m.text(language)
        }
    }
}
