import Testing

@testable import SeleksiCore

/// Rules over a selected set, as the decree of a committee states them: an odd number of members, at least
/// two thirds women, at least half from one group, the chair from a given group.
@Suite("Lists and sets: filter, all, any, map, count and sum with a predicate")
struct ListPredicateTests {
    let today = CivilDate(iso: "2025-03-01")!

    func member(_ name: String, _ sex: String, _ group: String, chair: Bool = false) -> Value {
        .record(["nama": .string(name), "jenis_kelamin": .string(sex), "unsur": .string(group), "ketua": .bool(chair)])
    }

    var committee: Value {
        .list([
            member("Ani", "P", "dosen", chair: true), member("Budi", "L", "mahasiswa"),
            member("Cici", "P", "mahasiswa"),
            member("Dewi", "P", "tendik"), member("Eka", "P", "mahasiswa"),
        ])
    }

    func eval(_ source: String, _ scope: [String: Value] = [:]) throws -> Value {
        try Evaluator.evaluate(try Expression(source), in: EvaluationContext(scopes: [scope], today: today))
    }

    @Test func aCommitteeOfFiveWithFourWomenMeetsTheDecreesRules() throws {
        let s = ["anggota": committee]
        #expect(try eval("count(anggota) % 2 = 1", s) == .bool(true))
        #expect(try eval("count(anggota, item.jenis_kelamin = 'P') * 3 >= count(anggota) * 2", s) == .bool(true))
        #expect(try eval("count(anggota, item.unsur = 'mahasiswa') * 2 >= count(anggota)", s) == .bool(true))
        #expect(try eval("all(filter(anggota, item.ketua), item.unsur = 'dosen')", s) == .bool(true))
        #expect(try eval("count(anggota, item.ketua) = 1", s) == .bool(true))
        #expect(try eval("any(anggota, item.unsur = 'alumni')", s) == .bool(false))
        #expect(
            try eval("map(filter(anggota, item.unsur = 'mahasiswa'), item.nama)", s)
                == .list([.string("Budi"), .string("Cici"), .string("Eka")]))
    }

    @Test func sumAddsWhatThePredicateComputesPerElement() throws {
        let rows: Value = .list([
            .record(["jp": .number(8), "hari": .number(2)]), .record(["jp": .number(4), "hari": .number(3)]),
        ])
        #expect(try eval("sum(sesi, item.jp * item.hari)", ["sesi": rows]) == .number(28))
        #expect(try eval("sum(sesi.jp)", ["sesi": rows]) == .number(12))  // one argument: as before
    }

    @Test func theElementIsAlsoDotAndOuterNamesKeepTheirMeaning() throws {
        let s: [String: Value] = ["skor": .list([.number(70), .number(55), .number(90)]), "batas": .number(60)]
        #expect(try eval("count(skor, . >= batas)", s) == .number(2))
        #expect(try eval("filter(skor, item > batas)", s) == .list([.number(70), .number(90)]))
    }

    @Test func emptyListsAndNullsFollowTheUsualReadings() throws {
        #expect(try eval("all(x, item > 1)", ["x": .list([])]) == .bool(true))
        #expect(try eval("any(x, item > 1)", ["x": .list([])]) == .bool(false))
        #expect(try eval("count(x, item > 1)", [:]) == .number(0))  // a missing list has no elements
        #expect(try eval("count(x, true)", ["x": .list([.null, .number(1)])]) == .number(1))
    }

    @Test func nestedPredicatesBindTheirOwnItem() throws {
        let groups: Value = .list([
            .record(["anggota": .list([.string("a"), .string("b")])]), .record(["anggota": .list([.string("c")])]),
        ])
        #expect(try eval("count(kelompok, count(item.anggota, item != 'b') >= 1)", ["kelompok": groups]) == .number(2))
        #expect(try eval("all(kelompok, any(item.anggota, item = 'c'))", ["kelompok": groups]) == .bool(false))
    }

    @Test func setsCompareIdsWhateverTheirSpelling() throws {
        let s: [String: Value] = [
            "sk": .list([.string("3201010101900001"), .string("3201010101900002")]),
            "terpilih": .list([.number(3_201_010_101_900_002), .string("3201010101900001")]),
        ]
        #expect(try eval("same-set(sk, terpilih)", s) == .bool(true))
        #expect(try eval("subset(sk, terpilih)", s) == .bool(true))
        #expect(
            try eval("distinct(x)", ["x": .list([.string("a"), .string("b"), .string("a")])])
                == .list([.string("a"), .string("b")]))
        #expect(try eval("count(distinct(x)) = count(x)", ["x": .list([.string("a"), .string("a")])]) == .bool(false))
    }

    @Test func predicatePathsAreNotNamesOfTheScope() throws {
        let e = try Expression("count(forms.sk.anggota, item.jenis_kelamin = 'P' and vars.batas > 0)")
        #expect(e.paths.map { $0.path.joined(separator: ".") } == ["forms.sk.anggota", "vars.batas"])
        #expect(e.elementReads.count == 1)
        #expect(e.elementReads[0].paths.map { $0.path.joined(separator: ".") } == ["item.jenis_kelamin"])
    }

    @Test func childrenAreAListOfRecords() throws {
        let kids = [
            ChildView(
                id: 2, state: "lulus",
                scope: ["id": .number(2), "state": .string("lulus"), "vars": .record(["nik": .string("1")])]),
            ChildView(
                id: 3, state: "gagal",
                scope: ["id": .number(3), "state": .string("gagal"), "vars": .record(["nik": .string("2")])]),
        ]
        let context = EvaluationContext(scopes: [["sk": .list([.string("1")])]], today: today, children: kids)
        #expect(
            try Evaluator.evaluate(try Expression("same-set(sk, map(children('lulus'), item.vars.nik))"), in: context)
                == .bool(true))
        #expect(
            try Evaluator.evaluate(try Expression("count(children(), item.state != 'lulus')"), in: context)
                == .number(1))
        #expect(try Expression("children('lulus')").readsChildren)
    }

    @Test func actorsExistAsksTheDirectoryTheShellGave() throws {
        let context = EvaluationContext(
            scopes: [["ids": .list([.string("a1"), .string("a2")])]], today: today, actors: ["a1", "a2"])
        #expect(try Evaluator.evaluate(try Expression("actors-exist(ids)"), in: context) == .bool(true))
        var missing = context
        missing.actors = ["a1"]
        #expect(try Evaluator.evaluate(try Expression("actors-exist(ids)"), in: missing) == .bool(false))
        #expect(throws: ExpressionError.self) {
            try Evaluator.evaluate(
                try Expression("actors-exist(ids)"), in: EvaluationContext(scopes: [[:]], today: today))
        }
    }

    @Test func aPredicateOverAHugeListStaysWithinTheBudget() throws {
        let big: Value = .list(Array(repeating: .number(1), count: 150_000))
        #expect(throws: ExpressionError.self) { try eval("count(x, item = 1 and item = 1)", ["x": big]) }
    }
}

/// A constraint on a computed field used to be silently never evaluated.
@Suite("Constraints on calculated fields")
struct CalculatedConstraintTests {
    func form() throws -> FormDefinition {
        let sex = FieldDefinition(
            id: "jenis_kelamin", type: .text, label: LocalizedText(id: "Jenis kelamin"), required: true)
        let rows = RepeatGroup(
            id: "anggota", label: LocalizedText(id: "Anggota"), minRows: 1, maxRows: nil, fields: [sex],
            relevant: nil, line: 3)
        let calculated = FieldDefinition(
            id: "jumlah", type: .integer, label: LocalizedText(id: "Jumlah"),
            constraints: [
                FieldConstraint(
                    test: try Expression(". % 2 = 1"),
                    message: LocalizedText(id: "Jumlah anggota harus ganjil", en: "odd"),
                    line: 5),
                FieldConstraint(
                    test: try Expression("count(anggota, item.jenis_kelamin = 'P') * 3 >= . * 2"),
                    message: LocalizedText(id: "Paling sedikit dua pertiga perempuan"), line: 6),
            ],
            calculate: try Expression("count(anggota)"), line: 4)
        return FormDefinition(
            id: "sk", version: "1", title: LocalizedText(id: "SK"), items: [.repeatGroup(rows), .field(calculated)],
            choiceLists: [:], file: "sk.xml")
    }

    func rows(_ sexes: String...) -> [String: Value] {
        ["anggota": .list(sexes.map { .record(["jenis_kelamin": .string($0)]) })]
    }

    @Test func anEvenCommitteeIsRefusedWithTheConstraintsMessage() throws {
        let outcome = FormValidator(try form()).validate(rows("P", "P", "L", "P"), today: CivilDate(iso: "2025-01-01")!)
        #expect(outcome.violations.map(\.path) == ["jumlah"])
        #expect(outcome.violations.first?.message.id == "Jumlah anggota harus ganjil")
    }

    @Test func tooFewWomenIsRefusedAndAGoodCommitteePasses() throws {
        let validator = FormValidator(try form())
        let few = validator.validate(rows("P", "L", "L"), today: CivilDate(iso: "2025-01-01")!)
        #expect(few.violations.map(\.message.id) == ["Paling sedikit dua pertiga perempuan"])
        let good = validator.validate(rows("P", "P", "L"), today: CivilDate(iso: "2025-01-01")!)
        #expect(good.isValid)
        #expect(good.data["jumlah"] == .number(3))
    }
}
