import Testing
@testable import SeleksiCore

@Suite("Instants and durations")
struct TimeAndDurationTests {
    @Test func timestampsReadAndWriteWIB() {
        let t = Timestamp(iso: "2019-07-01T09:00")!
        #expect(t.iso == "2019-07-01T09:00:00+07:00")
        #expect(Timestamp(iso: "2019-07-01T02:00:00Z") == t)
        #expect(Timestamp(iso: "2019-07-01T11:30:00+09:30") == t)
        #expect(Timestamp(iso: "2019-07-01 09:00:00") == t)
        #expect(t.date.iso == "2019-07-01")
        #expect(Timestamp(iso: "2019-07-01T25:00") == nil)
    }

    @Test(arguments: ["2019-07-01T+9:00", "2019-07-01T09:+0", "2019-07-01T09:00:+1", "2019-07-01T09:00+-7:00",
                      "2019-07-01T09:00+07:+0", "2019-07-01T09:00+15:00", "2019-07-01T09:00Zx", "2019-07-01T09:60",
                      "2019-07-01T9:00", "2019-07-01X09:00", "+019-07-01T09:00", "2019-07-01T09:00:00.5"])
    func malformedInstantsAreRefused(_ text: String) {
        #expect(Timestamp(iso: text) == nil)
    }

    @Test func instantsAtTheEndsOfInt64DoNotTrap() {
        for s in [Int64.max, Int64.min, Int64.max - 1, Int64.min + 1] {
            let t = Timestamp(seconds: s)
            _ = t.iso
            _ = t.date
            _ = ISODuration("P1Y")!.after(t)
            _ = ISODuration("PT1H")!.after(t)
        }
        #expect(Timestamp(seconds: .max).adding(seconds: 1).seconds == .max)
        #expect(Timestamp(seconds: .min).adding(seconds: -1).seconds == .min)
        #expect(Timestamp(startOf: CivilDate(dayNumber: .max)).seconds > 0)
    }

    @Test func durationsAddCalendarUnits() {
        let start = Timestamp(iso: "2019-01-31T10:00")!
        #expect(ISODuration("P1M")!.after(start).iso == "2019-02-28T10:00:00+07:00")
        #expect(ISODuration("P14D")!.after(start).iso == "2019-02-14T10:00:00+07:00")
        #expect(ISODuration("PT48H")!.after(start).iso == "2019-02-02T10:00:00+07:00")
        #expect(ISODuration("P1Y2M3DT4H5M6S")!.after(start).iso == "2020-04-03T14:05:06+07:00")
        #expect(ISODuration("P2W")!.days == 14)
        #expect(ISODuration("P") == nil)
        #expect(ISODuration("14D") == nil)
    }

    @Test(arguments: ["PT9999999999999999H", "P99999999999999999999Y", "P10001Y", "P120001M", "P3652426D", "P521776W",
                      "PT87660001H", "P9223372036854775807D", "PT9223372036854775807S"])
    func overlongDurationsAreParseErrorsWithAMessage(_ text: String) throws {
        guard case .failure(let message) = ISODuration.parse(text) else { Issue.record("accepted \(text)"); return }
        #expect(message.text(.en).contains("10,000 years"))
        #expect(message.id.contains(text))
    }

    @Test(arguments: ["P1D1D", "P1D1M", "PT1M1H", "P1H", "PT1D", "P1DT", "PT", "P-1D", "P+1D", "P1.5D", "P1d", "PT1h",
                      "P1",
                      "PD", "P1DT1H1", "PTT1H", "P1D ", " P1D"])
    func malformedDurationsAreRefused(_ text: String) {
        #expect(ISODuration(text) == nil)
        guard case .failure(let m) = ISODuration.parse(text) else { return }
        #expect(m.id.hasPrefix("durasi '\(text)' tidak sah"))
    }

    @Test func theLongestDurationStillAddsWithoutOverflow() {
        let d = ISODuration("P10000Y")!
        #expect(d.after(Timestamp(iso: "2019-07-01")!).date.iso == "12019-07-01")
        #expect(ISODuration("P1Y12M3652425DT87658200H")?.after(Timestamp(seconds: 0)) != nil)
    }
}
