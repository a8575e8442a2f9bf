import Testing

@testable import SeleksiCore

@Suite("Reading one answer into its type")
struct FieldCoercionTests {
    let today = CivilDate(iso: "2019-06-11")!

    func read(_ raw: Value, _ type: FieldType, choices: ChoiceList? = nil) -> Result<Value, LocalizedText> {
        FieldCoercion.coerce(
            raw, as: FieldDefinition(id: "x", type: type, label: LocalizedText(id: "X")), choices: choices,
            today: today, resolveAttachment: nil)
    }

    func message(_ raw: Value, _ type: FieldType, choices: ChoiceList? = nil) -> String? {
        if case .failure(let m) = read(raw, type, choices: choices) { return m.id }
        return nil
    }

    let jenjang = ChoiceList(
        id: "jenjang",
        choices: [
            .init(value: "SMA", label: LocalizedText(id: "SMA/sederajat")),
            .init(value: "S1", label: LocalizedText(id: "Sarjana (S1)", en: "Bachelor")),
            .init(value: "paud", label: LocalizedText(id: "Pendidik PAUD")),
        ])

    @Test func aChoiceIsGivenByItsCodeOrLabelInAnyCaseAndStoredByItsCode() throws {
        #expect(try read(.string("S1"), .choice, choices: jenjang).get() == .string("S1"))
        #expect(try read(.string("s1"), .choice, choices: jenjang).get() == .string("S1"))
        #expect(try read(.string("  sarjana   (s1) "), .choice, choices: jenjang).get() == .string("S1"))
        #expect(try read(.string("bachelor"), .choice, choices: jenjang).get() == .string("S1"))
        #expect(try read(.string("PENDIDIK PAUD"), .choice, choices: jenjang).get() == .string("paud"))
        #expect(message(.string("S4"), .choice, choices: jenjang)?.contains("bukan pilihan yang sah") == true)
        #expect(message(.string("S4"), .choice, choices: jenjang)?.contains("S1 (Sarjana (S1))") == true)
    }

    @Test func aLabelNamingTwoChoicesIsRefusedAsAmbiguous() throws {
        let list = ChoiceList(
            id: "c",
            choices: [
                .init(value: "a", label: LocalizedText(id: "Sama")),
                .init(value: "b", label: LocalizedText(id: "sama")),
            ])
        #expect(
            message(.string("SAMA"), .choice, choices: list)?.contains("cocok dengan beberapa pilihan (a, b)") == true)
    }

    @Test func aMultipleChoiceTakesCommaSeparatedCodesOrLabelsAndDropsRepeats() throws {
        #expect(
            try read(.string("Pendidik PAUD, s1, paud"), .multipleChoice, choices: jenjang).get()
                == .list([.string("paud"), .string("S1")]))
        #expect(
            try read(.list([.string("sma/sederajat")]), .multipleChoice, choices: jenjang).get()
                == .list([.string("SMA")]))
        #expect(message(.string("S1, D9"), .multipleChoice, choices: jenjang)?.hasPrefix("'D9' bukan pilihan") == true)
    }

    @Test func datesAreISOOnlyAndADayFirstDateIsToldItsISOForm() throws {
        #expect(try read(.string("1990-07-31"), .date).get() == .date(CivilDate(iso: "1990-07-31")!))
        #expect(
            message(.string("31-07-1990"), .date)
                == "'31-07-1990' ditulis hari lebih dahulu; tulis TTTT-BB-HH, yaitu 1990-07-31")
        #expect(message(.string("31/07/1990"), .date)?.hasSuffix("yaitu 1990-07-31") == true)
        #expect(message(.string("31/02/1990"), .date)?.hasSuffix("mis. 1990-07-31") == true)
        #expect(message(.string("1990-02-30"), .date)?.contains("tidak ada di kalender") == true)
    }

    @Test func signedDatesAndYearsOutsideTheSensibleRangeAreRefused() throws {
        for text in ["+123-01-01", "1990-+7-31", "1990-07-+1", "-990-07-31", " 1990-07-31x"] {
            #expect(message(.string(text), .date)?.contains("bukan tanggal") == true, "\(text)")
        }
        #expect(message(.string("1899-12-31"), .date) == "tahun 1899 di luar rentang yang wajar (1900 s.d. 2119)")
        #expect(message(.string("2119-06-12"), .date)?.hasPrefix("tahun 2119 di luar rentang") == true)
        #expect(try read(.string("2119-06-11"), .date).get() == .date(CivilDate(iso: "2119-06-11")!))
        #expect(try read(.string("1900-01-01"), .date).get() == .date(CivilDate(iso: "1900-01-01")!))
    }

    @Test func wholeNumbersBeyondTheExactRangeOrWrittenAsFloatsAreRefused() throws {
        #expect(try read(.string("2012"), .integer).get() == .number(2012))
        #expect(try read(.number(12), .integer).get() == .number(12))
        #expect(try read(.string("9007199254740991"), .integer).get() == .number(9_007_199_254_740_991))
        #expect(message(.string("9007199254740992"), .integer)?.hasPrefix("angka terlalu besar") == true)
        #expect(message(.string("99999999999999999999999"), .integer)?.hasPrefix("angka terlalu besar") == true)
        #expect(message(.number(1e300), .integer)?.hasPrefix("angka terlalu besar") == true)
        #expect(message(.number(.infinity), .integer)?.contains("bukan bilangan bulat") == true)
        #expect(message(.number(.nan), .integer)?.contains("bukan bilangan bulat") == true)
        #expect(
            message(.string("1e300"), .integer)
                == "'1e300' bukan bilangan bulat; tulis angka tanpa titik atau koma, mis. 12")
        #expect(message(.string("12.5"), .integer)?.contains("bukan bilangan bulat") == true)
        #expect(message(.bool(true), .integer)?.contains("bukan bilangan bulat") == true)
    }

    @Test func decimalsTakeACommaOrPointButNoExponentInfinityOrNaN() throws {
        #expect(try read(.string("3,45"), .decimal).get() == .number(3.45))
        #expect(try read(.string("-0.5"), .decimal).get() == .number(-0.5))
        for text in ["1e300", "inf", "nan", "0x1p3", "3,4,5", "3.", ",5", "Infinity"] {
            #expect(message(.string(text), .decimal)?.contains("bukan angka") == true, "\(text)")
        }
        #expect(message(.number(1e300), .decimal)?.hasPrefix("angka terlalu besar") == true)
        #expect(message(.number(-.infinity), .decimal)?.hasPrefix("angka terlalu besar") == true)
        #expect(message(.string("12345678901234567890"), .decimal)?.hasPrefix("angka terlalu besar") == true)
    }

    @Test func rupiahAmountsAreWholeNotNegativeAndInRange() throws {
        #expect(try read(.string("Rp1.500.000"), .money).get() == .number(1_500_000))
        #expect(try read(.string("1.500.000,00"), .money).get() == .number(1_500_000))
        #expect(message(.number(-1), .money)?.contains("tidak negatif") == true)
        #expect(message(.number(1e300), .money)?.hasPrefix("angka terlalu besar") == true)
        #expect(message(.string("Rp99.999.999.999.999.999.999"), .money)?.hasPrefix("angka terlalu besar") == true)
        #expect(message(.string("-5"), .money)?.contains("bukan nilai rupiah") == true)
    }

    @Test func textIsCappedAt4000Characters() throws {
        #expect(
            try read(.string(String(repeating: "a", count: 4000)), .text).get()
                == .string(String(repeating: "a", count: 4000)))
        #expect(
            message(.string(String(repeating: "a", count: 4001)), .text)
                == "teks terlalu panjang (4001 karakter; paling banyak 4000)")
    }
}
