import SeleksiCore

/// The last step before anything is written: the answers are shown, and the user confirms them,
/// changes one, or stops.
extension FormPrompter {
    mutating func review() throws {
        while true {
            let reviewer = FormReview(form: form, validator: validator, io: io, today: today, filler: filler)
            for line in reviewer.lines(validated().data) { io.say(line) }
            guard let path = try reviewAnswer() else { return }
            try edit(path)
            try fillAndSettle()
        }
    }

    /// `ya` (nil: save), a field to change, or `batal`; anything else is asked again.
    private func reviewAnswer() throws -> FieldPath? {
        let examples = editExamples.joined(separator: ", ")
        let question = io.t(
            "Simpan? Ketik ya untuk menyimpan, nama kolom untuk mengubahnya (mis. \(examples)), atau batal: ",
            "Save? Type ya (yes) to save, a field's name to change it (e.g. \(examples)), or batal (cancel): ")
        while true {
            let answer = try io.ask(question)
            switch answer.lowercased() {
            case "": continue
            case "ya", "y", "yes": return nil
            case "batal", "cancel", "keluar", "quit": throw FillStop.cancelled
            default:
                if let path = FieldPath(answer, in: form) ?? FieldPath(answer.lowercased(), in: form), isEditable(path)
                {
                    return path
                }
                io.say(
                    "  ✗ "
                        + io.t(
                            "'\(answer)' bukan kolom yang dapat diubah; pakai nama di kolom kiri daftar di atas",
                            "'\(answer)' is not a field that can be changed; use a name from the left column above"))
            }
        }
    }

    /// Names from this form to show how a field, a cell and a whole group are named.
    private var editExamples: [String] {
        var out: [String] = []
        if let f = form.items.lazy.compactMap({ item -> FieldDefinition? in
            if case .field(let f) = item, form.isAnswerable(f, filler) { return f }
            return nil
        }).first {
            out.append(f.id)
        }
        if let g = form.items.lazy.compactMap({ item -> RepeatGroup? in
            if case .repeatGroup(let g) = item { return g }
            return nil
        }).first, let cell = g.fields.first(where: { form.isAnswerable($0, filler) }) {
            out += ["\(g.id)[1].\(cell.id)", g.id]
        }
        return out
    }

    /// A field or cell is asked again with its answer as default; a row, each of its cells; a group is
    /// filled again from its first row (the way to drop a row).
    private mutating func edit(_ path: FieldPath) throws {
        switch path {
        case .field, .cell:
            guard let f = field(at: path) else { return }
            sheet.answer(try ask(f, at: path, current: sheet.value(path)), at: path)
        case .row(let g, let index):
            try reaskRow(g, index)
        case .group(let g):
            sheet.clearGroup(g)
        }
        try catchUp()
    }
}
