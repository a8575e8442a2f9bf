/// Nomor Induk Kependudukan: 16 digits — province (2), regency (2), district (2), birth date as DDMMYY
/// with 40 added to the day for women, then a 4-digit serial.
public enum NIK {
    /// The birth-date part, or nil when the 16 digits cannot be a NIK (no such day or month).
    /// 29 February passes only for a two-digit year divisible by 4, the only ones that can be leap
    /// years in either century (00 stands for 2000, a leap year, or 1900, which `birthDate` refuses).
    public static func birthParts(_ nik: String) -> (day: Int, month: Int, yy: Int, female: Bool)? {
        let digits = Array(nik.utf8)
        guard digits.count == 16, digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
        func number(_ from: Int, _ count: Int) -> Int {
            digits[from..<from + count].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        var day = number(6, 2)
        let month = number(8, 2), yy = number(10, 2)
        let female = day > 40
        if female { day -= 40 }
        let lastDay = month == 2 ? (yy % 4 == 0 ? 29 : 28) : CivilDate.daysIn(month: month, year: 2001)
        guard (1...12).contains(month), (1...lastDay).contains(day), number(0, 2) >= 11, number(12, 4) > 0 else {
            return nil
        }
        return (day, month, yy, female)
    }

    /// The birth date a NIK encodes, reading its two-digit year in the latest century that does not
    /// put the birth after `reference` (`…311219…` on 2019-07-01 is 1919-12-31, not 2019-12-31);
    /// nil when the NIK is implausible or that date does not exist (29 February 1900).
    public static func birthDate(_ nik: String, reference: CivilDate) -> CivilDate? {
        guard let p = birthParts(nik) else { return nil }
        let ref = reference.components
        var year = ref.year - (ref.year % 100 + 100) % 100 + p.yy
        if (year, p.month, p.day) > (ref.year, ref.month, ref.day) { year -= 100 }
        return CivilDate(year: year, month: p.month, day: p.day)
    }

    /// The sex a NIK encodes, as forms write `jenis_kelamin`: "L" (laki-laki) or "P" (perempuan,
    /// whose day of birth has 40 added); nil when the NIK is implausible.
    public static func sex(_ nik: String) -> String? {
        birthParts(nik).map { $0.female ? "P" : "L" }
    }

    /// Why a string is not a plausible NIK, in Indonesian; nil when it is plausible.
    public static func problem(_ text: String) -> String? {
        guard text.count == 16, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "NIK harus 16 angka (tertulis \(text.count) karakter)"
        }
        guard birthParts(text) != nil else {
            return "NIK tidak wajar: kode wilayah, tanggal lahir (digit 7–12, DDMMYY; perempuan DD+40) "
                + "atau nomor urut tidak mungkin"
        }
        return nil
    }
}
