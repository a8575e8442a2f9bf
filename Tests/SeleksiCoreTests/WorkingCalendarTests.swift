import Testing

@testable import SeleksiCore

/// Working days as an Indonesian office counts them: Monday to Friday, less national holidays and cuti bersama.
@Suite("Working days from a holiday table")
struct WorkingCalendarTests {
    /// Idul Fitri 2024: 10–11 April national holidays, 8, 9, 12 and 15 April cuti bersama (SKB 3 Menteri 2024).
    let calendar = WorkingCalendar(
        table: "kalender/libur",
        rows: [
            ["tanggal": "2024-01-01", "nama": "Tahun Baru Masehi"],
            ["tanggal": "2024-04-08", "nama": "Cuti Bersama Idul Fitri"],
            ["tanggal": "2024-04-09", "nama": "Cuti Bersama Idul Fitri"],
            ["tanggal": "2024-04-10", "nama": "Idul Fitri"], ["tanggal": "2024-04-11", "nama": "Idul Fitri"],
            ["tanggal": "2024-04-12", "nama": "Cuti Bersama Idul Fitri"],
            ["tanggal": "2024-04-15", "nama": "Cuti Bersama Idul Fitri"],
            ["tanggal": "2025-12-25", "nama": "Natal"],
        ])!

    func eval(_ source: String, calendar: WorkingCalendar? = nil) throws -> Value {
        let reference = ReferenceTables([:], calendar: calendar ?? self.calendar)
        return try Evaluator.evaluate(
            try Expression(source),
            in: EvaluationContext(
                scopes: [[:]], today: CivilDate(iso: "2024-04-01")!,
                reference: reference))
    }

    @Test func sevenWorkingDaysAfterANoticeOnFridayBeforeLebaranEndOnTheTwentyFirstOfApril() throws {
        // Friday 5 April: the next working days are 16, 17, 18, 19, 22, 23, 24 April.
        #expect(try eval("add-working-days('2024-04-05', 7)") == .date(CivilDate(iso: "2024-04-24")!))
        #expect(try eval("working-days-between('2024-04-05', '2024-04-24')") == .number(7))
        #expect(try eval("is-working-day('2024-04-12')") == .bool(false))
        #expect(try eval("is-working-day('2024-04-16')") == .bool(true))
        #expect(try eval("is-working-day('2024-04-13')") == .bool(false))  // a Saturday
    }

    @Test func countingBackAndZeroAgreeWithAdding() throws {
        #expect(try eval("add-working-days('2024-04-16', -1)") == .date(CivilDate(iso: "2024-04-05")!))
        #expect(try eval("add-working-days('2024-04-06', 0)") == .date(CivilDate(iso: "2024-04-06")!))
        #expect(try eval("working-days-between('2024-04-24', '2024-04-05')") == .number(-7))
        for n in [1, 5, 20, 60] {
            #expect(
                try eval("working-days-between('2024-03-28', add-working-days('2024-03-28', \(n)))")
                    == .number(Double(n)))
        }
    }

    @Test func aDatePastTheCalendarsLastYearIsAnErrorNotAGuess() throws {
        #expect(calendar.years == 2024...2025)
        do {
            _ = try eval("add-working-days('2025-12-24', 10)")
            Issue.record("a deadline in 2026 was computed from a calendar that ends in 2025")
        } catch let e as ExpressionError {
            #expect(e.text(.en).contains("outside the working-day calendar 'kalender/libur', which covers 2024–2025"))
            #expect(e.text(.id).contains("di luar kalender hari kerja"))
        }
        #expect(throws: ExpressionError.self) { try eval("is-working-day('2023-12-29')") }
    }

    @Test func withoutACalendarTheFunctionsSaySo() throws {
        let context = EvaluationContext(scopes: [[:]], today: CivilDate(iso: "2024-04-01")!)
        #expect(throws: ExpressionError.self) {
            try Evaluator.evaluate(try Expression("add-working-days(today(), 1)"), in: context)
        }
        #expect(WorkingCalendar(table: "x", rows: [["nama": "tanpa tanggal"]]) == nil)
    }

    @Test func aNullDateGivesNull() throws {
        #expect(try eval("add-working-days(null, 3)") == .null)
    }
}
