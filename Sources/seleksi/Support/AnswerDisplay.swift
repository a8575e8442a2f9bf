import Foundation
import SeleksiCore

/// An answer as a person reads it back: a choice by its label, yes/no, Rupiah with dots, a file by its path.
struct AnswerDisplay {
    let io: PromptIO

    func text(_ value: Value?, field: FieldDefinition, choices: ChoiceList?) -> String {
        guard let value, !value.isEmpty else { return "—" }
        switch (field.type, value) {
        case (.choice, .string(let code)):
            return label(code, choices)
        case (.multipleChoice, .list(let codes)):
            return codes.map { label($0.displayText, choices) }.joined(separator: ", ")
        case (.boolean, .bool(let b)):
            return b ? io.t("ya", "yes") : io.t("tidak", "no")
        case (.money, .number(let n)):
            // Checked: a money answer is whole and within 2^53, but a conversion must never trap.
            return Int64(exactly: n).map(IndonesianFormat.rupiah) ?? value.displayText
        case (.attachment, .record(let r)):
            return relative(r["path"]?.displayText ?? value.displayText)
        default:
            return value.displayText
        }
    }

    /// A file under the working folder by the path the user typed, not the absolute one stored.
    private func relative(_ path: String) -> String {
        let folder = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
    }

    private func label(_ code: String, _ choices: ChoiceList?) -> String {
        guard let choice = choices?.choices.first(where: { $0.value == code }) else { return code }
        let label = choice.label.text(io.language)
        return label == code ? code : "\(label) (\(code))"
    }
}
