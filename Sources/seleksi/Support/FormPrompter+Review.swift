import SeleksiCore

/// The last step before anything is written: the answers are shown, and the user confirms them,
/// changes one, or stops.
extension FormPrompter {
    mutating func review() throws {
        while true {
            let reviewer = FormReview(form: form, validator: validator, io: io, today: today, filler: filler)
            for line in reviewer.lines(validated().data) { io.say(line) }
            let answer = try io.ask(io.t(
                "Simpan? Ketik ya untuk menyimpan, nama kolom untuk mengubahnya (mis. nik, pengalaman[1].mulai, pengalaman), atau batal: ",
                "Save? Type ya (yes) to save, a field's name to change it (e.g. nik, pengalaman[1].mulai, pengalaman), or batal (cancel): "))
            switch answer.lowercased() {
            case "ya", "y", "yes": return
            case "batal", "cancel", "keluar", "quit": throw FillStop.cancelled
            default:
                guard let path = FieldPath(answer, in: form) ?? FieldPath(answer.lowercased(), in: form), isEditable(path) else {
                    io.say("  ✗ " + io.t("'\(answer)' bukan kolom yang dapat diubah; pakai nama di kolom kiri daftar di atas",
                                         "'\(answer)' is not a field that can be changed; use a name from the left column above"))
                    continue
                }
                try edit(path)
                try fillAndSettle()
            }
        }
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
