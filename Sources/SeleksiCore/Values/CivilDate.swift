/// A calendar date with no time and no zone, as forms and decrees write it ("1 Juli 2019").
///
/// Stored as its day number since 1970-01-01 so that comparison and day arithmetic are integer
/// operations; conversions use Howard Hinnant's civil-from-days algorithms (proleptic Gregorian).
///
/// Calendar convention (the one python-dateutil's `relativedelta` uses, checked against it by
/// `scripts/date_fixtures.py`): adding months or years keeps the day of the month and clamps it to
/// the new month's last day (2000-02-29 + 1 year = 2001-02-28; 1960-03-31 + 20 months = 1961-11-30);
/// the whole months from `a` to `b` are the most months that can be added to `a` without passing
/// `b`, and whole years are those months divided by 12, so that `age`, `years-between` and
/// `months-between` agree with `add-years` and `add-months` on every month end and on 29 February.
///
/// Text dates are `YYYY-MM-DD`, years 0001–9999. Arithmetic never traps: day numbers are kept
/// within ±2^40 (about three billion years); the evaluator refuses results outside 0001–9999.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let dayNumber: Int

    static let dayNumberLimit = 1 << 40
    static let yearLimit = 2_000_000_000

    public init(dayNumber: Int) {
        self.dayNumber = Swift.min(Swift.max(dayNumber, -CivilDate.dayNumberLimit), CivilDate.dayNumberLimit)
    }

    /// Returns nil when the day does not exist in that month (30 February, 31 April).
    public init?(year: Int, month: Int, day: Int) {
        guard year.magnitude <= CivilDate.yearLimit, (1...12).contains(month), day >= 1,
              day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.init(dayNumber: era * 146_097 + doe - 719_468)
    }

    /// Parses `YYYY-MM-DD` exactly: ASCII digits only, no signs or spaces, years 0001–9999.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for k in range {
                let d = b[k] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                n = n * 10 + Int(d)
            }
            return n
        }
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10), y >= 1 else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// 0001-01-01 and 9999-12-31: the dates that can be written as `YYYY-MM-DD`.
    public static let earliest = CivilDate(year: 1, month: 1, day: 1)!
    public static let latest = CivilDate(year: 9999, month: 12, day: 31)!

    public var isWritable: Bool { self >= CivilDate.earliest && self <= CivilDate.latest }

    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((dayNumber % 7) + 11) % 7 }

    public var iso: String {
        let c = components
        let year = c.year < 0 ? "-" + pad(-c.year, 4) : pad(c.year, 4)
        return "\(year)-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public var description: String { iso }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    public func adding(days: Int) -> CivilDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return CivilDate(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// Adds calendar months; a day past the new month's end is clamped (31 Jan + 1 month = 28/29 Feb).
    public func adding(months: Int) -> CivilDate {
        let c = components
        let limit = 12 * CivilDate.yearLimit
        let total = c.year * 12 + (c.month - 1) + Swift.min(Swift.max(months, -limit), limit)
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        let d = Swift.min(c.day, CivilDate.daysIn(month: m, year: y))
        return CivilDate(year: y, month: m, day: d) ?? CivilDate(dayNumber: total < 0 ? Int.min : Int.max)
    }

    /// Whole calendar months from `self` to `other` (negative when `other` is earlier), as
    /// `relativedelta(other, self)` counts them: from `self`, the most months one can add without
    /// passing `other`.
    public func wholeMonths(to other: CivilDate) -> Int {
        let a = components, b = other.components
        var months = (b.year - a.year) * 12 + (b.month - a.month)
        if other >= self {
            if adding(months: months) > other { months -= 1 }
        } else if adding(months: months) < other {
            months += 1
        }
        return months
    }

    /// Whole years from `self` to `other`, as an age is counted: the birthday must have been reached,
    /// and for someone born on 29 February it is reached on 28 February in a common year.
    public func wholeYears(to other: CivilDate) -> Int { wholeMonths(to: other) / 12 }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
