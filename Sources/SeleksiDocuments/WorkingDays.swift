import SeleksiCore

/// Which days an office signs on: Monday to Friday, except the national holidays and cuti bersama of
/// the reference table `kalender/libur` (seed/kalender/libur.csv: tanggal, nama, jenis).
public struct WorkingDays: Sendable {
    public static let table = "kalender/libur"
    let holidays: [CivilDate: String]

    public init(reference: ReferenceTables) {
        var days: [CivilDate: String] = [:]
        for row in reference.tables[Self.table] ?? [] {
            if let d = row["tanggal"].flatMap(CivilDate.init(iso:)) { days[d] = row["nama"] ?? "hari libur" }
        }
        holidays = days
    }

    /// Nil on a working day; otherwise why not ("hari Minggu", "Hari Raya Natal").
    public func reasonNotWorking(_ d: CivilDate) -> String? {
        if d.weekday == 0 || d.weekday == 6 { return "hari \(IndonesianFormat.dayName(d))" }
        return holidays[d]
    }

    /// The first working day on or after `d`.
    public func onOrAfter(_ d: CivilDate) -> CivilDate {
        var day = d
        while reasonNotWorking(day) != nil { day = day.adding(days: 1) }
        return day
    }
}
