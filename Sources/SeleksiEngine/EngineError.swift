import SeleksiCore
import SeleksiStore

/// A failure of a command, with the exit status the CLI returns for it.
public enum EngineError: Error, CustomStringConvertible {
    /// The workflow's rules refused the command (audited).
    case refused(Refusal, violations: [Violation])
    /// Definition files with errors.
    case definitions([Diagnostic])
    /// A bad argument or input file.
    case input(String)
    case store(StoreError)
    case auditBroken(String)

    /// 0 success · 1 refused by the workflow · 2 bad input or definitions · 3 database problem · 4 audit log broken.
    public var exitCode: Int32 {
        switch self {
        case .refused: return 1
        case .definitions, .input: return 2
        case .store: return 3
        case .auditBroken: return 4
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case .refused(let r, let violations):
            var lines = ["\(language == .en ? "refused" : "ditolak") [\(r.code.rawValue)]: \(r.message.text(language))"]
            for v in violations { lines.append("  \(v.path): \(v.message.text(language))") }
            return lines.joined(separator: "\n")
        case .definitions(let d): return d.map { $0.description(language) }.joined(separator: "\n")
        case .input(let m): return m
        case .store(let e): return e.description
        case .auditBroken(let m): return m
        }
    }

    public var description: String { message(.id) }
}
