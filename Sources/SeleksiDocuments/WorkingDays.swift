import SeleksiCore

/// Which days an office signs on: Monday to Friday, except the national holidays and cuti bersama of
/// the reference table `kalender/libur` (seed/kalender/libur.csv: tanggal, nama, jenis).
public struct WorkingDays: Sendable {
    public static let table = "kalender/libur"
    /// Holiday names by day number (`CivilDate.dayNumber`).
    let holidays: [Int: String]

    /// The engine's reference tables already carry that calendar, built once when they were read: it
    /// is used as it is (building it again for every document was a twentieth of a document's time).
    public init(reference: ReferenceTables) {
        let calendar = reference.calendar?.table == Self.table
            ? reference.calendar : WorkingCalendar(table: Self.table, rows: reference.tables[Self.table] ?? [])
        holidays = calendar?.holidays ?? [:]
    }

    /// Nil on a working day; otherwise why not ("hari Minggu", "Hari Raya Natal").
    public func reasonNotWorking(_ d: CivilDate) -> String? {
        if d.weekday == 0 || d.weekday == 6 { return "hari \(IndonesianFormat.dayName(d))" }
        return holidays[d.dayNumber].map { $0.isEmpty ? "hari libur" : $0 }
    }

    /// The first working day on or after `d`.
    public func onOrAfter(_ d: CivilDate) -> CivilDate {
        var day = d
        while reasonNotWorking(day) != nil { day = day.adding(days: 1) }
        return day
    }
}
