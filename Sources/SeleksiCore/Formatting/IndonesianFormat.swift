/// Amounts and dates as Indonesian official documents write them.
public enum IndonesianFormat {
    public static let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                                "Oktober", "November", "Desember"]
    public static let days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"]

    /// `Rp1.500.000`: dots between thousands, no space, no decimals (the seed's form).
    public static func rupiah(_ amount: Int64) -> String {
        "Rp" + grouped(amount)
    }

    /// `25.084.300.000`; `-5.000` (every `Int64`, `Int64.min` included).
    public static func grouped(_ n: Int64) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `1 Juli 2019`.
    public static func date(_ d: CivilDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    /// `Senin`.
    public static func dayName(_ d: CivilDate) -> String { days[d.weekday] }

    /// The opening of a berita acara or contract: "hari Senin tanggal satu bulan Juli tahun dua ribu sembilan belas".
    public static func dateInWords(_ d: CivilDate) -> String {
        let c = d.components
        return "hari \(dayName(d)) tanggal \(Terbilang.words(Int64(c.day))) bulan \(months[c.month - 1]) "
            + "tahun \(Terbilang.words(Int64(c.year)))"
    }
}
