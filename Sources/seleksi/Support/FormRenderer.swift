import SeleksiCore
import SeleksiEngine

/// A submission as a person reads it at the terminal: the form's title, each filled field beside its
/// label (dates, amounts and choices as people write them), repeat groups as small tables — or, when a
/// table would not fit the terminal, one row per line — everything wrapped at the terminal's width.
struct FormRenderer {
    let form: FormDefinition
    let language: Language
    let width: Int
    /// Extra words after an attachment (its verification), by path.
    var attachmentNotes: [String: String] = [:]

    init(form: FormDefinition, language: Language, width: Int = TerminalLayout.width) {
        self.form = form
        self.language = language
        self.width = width
    }

    func lines(_ data: [String: Value], indent: String = "  ") -> [String] {
        var out: [String] = []
        let labels = form.items.compactMap { item -> String? in
            if case .field(let f) = item, shown(f, data[f.id]) { return f.label.text(language) }
            return nil
        }
        let labelWidth = min(labels.map(\.count).max() ?? 10, max(16, width / 3))
        for item in form.items {
            switch item {
            case .field(let f):
                guard shown(f, data[f.id]) else { continue }
                out += TerminalLayout.labelled(
                    f.label.text(language), text(data[f.id]!, f), indent: indent, labelWidth: labelWidth, width: width)
            case .repeatGroup(let g):
                guard case .list(let rows)? = data[g.id], !rows.isEmpty else { continue }
                out.append(indent + "\(g.label.text(language)) (\(rows.count)):")
                out += table(
                    g, rows: rows.compactMap { if case .record(let r) = $0 { return r } else { return nil } },
                    indent: indent + "  ")
            }
        }
        return out
    }

    /// Calculated helper fields with no label of their own are left out; so are empty answers.
    private func shown(_ f: FieldDefinition, _ value: Value?) -> Bool {
        guard let value, !value.isEmpty else { return false }
        return !(f.calculate != nil && f.label.id.hasPrefix("("))
    }

    private func text(_ value: Value, _ f: FieldDefinition) -> String {
        var shown = ValueText.text(value, field: f, form: form, language: language)
        if f.type == .attachment, case .record(let r) = value, let path = r["path"]?.displayText,
            let note = attachmentNotes[path]
        {
            shown += " — " + note
        }
        return shown
    }

    private func table(_ g: RepeatGroup, rows: [[String: Value]], indent: String) -> [String] {
        let columns = g.fields.filter { f in rows.contains { shown(f, $0[f.id]) } }
        guard !columns.isEmpty else { return [] }
        let headers = columns.map { $0.label.text(language) }
        let cells = rows.map { row in columns.map { f in row[f.id].map { text($0, f) } ?? "" } }
        let contentWidths = columns.indices.map { i in cells.map { $0[i].count }.max() ?? 0 }
        var widths = columns.indices.map { i in max(headers[i].count, contentWidths[i]) }
        let room = width - indent.count - 4 - 2 * (columns.count - 1)
        // Long headers give way first (down to their column's content, or 10 characters), then the widest contents.
        while widths.reduce(0, +) > room,
            let i = widths.indices.filter({ widths[$0] > max(contentWidths[$0], 10) })
                .max(by: { widths[$0] - contentWidths[$0] < widths[$1] - contentWidths[$1] })
        {
            widths[i] -= 1
        }
        while widths.reduce(0, +) > room, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
            widths[widest] > 12
        {
            widths[widest] -= 1
        }
        if widths.reduce(0, +) > room
            || cells.contains(where: { row in row.indices.contains { row[$0].count > widths[$0] * 2 } })
        {
            // One row per line, as `label: value` pairs.
            return rows.indices.flatMap { i -> [String] in
                let pairs = columns.indices.compactMap { c in
                    cells[i][c].isEmpty ? nil : "\(headers[c]): \(cells[i][c])"
                }
                let number = "\(i + 1). "
                return TerminalLayout.wrap(
                    pairs.joined(separator: " · "), width: width, first: indent + number,
                    rest: indent + String(repeating: " ", count: number.count))
            }
        }
        let line = { (values: [String]) -> String in
            indent + "  " + values.indices.map { TerminalLayout.cell(values[$0], widths[$0]) }.joined(separator: "  ")
        }
        var out = [line(headers)]
        out.append(indent + "  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for row in cells { out.append(line(row)) }
        return out.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }
}
