import Foundation
import SeleksiCore
import SeleksiEngine

/// Asks a form's questions at the terminal in the user's language, settles every check by asking the
/// field at fault again, shows the answers for review, and returns them only once they are valid and
/// confirmed. Fields that are not relevant, calculated, or filled by a rater are not asked.
///
/// A check that reads another field waits until that field is answered: `tb_portofolio` asks the NIK
/// before the birth date, and the two are compared as soon as the birth date is in.
struct FormPrompter {
    let form: FormDefinition
    let validator: FormValidator
    let io: PromptIO
    let today: CivilDate
    let filler: Filler
    var sheet = AnswerSheet()

    init(form: FormDefinition, reference: ReferenceTables, language: Language, today: CivilDate, rater: Bool) {
        self.form = form
        validator = FormValidator(form, reference: reference)
        io = PromptIO(language: language)
        self.today = today
        filler = rater ? .rater : .applicant
    }

    /// The confirmed answers, as a submission file holds them.
    mutating func run() throws -> [String: Value] {
        io.say(form.title.text(io.language))
        io.say(
            io.t(
                "Kolom bertanda * wajib diisi; kosongkan jawaban untuk melewati yang lain. Tanggal ditulis TTTT-BB-HH.",
                "Fields marked * are required; leave an answer empty to skip any other. Dates are written YYYY-MM-DD."))
        io.say(
            io.t(
                "Ketik !batal kapan saja untuk berhenti tanpa menyimpan apa pun.",
                "Type !cancel at any time to stop without saving anything."))
        try fillAndSettle()
        try review()
        return FillOutput.answers(validated().data, form: form)
    }

    /// The sheet through the validator: complete (`partial` false) or as far as the answers so far decide.
    func validated(partial: Bool = false) -> FormValidator.Outcome {
        validator.validate(
            sheet.data, filler: filler, today: today, resolveAttachment: Engine.attachmentResolver,
            settled: partial ? sheet.settled : nil)
    }

    /// Asks what is unasked and relevant, then validates the whole form and mends it; again, as long as
    /// a mended answer makes another field relevant.
    mutating func fillAndSettle() throws {
        repeat {
            while try fillPass() {}
        } while try settle()
    }

    /// Mends the complete form's violations one at a time; returns whether there were any.
    private mutating func settle() throws -> Bool {
        var mended = false
        while let violation = validated().violations.first {
            try mend(violation)
            mended = true
        }
        return mended
    }

    /// After each answer: mends what the answers so far already decide (the NIK, once the birth date is in).
    mutating func catchUp() throws {
        while let violation = validated(partial: true).violations.first { try mend(violation) }
    }

    /// Asks every question not yet asked that is relevant now; returns whether it asked any.
    private mutating func fillPass() throws -> Bool {
        var asked = false
        for item in form.items {
            switch item {
            case .field(let f):
                let path = FieldPath.field(f.id)
                guard form.isAnswerable(f, filler), !sheet.settled.contains(path),
                    validator.isRelevant(f.relevant, data: sheet.data, today: today)
                else { continue }
                sheet.answer(try ask(f, at: path, current: nil), at: path)
                try catchUp()
                asked = true
            case .repeatGroup(let g):
                guard validator.isRelevant(g.relevant, data: sheet.data, today: today) else { continue }
                if !sheet.settled.contains(.group(g.id)) {
                    try fillGroup(g)
                    asked = true
                } else {
                    for index in sheet.rows(g.id).indices {
                        if try fillRow(g, index + 1) { asked = true }
                    }
                }
            }
        }
        return asked
    }

    mutating func fillGroup(_ g: RepeatGroup) throws {
        let label = g.label.text(io.language)
        let most = g.maxRows ?? Int.max
        io.say(
            "— \(label) ("
                + io.t(
                    "baris \(g.minRows)–\(g.maxRows.map(String.init) ?? "…")",
                    "rows \(g.minRows)–\(g.maxRows.map(String.init) ?? "…")") + ")")
        while sheet.rows(g.id).count < most {
            if sheet.rows(g.id).count >= g.minRows {
                guard try io.confirm(io.t("Tambah baris \(label)? (ya/tidak) ", "Add a row to \(label)? (ya/tidak) "))
                else { break }
            }
            let index = sheet.addRow(g.id)
            io.say("— \(label), " + io.t("baris", "row") + " \(index) (\(g.id)[\(index)])")
            try fillRow(g, index)
        }
        if sheet.rows(g.id).count == most {
            io.say(io.t("  (batas \(most) baris tercapai)", "  (the limit of \(most) rows is reached)"))
        }
        sheet.closeGroup(g.id)
        try catchUp()
    }

    /// Asks the row's questions not yet asked that are relevant now; returns whether it asked any.
    @discardableResult
    mutating func fillRow(_ g: RepeatGroup, _ index: Int) throws -> Bool {
        var asked = false
        for f in g.fields where form.isAnswerable(f, filler) {
            let path = FieldPath.cell(group: g.id, index: index, field: f.id)
            guard !sheet.settled.contains(path),
                validator.isRelevant(f.relevant, data: sheet.data, row: sheet.row(g.id, index), today: today)
            else { continue }
            sheet.answer(try ask(f, at: path, current: nil), at: path)
            try catchUp()
            asked = true
        }
        return asked
    }

    /// Asks one field until its answer has the right type and passes the checks that read no other
    /// answer. Checks across fields are left to `catchUp()`, right after: it can then offer to change
    /// the other field too (the start date, when an end date is "before the start").
    /// `current`, when asked again, is kept on an empty answer; `-` clears an optional one. Nil: left empty.
    func ask(_ f: FieldDefinition, at path: FieldPath, current: Value?) throws -> Value? {
        let question = FieldQuestion(
            field: f, choices: f.choices.flatMap { form.choiceLists[$0] }, io: io, current: current)
        var row: [String: Value]?
        var scope: RowScope?
        if case .cell(let g, let i, _) = path, case .repeatGroup(let group)? = form.items.first(where: { $0.id == g }) {
            row = sheet.row(g, i)
            scope = RowScope(group: group, index: i)
        }
        while true {
            let raw = try io.ask(question.text)
            if raw.isEmpty, let current { return current }
            if raw == "-", current != nil, !f.required { return nil }
            switch validator.checkAnswer(
                f, raw: question.resolvingNumbers(raw), data: sheet.data, row: row, rowScope: scope,
                settled: SettledFields(), filler: filler, today: today,
                resolveAttachment: Engine.attachmentResolver)
            {
            // An attachment keeps the path typed: the file is read and hashed again whenever the
            // answers are validated or submitted, never trusted from an earlier reading.
            case .valid(let v): return v.isNull ? nil : (f.type == .attachment ? .string(raw) : v)
            case .invalid(let problems): for p in problems { io.say("  ✗ " + p.text(io.language)) }
            }
        }
    }
}
