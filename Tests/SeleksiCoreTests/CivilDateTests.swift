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
    }

    @Test func timestampsReadAndWriteWIB() {
        let t = Timestamp(iso: "2019-07-01T09:00")!
        #expect(t.iso == "2019-07-01T09:00:00+07:00")
        #expect(Timestamp(iso: "2019-07-01T02:00:00Z") == t)
        #expect(t.date.iso == "2019-07-01")
        #expect(Timestamp(iso: "2019-07-01T25:00") == nil)
    }

    @Test func durationsAddCalendarUnits() {
        let start = Timestamp(iso: "2019-01-31T10:00")!
        #expect(ISODuration("P1M")!.after(start).iso == "2019-02-28T10:00:00+07:00")
        #expect(ISODuration("P14D")!.after(start).iso == "2019-02-14T10:00:00+07:00")
        #expect(ISODuration("PT48H")!.after(start).iso == "2019-02-02T10:00:00+07:00")
        #expect(ISODuration("P") == nil)
        #expect(ISODuration("14D") == nil)
    }
}
