import SeleksiCore

/// The answers laid out for a last look: one line per field (its name, to change it, then its label
/// and answer), a repeat group as one line per row (`pengalaman[2]`, then `mulai: …` for each cell).
struct FormReview {
    let form: FormDefinition
    let validator: FormValidator
    let io: PromptIO
    let today: CivilDate
    let filler: Filler

    func lines(_ data: [String: Value]) -> [String] {
        var out = [
            "", "── " + io.t("Periksa isian sebelum disimpan", "Check the answers before saving") + " (\(form.id)) ──",
        ]
        for item in form.items {
            switch item {
            case .field(let f):
                guard shows(f), validator.isRelevant(f.relevant, data: data, today: today) else { continue }
                out.append(line(f.id, f.label.text(io.language), display(data[f.id], f)))
            case .repeatGroup(let g):
                guard validator.isRelevant(g.relevant, data: data, today: today) else { continue }
                out += groupLines(g, data)
            }
        }
        out.append("")
        return out
    }

    private func groupLines(_ g: RepeatGroup, _ data: [String: Value]) -> [String] {
        var rows: [[String: Value]] = []
        if case .list(let list)? = data[g.id] {
            rows = list.map { if case .record(let r) = $0 { return r } else { return [:] } }
        }
        var out = [line(g.id, g.label.text(io.language), io.t("\(rows.count) baris", "\(rows.count) row(s)"))]
        for (i, row) in rows.enumerated() {
            let cells = g.fields.filter { form.isAnswerable($0, filler) && !(row[$0.id]?.isEmpty ?? true) }
                .map { "\($0.id): \(display(row[$0.id], $0))" }  // names, not labels: a row fits a line
            out.append(line("  \(g.id)[\(i + 1)]", "", cells.joined(separator: " · ")))
        }
        return out
    }

    /// Answerable fields, and calculated ones (shown, not changed).
    private func shows(_ f: FieldDefinition) -> Bool { form.isAnswerable(f, filler) || f.calculate != nil }

    private func display(_ value: Value?, _ f: FieldDefinition) -> String {
        AnswerDisplay(io: io).text(value, field: f, choices: f.choices.flatMap { form.choiceLists[$0] })
    }

    private func line(_ name: String, _ label: String, _ value: String) -> String {
        let padded = name.count >= 28 ? name : name + String(repeating: " ", count: 28 - name.count)
        return "  \(padded) " + (label.isEmpty ? value : "\(label): \(value)")
    }
}
