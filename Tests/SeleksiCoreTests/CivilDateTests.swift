import Testing
@testable import SeleksiCore

@Suite("Calendar dates and ages")
struct CivilDateTests {
    @Test func roundTripsEveryDayOfALeapCentury() {
        var d = CivilDate(year: 1999, month: 12, day: 1)!
        for _ in 0..<800 {
            let c = d.components
            #expect(CivilDate(year: c.year, month: c.month, day: c.day) == d)
            d = d.adding(days: 1)
        }
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2019, month: 2, day: 29) == nil)
        #expect(CivilDate(iso: "2019-04-31") == nil)
    }

    @Test(arguments: ["1990-+7-31", "+123-01-01", "+1990-07-31", "1990-07-+1", "1990-7-31", "1990-07-1", " 1990-07-31",
                      "1990-07-31 ", "0000-01-01", "-001-01-01", "1990-00-10", "1990-13-01", "1990-07-32", "1990/07/31",
                      "１９９０-07-31", "1990-07-3١", "19900731", "", "10000-01-01"])
    func onlyYYYYMMDDWithAsciiDigitsIsADate(_ text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func theWritableYearsAre0001To9999() {
        #expect(CivilDate(iso: "0001-01-01") == CivilDate.earliest)
        #expect(CivilDate(iso: "9999-12-31") == CivilDate.latest)
        #expect(CivilDate.earliest.iso == "0001-01-01" && CivilDate.latest.iso == "9999-12-31")
        #expect(!CivilDate.latest.adding(days: 1).isWritable && CivilDate.latest.adding(days: 1).iso == "10000-01-01")
        #expect(!CivilDate.earliest.adding(days: -1).isWritable)
    }

    @Test func arithmeticOnAnyNumberNeverTraps() {
        for n in [Int.max, Int.min, Int.max / 12, Int.min / 12 - 1, 1 << 62, -(1 << 62)] {
            let d = CivilDate.latest
            _ = d.adding(days: n).iso
            _ = d.adding(months: n).iso
            _ = CivilDate(dayNumber: n).components
            _ = CivilDate(dayNumber: n).wholeMonths(to: d)
            _ = CivilDate(dayNumber: n).weekday
        }
        #expect(CivilDate(year: Int.max, month: 1, day: 1) == nil)
        #expect(CivilDate(year: Int.min, month: 1, day: 1) == nil)
    }

    @Test func anApplicantAged20Years364DaysIsNot21() {
        let born = CivilDate(iso: "1998-07-02")!
        let reference = CivilDate(iso: "2019-07-01")!
        #expect(born.wholeYears(to: reference) == 20)
        #expect(born.wholeYears(to: reference.adding(days: 1)) == 21)
    }

    @Test func sixtyYearsAndADayIsStill60InWholeYears() {
        let born = CivilDate(iso: "1959-06-30")!
        #expect(born.wholeYears(to: CivilDate(iso: "2019-07-01")!) == 60)
    }

    @Test func monthArithmeticClampsToTheMonthsEnd() {
        #expect(CivilDate(iso: "2019-01-31")!.adding(months: 1).iso == "2019-02-28")
        #expect(CivilDate(iso: "2020-01-31")!.adding(months: 1).iso == "2020-02-29")
        #expect(CivilDate(iso: "2019-11-15")!.adding(months: 3).iso == "2020-02-15")
        #expect(CivilDate(iso: "2019-03-31")!.adding(months: -1).iso == "2019-02-28")
    }
}
