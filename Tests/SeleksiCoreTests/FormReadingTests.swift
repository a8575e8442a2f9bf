import Testing

@testable import SeleksiCore

/// Step one of validation, as a filler sees its messages: an unknown field names the form's fields, an
/// unknown or unreadable cell of a row names the row and its field. (The names and paths are made only
/// when there is something to report.)
@Suite("Reading answers: unknown fields and unreadable cells are named")
struct FormReadingTests {
    let today = CivilDate(iso: "2019-06-11")!

    func validator() -> FormValidator {
        let name = FieldDefinition(id: "nama", type: .text, label: LocalizedText(id: "Nama"), required: true)
        let start = FieldDefinition(id: "mulai", type: .date, label: LocalizedText(id: "Mulai"), required: true)
        let place = FieldDefinition(id: "tempat", type: .text, label: LocalizedText(id: "Tempat"))
        let rows = RepeatGroup(
            id: "pengalaman", label: LocalizedText(id: "Pengalaman"), minRows: 0, maxRows: 3,
            fields: [start, place], relevant: nil, line: 2)
        return FormValidator(
            FormDefinition(
                id: "uji", version: "1", title: LocalizedText(id: "Uji"),
                items: [.field(name), .repeatGroup(rows)], choiceLists: [:], file: "uji.xml"))
    }

    func row(_ cells: [String: Value]) -> Value { .record(cells) }

    @Test func aCompleteFormReadsWithoutAViolation() {
        let outcome = validator().validate(
            ["nama": .string("Siti"), "pengalaman": .list([row(["mulai": .string("2018-01-02")])])], today: today)
        #expect(outcome.violations.isEmpty)
    }

    @Test func anUnknownFieldNamesTheFormsFields() {
        let outcome = validator().validate(["nama": .string("Siti"), "alamat": .string("x")], today: today)
        #expect(outcome.violations.map(\.path) == ["alamat"])
        #expect(outcome.violations.first?.message.id.contains("nama, pengalaman") == true)
    }

    @Test func anUnknownCellNamesItsRowAndTheRowsFields() {
        let rows = Value.list([row(["mulai": .string("2018-01-02")]), row(["kota": .string("x")])])
        let outcome = validator().validate(["nama": .string("Siti"), "pengalaman": rows], today: today)
        let unknown = outcome.violations.filter { $0.path == "pengalaman[2].kota" }
        #expect(unknown.count == 1)
        #expect(unknown.first?.message.id.contains("mulai, tempat") == true)
    }

    @Test func anUnreadableCellIsNamedByItsPath() {
        let outcome = validator().validate(
            ["nama": .string("Siti"), "pengalaman": .list([row(["mulai": .string("kemarin")])])], today: today)
        #expect(outcome.violations.map(\.path) == ["pengalaman[1].mulai"])
    }
}
