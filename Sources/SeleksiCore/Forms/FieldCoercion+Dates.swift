/// Dates are written one way only, `TTTT-BB-HH` (ISO 8601, e.g. 1990-07-31).
///
/// CHOICE: a date typed day first (`31-07-1990`, `31/07/1990`) is refused with the ISO form spelled
/// out, not converted: the same text is month first in other conventions, and a birth date misread
/// silently would contradict the NIK or shift an age across the 21–60 limit.
extension FieldCoercion {
    /// Earliest year accepted in a date answer; the latest is 100 years after today.
    public static let earliestYear = 1900

    static func date(_ raw: Value, text: String, today: CivilDate) -> Result<Value, LocalizedText> {
        if case .date(let d) = raw { return inRange(d, today: today) }
        guard case .string = raw else { return notADate(text) }
        guard isISODateShape(text) else {
            if let parts = dayFirstParts(text) {
                let iso = CivilDate(year: parts.year, month: parts.month, day: parts.day)?.iso
                let id = iso.map { "yaitu \($0)" } ?? "mis. 1990-07-31"
                let en = iso.map { "that is \($0)" } ?? "e.g. 1990-07-31"
                return fail(
                    "'\(text)' ditulis hari lebih dahulu; tulis TTTT-BB-HH, \(id)",
                    "'\(text)' is written day first; write YYYY-MM-DD, \(en)")
            }
            return notADate(text)
        }
        guard let d = CivilDate(iso: text) else {
            return fail(
                "'\(text)': tanggal itu tidak ada di kalender (bulan 01–12, hari sesuai bulannya)",
                "'\(text)': no such day in the calendar (month 01–12, day within the month)")
        }
        return inRange(d, today: today)
    }

    private static func notADate(_ text: String) -> Result<Value, LocalizedText> {
        fail(
            "'\(text)' bukan tanggal; tulis TTTT-BB-HH, mis. 1990-07-31",
            "'\(text)' is not a date; write YYYY-MM-DD, e.g. 1990-07-31")
    }

    private static func inRange(_ d: CivilDate, today: CivilDate) -> Result<Value, LocalizedText> {
        let latest = today.adding(months: 1200)
        guard d.year >= earliestYear, d <= latest else {
            return fail(
                "tahun \(d.year) di luar rentang yang wajar (\(earliestYear) s.d. \(latest.year))",
                "the year \(d.year) is outside the sensible range (\(earliestYear) to \(latest.year))")
        }
        return .success(.date(d))
    }

    /// Exactly four digits, a hyphen, two digits, a hyphen, two digits: no sign, no spaces.
    static func isISODateShape(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count == 10 else { return false }
        return chars.indices.allSatisfy { i in i == 4 || i == 7 ? chars[i] == "-" : chars[i].isASCIIDigit }
    }

    /// The numbers of `31-07-1990`, `31/07/1990` or `31.07.1990` (day, month, four-digit year).
    static func dayFirstParts(_ text: String) -> (day: Int, month: Int, year: Int)? {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "." }
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return (day, month, year)
    }
}
