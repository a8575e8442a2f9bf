import SeleksiCore

/// Why `form fill` stopped without writing anything.
enum FillStop: Error {
    /// Standard input ended (Ctrl-D, or a script with too few lines).
    case endOfInput
    /// The user typed `!batal` at a question, or `batal` at the review.
    case cancelled
    /// Problems no answer can mend (a calculation that fails whatever is typed); the form's fault.
    case unfixable([Violation])
}

extension FillStop {
    func message(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case .endOfInput:
            return en
                ? "input ended before the answers were complete and confirmed; nothing written"
                : "masukan berakhir sebelum isian lengkap dan dikonfirmasi; tidak ada yang ditulis"
        case .cancelled:
            return en ? "cancelled; nothing written" : "dibatalkan; tidak ada yang ditulis"
        case .unfixable(let violations):
            let head =
                en
                ? "the form cannot be completed whatever is answered (a fault in the form or the reference data); "
                    + "nothing written:"
                : "isian tidak dapat diselesaikan apa pun jawabannya (kesalahan pada formulir atau data acuan); "
                    + "tidak ada yang ditulis:"
            return ([head] + violations.map { "  \($0.path): \($0.message.text(language))" }).joined(separator: "\n")
        }
    }
}
