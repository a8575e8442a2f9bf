/// A calendar date with no time and no zone, as forms and decrees write it ("1 Juli 2019").
///
/// Stored as its day number since 1970-01-01 so that comparison and day arithmetic are integer
/// operations; conversions use Howard Hinnant's civil-from-days algorithms (proleptic Gregorian).
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Returns nil when the day does not exist in that month (30 February, 31 April).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD` exactly (ISO 8601 calendar date).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

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
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public var description: String { iso }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// Adds calendar months; a day past the new month's end is clamped (31 Jan + 1 month = 28/29 Feb).
    public func adding(months: Int) -> CivilDate {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let y = Int((Double(total) / 12).rounded(.down))
        let m = total - y * 12 + 1
        let d = min(c.day, CivilDate.daysIn(month: m, year: y))
        return CivilDate(year: y, month: m, day: d)!
    }

    /// Whole years from `self` to `later`, as an age is counted: the birthday must have been reached.
    public func wholeYears(to later: CivilDate) -> Int {
        let a = components, b = later.components
        var years = b.year - a.year
        if (b.month, b.day) < (a.month, a.day) { years -= 1 }
        return years
    }

    /// Whole calendar months from `self` to `later`.
    public func wholeMonths(to later: CivilDate) -> Int {
        let a = components, b = later.components
        var months = (b.year - a.year) * 12 + (b.month - a.month)
        if b.day < a.day { months -= 1 }
        return months
    }

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
