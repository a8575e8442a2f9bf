import Testing

@testable import SeleksiCore

/// A rule's message names the values that broke it (`{expression}`), and `rupiah()` writes an amount as
/// a document does: a stated total that disagrees with its product is reported with both figures.
@Suite("Messages that name values, and rupiah()")
struct MessageValuesTests {
    let today = CivilDate(iso: "2025-05-02")!

    func eval(_ source: String, _ scope: [String: Value] = [:]) throws -> Value {
        try Evaluator.evaluate(try Expression(source), in: EvaluationContext(scopes: [scope], today: today))
    }

    @Test func rupiahWritesWholeAmountsAndRefusesFractions() throws {
        #expect(try eval("rupiah(155914990)") == .string("Rp155.914.990"))
        #expect(try eval("rupiah(43 * 3625930)") == .string("Rp155.914.990"))
        #expect(try eval("rupiah('1500000')") == .string("Rp1.500.000"))
        #expect(try eval("rupiah(x)") == .null)
        #expect(throws: ExpressionError.self) { try eval("rupiah(10.5)") }
        #expect(throws: ExpressionError.self) { try eval("rupiah('sepuluh')") }
    }

    @Test func aFailedConstraintNamesBothFigures() throws {
        let form = FormDefinition(
            id: "biaya", version: "1", title: LocalizedText(id: "Biaya"),
            items: [
                .field(FieldDefinition(id: "peserta", type: .integer, label: LocalizedText(id: "Peserta"))),
                .field(FieldDefinition(id: "per_peserta", type: .money, label: LocalizedText(id: "Per peserta"))),
                .field(
                    FieldDefinition(
                        id: "total", type: .money, label: LocalizedText(id: "Total"),
                        constraints: [
                            FieldConstraint(
                                test: try Expression(". = peserta * per_peserta"),
                                message: LocalizedText(
                                    id:
                                        "Total {rupiah(.)} bukan {peserta} × {rupiah(per_peserta)} = {rupiah(peserta * per_peserta)}",
                                    en: "Total {rupiah(.)} is not {rupiah(peserta * per_peserta)}"),
                                line: 1)
                        ])),
            ], choiceLists: [:], file: "biaya.xml")
        let result = FormValidator(form).validate(
            ["peserta": .number(43), "per_peserta": .number(3_625_930), "total": .number(155_915_000)], today: today)
        #expect(
            result.violations.map(\.message)
                == [
                    LocalizedText(
                        id: "Total Rp155.915.000 bukan 43 × Rp3.625.930 = Rp155.914.990",
                        en: "Total Rp155.915.000 is not Rp155.914.990")
                ])
        let right = FormValidator(form).validate(
            ["peserta": .number(43), "per_peserta": .number(3_625_930), "total": .number(155_914_990)], today: today)
        #expect(right.violations.isEmpty)
    }

    @Test func aPlaceholderThatIsNotAnExpressionIsLeftAsWritten() throws {
        let context = EvaluationContext(scopes: [["n": .number(7)]], today: today)
        #expect(LocalizedText(id: "6–20 angka: [0-9]{6,20}").filled(in: context).id == "6–20 angka: [0-9]{6,20}")
        #expect(
            LocalizedText(id: "n = {n}, tanpa kurung tutup {n").filled(in: context).id == "n = 7, tanpa kurung tutup {n"
        )
        #expect(
            LocalizedText(id: "{tidak_ada(1)} dan {today()}").filled(in: context).id == "{tidak_ada(1)} dan 2025-05-02")
        #expect(LocalizedText(id: "tanpa tempat").filled(in: context) == LocalizedText(id: "tanpa tempat"))
    }

    @Test func checkReportsAPlaceholderNamingAnUnknownFieldAndLeavesPatternsAlone() throws {
        func form(_ message: String) throws -> FormDefinition {
            FormDefinition(
                id: "f", version: "1", title: LocalizedText(id: "F"),
                items: [
                    .field(
                        FieldDefinition(
                            id: "total", type: .money, label: LocalizedText(id: "Total"),
                            constraints: [
                                FieldConstraint(
                                    test: try Expression(". > 0"), message: LocalizedText(id: message), line: 7)
                            ]))
                ], choiceLists: [:], file: "f.xml")
        }
        let misspelt = DefinitionChecker(forms: [try form("Total {rupiah(totl)}")], workflows: [])
            .check(form: try form("Total {rupiah(totl)}"))
        #expect(misspelt.count == 1 && misspelt.first?.message.contains("kolom 'totl' yang tidak ada") == true)
        let fine = try form("Total {rupiah(.)} dari [0-9]{6,20}")
        #expect(DefinitionChecker(forms: [fine], workflows: []).check(form: fine).isEmpty)
    }
}
