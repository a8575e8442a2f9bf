/// Which days are working days: Monday to Friday, except the days a reference table lists (national
/// holidays and collective leave). Built by the shell from a seed table; the core never names one.
///
/// The calendar knows the years its table covers (the first to the last year it lists a day in) and
/// nothing beyond: asking about a day outside them is an error, never a guess, since next year's
/// holidays are decreed next year.
public struct WorkingCalendar: Sendable, Equatable {
    /// The table it was built from, for messages (`kalender/libur`).
    public let table: String
    /// Non-working weekdays by day number, with their names.
    public let holidays: [Int: String]
    /// The years the table covers.
    public let years: ClosedRange<Int>

    /// Reads `rows` of a table with a date column (`YYYY-MM-DD`) and a name column. Nil when no row
    /// holds a date: such a table is no calendar.
    public init?(table: String, rows: [[String: String]], dateColumn: String = "tanggal", nameColumn: String = "nama") {
        var days: [Int: String] = [:]
        var first = Int.max
        var last = Int.min
        for row in rows {
            guard let d = row[dateColumn].flatMap(CivilDate.init(iso:)) else { continue }
            days[d.dayNumber] = row[nameColumn] ?? ""
            first = Swift.min(first, d.year)
            last = Swift.max(last, d.year)
        }
        guard first <= last else { return nil }
        self.init(table: table, holidays: days, years: first...last)
    }

    public init(table: String, holidays: [Int: String], years: ClosedRange<Int>) {
        self.table = table
        self.holidays = holidays
        self.years = years
    }

    /// Why a day is not a working day ("Sabtu", "Minggu", or the holiday's name), nil on a working day.
    public func reasonNotWorking(_ d: CivilDate) throws(CalendarError) -> String? {
        try requireCovered(d)
        switch d.weekday {
        case 6: return "Sabtu"
        case 0: return "Minggu"
        default: return holidays[d.dayNumber]
        }
    }

    public func isWorkingDay(_ d: CivilDate) throws(CalendarError) -> Bool { try reasonNotWorking(d) == nil }

    /// The `n`th working day after `d` (before it, for a negative `n`); `d` itself for 0.
    /// `add(d, n)` and `count(d, add(d, n))` agree: the count is `n`.
    public func adding(_ n: Int, to d: CivilDate) throws(CalendarError) -> CivilDate {
        var day = d
        var left = Swift.abs(n)
        let step = n < 0 ? -1 : 1
        while left > 0 {
            day = day.adding(days: step)
            if try isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days after `a` up to and including `b`; negative when `b` is before `a`.
    public func count(from a: CivilDate, to b: CivilDate) throws(CalendarError) -> Int {
        guard a != b else { return 0 }
        let (lo, hi, sign) = a < b ? (a, b, 1) : (b, a, -1)
        try requireCovered(lo)
        try requireCovered(hi)
        var n = 0
        var day = lo.adding(days: 1)
        while day <= hi {
            if try isWorkingDay(day) { n += 1 }
            day = day.adding(days: 1)
        }
        return sign * n
    }

    private func requireCovered(_ d: CivilDate) throws(CalendarError) {
        guard years.contains(d.year) else { throw CalendarError(date: d, table: table, years: years) }
    }
}

/// A day outside the years a working-day calendar covers.
public struct CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    public let date: CivilDate
    public let table: String
    public let years: ClosedRange<Int>

    public var description: String {
        "\(date.iso) is outside the working-day calendar '\(table)', which covers \(years.lowerBound)–\(years.upperBound); "
            + "add that year's holidays to the table"
    }

    /// The same in Indonesian.
    public var indonesian: String {
        "\(date.iso) di luar kalender hari kerja '\(table)', yang mencakup \(years.lowerBound)–\(years.upperBound); "
            + "tambahkan hari libur tahun itu ke tabelnya"
    }
}
