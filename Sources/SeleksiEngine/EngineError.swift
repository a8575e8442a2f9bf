import SeleksiCore
import SeleksiStore

/// A failure of a command, with the exit status the CLI returns for it.
///
/// One rule for every command (`seleksi --help` lists it): 1 the rules refused a request that names
/// what exists; 2 bad input — something named does not exist, a file or definition is wrong; 3 the
/// database; 4 the audit log. An unknown instance is 2 whether `show` or `fire` meets it.
public enum EngineError: Error, CustomStringConvertible {
    /// The workflow's rules refused the command (audited).
    case refused(Refusal, violations: [Violation])
    /// Definition files with errors.
    case definitions([Diagnostic])
    /// A bad argument or input file (a message the program composed in one language).
    case input(String)
    /// A bad argument or input file, said in both languages.
    case invalid(LocalizedText)
    case store(StoreError)
    case auditBroken(String)

    /// A bad argument or input, in Indonesian and English.
    public static func input(_ id: String, en: String) -> EngineError { .invalid(LocalizedText(id: id, en: en)) }

    /// Refusals that name something which does not exist are bad input, as they are for every other command.
    static let unknownNames: Set<Refusal.Code> = [
        .unknownEvent, .unknownInstance, .unknownWorkflow, .unknownActor, .unknownOrganisation, .unknownRole,
    ]

    /// 0 success · 1 refused by the rules · 2 bad input or definitions · 3 database problem · 4 audit log broken.
    public var exitCode: Int32 {
        switch self {
        case .refused(let r, _): return EngineError.unknownNames.contains(r.code) ? 2 : 1
        case .definitions, .input, .invalid: return 2
        case .store(.rowDiffersFromLog): return 4  // the file no longer agrees with its log
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
        case .invalid(let text): return text.text(language)
        case .store(let e): return e.message(language)
        case .auditBroken(let m): return m
        }
    }

    public var description: String { message(.id) }
}
