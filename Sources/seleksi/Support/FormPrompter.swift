import Foundation
import SeleksiCore
import SeleksiEngine

/// Asks a form's questions at the terminal in the user's language, re-asking with the message on an
/// invalid answer, skipping fields that are not relevant, calculated, or filled by a rater.
struct FormPrompter {
    let form: FormDefinition
    let language: Language
    let today: CivilDate
    let rater: Bool
    let validator: FormValidator

    init(form: FormDefinition, language: Language, today: CivilDate, rater: Bool) {
        self.form = form
        self.language = language
        self.today = today
        self.rater = rater
        validator = FormValidator(form)
    }

    mutating func run() throws -> [String: Value] {
        var data: [String: Value] = [:]
        say(form.title.text(language))
        for item in form.items {
            switch item {
            case .field(let f):
                guard wanted(f), validator.isRelevant(f.relevant, data: data, today: today) else { continue }
                if let v = try ask(f, data: data, row: nil), !v.isNull { data[f.id] = v }
            case .repeatGroup(let g):
                guard validator.isRelevant(g.relevant, data: data, today: today) else { continue }
                var rows: [Value] = []
                while rows.count < (g.maxRows ?? Int.max) {
                    if rows.count >= g.minRows {
                        let more = try prompt(language == .en ? "Add a row to \(g.label.text(language))? (ya/tidak) " : "Tambah baris \(g.label.text(language))? (ya/tidak) ")
                        guard ["ya", "y", "yes"].contains(more.lowercased()) else { break }
                    } else {
                        say("— \(g.label.text(language)) \(rows.count + 1) (\(language == .en ? "at least" : "paling sedikit") \(g.minRows))")
                    }
                    var row: [String: Value] = [:]
                    for f in g.fields where wanted(f) && validator.isRelevant(f.relevant, data: data, row: row, today: today) {
                        if let v = try ask(f, data: data, row: row), !v.isNull { row[f.id] = v }
                    }
                    rows.append(.record(row))
                }
                if !rows.isEmpty { data[g.id] = .list(rows) }
            }
        }
        let outcome = validator.validate(data, filler: rater ? .rater : .applicant, today: today, resolveAttachment: Engine.attachmentResolver)
        for v in outcome.violations { say("! \(v.path): \(v.message.text(language))") }
        var result = data
        // Calculated fields are recomputed on submission; keep what the user typed.
        for (k, _) in result where !outcome.data.keys.contains(k) { result[k] = nil }
        return result
    }

    private func wanted(_ f: FieldDefinition) -> Bool { f.calculate == nil && !f.readOnly && (rater || f.filledBy == .applicant) }

    private func ask(_ f: FieldDefinition, data: [String: Value], row: [String: Value]?) throws -> Value? {
        var question = f.label.text(language)
        if f.required { question += " *" }
        let hint = f.hint?.text(language) ?? f.type.formatHint.text(language)
        if let list = f.choices.flatMap({ form.choiceLists[$0] }) {
            question += " [" + list.choices.map { "\($0.value)=\($0.label.text(language))" }.joined(separator: ", ") + "]"
        } else {
            question += " (\(hint))"
        }
        while true {
            let answer = try prompt(question + ": ")
            switch validator.checkAnswer(f, raw: answer, data: data, row: row, today: today, resolveAttachment: Engine.attachmentResolver) {
            case .valid(let v): return v
            case .invalid(let problems):
                for p in problems { say("  ✗ \(p.text(language))") }
            }
        }
    }

    /// Unbuffered, like the prompts, so that questions and messages keep their order in a pipe.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func prompt(_ text: String) throws -> String {
        // Written unbuffered, so the question shows before the program waits for the answer.
        FileHandle.standardOutput.write(Data(text.utf8))
        guard let line = readLine() else {
            throw EngineError.input(language == .en ? "\ninput ended before the form was complete; nothing written" : "\nmasukan berakhir sebelum formulir selesai; tidak ada yang ditulis")
        }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
