import Testing
@testable import SeleksiCore

@Suite("NIK: birth date, century and sex")
struct NIKTests {
    let today = CivilDate(iso: "2019-07-01")!

    func eval(_ source: String) throws -> Value {
        try Evaluator.evaluate(try Expression(source), in: EvaluationContext(scopes: [[:]], today: today))
    }

    @Test func february29IsAcceptedOnlyInLeapYears() {
        #expect(NIK.birthParts("3201012902010001") == nil)  // 2001 and 1901 are common years
        #expect(NIK.problem("3201012902010001") != nil)
        #expect(NIK.birthParts("3201016902010001") == nil)  // the same for a woman (29 + 40)
        #expect(NIK.birthDate("3201012902040001", reference: today)?.iso == "2004-02-29")
        #expect(NIK.birthDate("3201012902000001", reference: today)?.iso == "2000-02-29")
        // 00 read as 1900 (the reference is before 29 February 2000): no such day.
        #expect(NIK.birthDate("3201012902000001", reference: CivilDate(iso: "2000-01-15")!) == nil)
        #expect(NIK.birthDate("3201012802010001", reference: today)?.iso == "2001-02-28")
    }

    @Test func theCenturyKeepsTheBirthOutOfTheFuture() {
        #expect(NIK.birthDate("3273013112190001", reference: today)?.iso == "1919-12-31")
        #expect(NIK.birthDate("3273013006190001", reference: today)?.iso == "2019-06-30")
        #expect(NIK.birthDate("3273010107190001", reference: today)?.iso == "2019-07-01")  // born on the day
        #expect(NIK.birthDate("3273010207190001", reference: today)?.iso == "1919-07-02")
        #expect(NIK.birthDate("3273017107900001", reference: today)?.iso == "1990-07-31")
    }

    @Test func sexIsReadFromTheDay() throws {
        #expect(NIK.sex("3273017107900001") == "P")
        #expect(NIK.sex("3273013107900001") == "L")
        #expect(NIK.sex("12345") == nil)
        #expect(try eval("nik-sex('3273017107900001')") == .string("P"))
        #expect(try eval("nik-sex('3273013107900001')") == .string("L"))
        #expect(try eval("nik-sex('3273019907900001')") == .null)
        #expect(try eval("nik-sex(null)") == .null)
    }

    @Test func functionsTakeAReferenceDateOrToday() throws {
        #expect(try eval("nik-birth-date('3273013112190001')") == .date(CivilDate(iso: "1919-12-31")!))
        #expect(try eval("nik-birth-date('3273013112190001', '2020-01-01')") == .date(CivilDate(iso: "2019-12-31")!))
        #expect(try eval("nik-matches-birth-date('3273013112190001', '1919-12-31')") == .bool(true))
        #expect(try eval("nik-matches-birth-date('3273013112190001', '2019-12-31')") == .bool(false))
        #expect(try eval("nik-matches-birth-date('3273013112190001', '2019-12-31', '2020-01-01')") == .bool(true))
        #expect(try eval("nik-matches-birth-date('3201012902010001', '2001-03-01')") == .null)
        #expect(throws: ExpressionError.self) { try eval("nik-birth-date('3273013112190001', 'kemarin')") }
    }

    @Test func hostileTextIsNotANIK() {
        for text in ["３２７３０１７１０７９００００１", "+273017107900001", "-273017107900001",
                     "327301710790000١",
                     "32730171079000012", "", "0000000000000000", "3273017107900000", "3273013213900001"] {
            #expect(NIK.birthParts(text) == nil, "\(text)")
            #expect(NIK.problem(text) != nil, "\(text)")
        }
    }
}
