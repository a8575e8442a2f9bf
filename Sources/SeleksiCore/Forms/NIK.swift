/// Nomor Induk Kependudukan: 16 digits — province (2), regency (2), district (2), birth date as DDMMYY
/// with 40 added to the day for women, then a 4-digit serial.
public enum NIK {
    /// The birth-date part, or nil when the 16 digits cannot be a NIK (no such day or month).
    public static func birthParts(_ nik: String) -> (day: Int, month: Int, yy: Int, female: Bool)? {
        let digits = Array(nik)
        guard digits.count == 16, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        func number(_ from: Int, _ count: Int) -> Int { Int(String(digits[from..<from + count]))! }
        var day = number(6, 2)
        let month = number(8, 2), yy = number(10, 2)
        let female = day > 40
        if female { day -= 40 }
        guard (1...31).contains(day), (1...12).contains(month), day <= CivilDate.daysIn(month: month, year: 2000 + yy) || (month == 2 && day == 29),
              number(0, 2) >= 11, number(12, 4) > 0 else { return nil }
        return (day, month, yy, female)
    }

    /// Why a string is not a plausible NIK, in Indonesian; nil when it is plausible.
    public static func problem(_ text: String) -> String? {
        guard text.count == 16, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "NIK harus 16 angka (tertulis \(text.count) karakter)"
        }
        guard birthParts(text) != nil else {
            return "NIK tidak wajar: kode wilayah, tanggal lahir (digit 7–12, DDMMYY; perempuan DD+40) atau nomor urut tidak mungkin"
        }
        return nil
    }
}
