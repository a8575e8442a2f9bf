import Testing

@testable import SeleksiCore

/// A form filled one question at a time: checks that read another field wait until it is answered.
@Suite("Validation of a form still being filled")
struct PartialValidationTests {
    let today = CivilDate(iso: "2019-06-11")!
    let nikFor1990_07_31 = "6371017107909001"  // synthetic: digits 7–12 are 71 07 90 (a woman born 31-07-1990)

    /// The order of `tb_portofolio`: the NIK, whose check reads the birth date, is asked first; then a
    /// repeat whose end date must not precede its start.
    func form() throws -> FormDefinition {
        let nik = FieldDefinition(
            id: "nik", type: .nik, label: LocalizedText(id: "NIK"), required: true,
            constraints: [
                FieldConstraint(
                    test: try Expression("nik-matches-birth-date(., tanggal_lahir)"),
                    message: LocalizedText(id: "NIK tidak cocok"), line: 1)
            ])
        let born = FieldDefinition(
            id: "tanggal_lahir", type: .date, label: LocalizedText(id: "Tanggal lahir"), required: true)
        let start = FieldDefinition(id: "mulai", type: .date, label: LocalizedText(id: "Mulai"), required: true)
        let end = FieldDefinition(
            id: "selesai", type: .date, label: LocalizedText(id: "Selesai"),
            constraints: [
                FieldConstraint(
                    test: try Expression(". >= mulai"), message: LocalizedText(id: "Selesai sebelum mulai"), line: 2)
            ])
        let total = FieldDefinition(
            id: "jumlah", type: .integer, label: LocalizedText(id: "Jumlah"),
            constraints: [
                FieldConstraint(
                    test: try Expression(". = count(pengalaman)"), message: LocalizedText(id: "Jumlah baris salah"),
                    line: 3)
            ])
        let rows = RepeatGroup(
            id: "pengalaman", label: LocalizedText(id: "Pengalaman"), minRows: 1, maxRows: 3,
            fields: [start, end], relevant: nil, line: 4)
        return FormDefinition(
            id: "uji", version: "1", title: LocalizedText(id: "Uji"),
            items: [.field(nik), .field(born), .field(total), .repeatGroup(rows)], choiceLists: [:], file: "uji.xml")
    }

    @Test func aNIKAnsweredBeforeTheBirthDateWaitsForIt() throws {
        let validator = FormValidator(try form())
        let data: [String: Value] = ["nik": .string(nikFor1990_07_31)]
        let partial = validator.validate(data, today: today, settled: SettledFields(["nik"]))
        #expect(partial.violations.isEmpty)
        #expect(!validator.validate(data, today: today).isValid)  // the complete form misses the birth date

        let check = validator.checkAnswer(
            try form().items.compactMap { if case .field(let f) = $0 { f } else { nil } }[0],
            raw: nikFor1990_07_31, data: [:], settled: SettledFields(), today: today)
        guard case .valid = check else {
            Issue.record("the NIK was refused before the birth date was asked: \(check)")
            return
        }
    }

    @Test func onceTheBirthDateIsInTheNIKIsJudgedAndNamedAtFault() throws {
        let validator = FormValidator(try form())
        let settled = SettledFields(["nik", "tanggal_lahir"])
        let matching: [String: Value] = [
            "nik": .string(nikFor1990_07_31), "tanggal_lahir": .date(CivilDate(iso: "1990-07-31")!),
        ]
        #expect(validator.validate(matching, today: today, settled: settled).violations.isEmpty)
        var wrong = matching
        wrong["tanggal_lahir"] = .date(CivilDate(iso: "1991-07-31")!)
        #expect(
            validator.validate(wrong, today: today, settled: settled).violations.map(\.description) == [
                "nik: NIK tidak cocok"
            ])
    }

    @Test func aCellCheckReadingItsRowWaitsForThatCellAndAGroupCheckForTheWholeGroup() throws {
        let validator = FormValidator(try form())
        let row: Value = .record([
            "mulai": .date(CivilDate(iso: "2016-07-01")!), "selesai": .date(CivilDate(iso: "2013-01-01")!),
        ])
        let data: [String: Value] = ["jumlah": .number(2), "pengalaman": .list([row])]
        // Only the end date is settled: the start is not, so the comparison waits.
        let early = validator.validate(data, today: today, settled: SettledFields(["jumlah", "pengalaman[1].selesai"]))
        #expect(early.violations.isEmpty)
        // Both cells in, the group still open: the row is judged, the count of rows is not.
        let rowDone = validator.validate(
            data, today: today, settled: SettledFields(["jumlah", "pengalaman[1].mulai", "pengalaman[1].selesai"]))
        #expect(rowDone.violations.map(\.description) == ["pengalaman[1].selesai: Selesai sebelum mulai"])
        let groupDone = validator.validate(
            data, today: today,
            settled: SettledFields(["jumlah", "pengalaman", "pengalaman[1].mulai", "pengalaman[1].selesai"]))
        #expect(
            groupDone.violations.map(\.description) == [
                "jumlah: Jumlah baris salah", "pengalaman[1].selesai: Selesai sebelum mulai",
            ])
    }

    @Test func pathsOfViolationsReadBackIntoFieldsGroupsRowsAndCells() throws {
        let f = try form()
        #expect(FieldPath("nik", in: f) == .field("nik"))
        #expect(FieldPath("pengalaman", in: f) == .group("pengalaman"))
        #expect(FieldPath("pengalaman[2]", in: f) == .row(group: "pengalaman", index: 2))
        #expect(FieldPath("pengalaman[2].mulai", in: f) == .cell(group: "pengalaman", index: 2, field: "mulai"))
        for bad in ["warna", "pengalaman[0]", "pengalaman[x]", "pengalaman[1].warna", "nik[1]", "pengalaman[1]x"] {
            #expect(FieldPath(bad, in: f) == nil, "\(bad)")
        }
    }
}
