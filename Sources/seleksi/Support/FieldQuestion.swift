import Foundation
import SeleksiCore

/// How one field is asked at the terminal: its label, `*` when required, how to write the answer,
/// its choices numbered, and the current answer when it is asked again.
struct FieldQuestion {
    let field: FieldDefinition
    let choices: ChoiceList?
    let io: PromptIO
    /// The answer already given, kept when the user just presses Enter.
    let current: Value?

    /// Choices are numbered unless a code is itself a number (then `2` could mean either).
    var numbered: Bool {
        guard let choices else { return false }
        return !choices.choices.contains { $0.value.allSatisfy(\.isNumber) }
    }

    /// What is shown before the answer: the question, and the choices, if any, each on a line of its own.
    var text: String {
        let question = field.label.text(io.language) + (field.required ? " *" : "") + " (\(how))" + currentNote
        guard let choices else { return question + ": " }
        let lines = choices.choices.enumerated().map { i, c in
            let label = c.label.text(io.language)
            return "    " + (numbered ? "\(i + 1)) " : "") + c.value + (label == c.value ? "" : " — \(label)")
        }
        return question + "\n" + lines.joined(separator: "\n") + "\n> "
    }

    /// How to write the answer.
    private var how: String {
        guard choices != nil else { return field.hint?.text(io.language) ?? hint }
        let ways =
            numbered
            ? io.t("nomor, kode atau label", "number, code or label") : io.t("kode atau label", "code or label")
        guard field.type == .multipleChoice else { return ways }
        return io.t("satu atau lebih, dipisah koma: ", "one or more, comma-separated: ") + ways
    }

    /// When asked again: the answer given, and what Enter and `-` do.
    private var currentNote: String {
        guard let current else { return "" }
        let shown = AnswerDisplay(io: io).text(current, field: field, choices: choices)
        let clear = field.required ? "" : io.t("; - = kosongkan", "; - = clear")
        return " [" + io.t("sekarang: ", "now: ") + shown + io.t("; Enter = tetap", "; Enter = keep") + clear + "]"
    }

    private var hint: String {
        switch field.type {
        case .date: return io.t("TTTT-BB-HH, mis. 1990-07-31", "YYYY-MM-DD, e.g. 1990-07-31")
        default: return field.type.formatHint.text(io.language)
        }
    }

    /// The answer as the validator reads it: a choice's number replaced by its code (`2` → `P`;
    /// `1, 3` for a multiple choice). Anything else is passed on untouched.
    func resolvingNumbers(_ raw: String) -> String {
        guard numbered, let choices = choices?.choices else { return raw }
        func code(_ part: String) -> String {
            guard let n = Int(part.trimmingCharacters(in: .whitespaces)), (1...choices.count).contains(n) else {
                return part
            }
            return choices[n - 1].value
        }
        if field.type == .multipleChoice {
            return raw.split(separator: ",").map { code(String($0)) }.joined(separator: ",")
        }
        return code(raw)
    }
}
