/// Why a document was not made. Nothing is written when any of these is thrown.
public enum DocumentError: Error, CustomStringConvertible, Equatable {
    /// The instance has not reached the state in which the document has its data (exit 1, like a
    /// refusal by the workflow: the remedy is to carry the workflow on, not to change the command).
    case notReady(String)
    /// A template that is missing, does not parse, or lies outside the templates folder.
    case template(String)
    /// An output that would overwrite something it must not (a symlink, an earlier rendering).
    case output(String)
    /// The PDF could not be printed (no Chromium, or it failed or timed out).
    case pdf(String)

    /// The CLI's exit status: 1 not ready · 2 bad template or output.
    public var exitCode: Int32 {
        if case .notReady = self { return 1 }
        return 2
    }

    public var description: String {
        switch self {
        case .notReady(let m), .template(let m), .output(let m), .pdf(let m): return m
        }
    }
}
