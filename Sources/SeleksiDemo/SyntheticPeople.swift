import Foundation
import SeleksiCore

/// Invented people: names drawn from common Indonesian given names and family names, NIKs with a
/// plausible structure but random digits, phone numbers in the 0812-0000 range. None is a real person.
enum SyntheticPeople {
    static let given = ["Ahmad", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Kartika", "Lestari",
                        "Made", "Nur", "Oki", "Putri", "Rahmat", "Sari", "Taufik", "Utami", "Wahyu", "Yuni", "Zainal", "Ayu",
                        "Bayu", "Dian", "Fitri", "Hendra", "Intan", "Rina", "Siti", "Agus", "Wulan", "Rizki", "Nanda", "Yusuf"]
    static let family = ["Pratama", "Saputra", "Wijaya", "Lestari", "Hidayat", "Nugroho", "Rahayu", "Santoso", "Kurniawan",
                         "Permata", "Setiawan", "Handayani", "Siregar", "Nasution", "Harahap", "Syahputra", "Ramadhan", "Utomo",
                         "Susanti", "Firmansyah", "Maharani", "Gunawan", "Fauzi", "Anggraini"]

    static func name(_ rng: inout SplitMix64) -> String { "\(rng.pick(given)) \(rng.pick(family)) (fiktif)" }

    /// A NIK whose digits 7–12 carry `born` (day + 40 for women), with a random regency and serial.
    static func nik(born: CivilDate, female: Bool, province: Int, _ rng: inout SplitMix64) -> String {
        let day = born.day + (female ? 40 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let serial = rng.int(1...9999)
        return two(province) + two(rng.int(1...20)) + two(rng.int(1...30)) + two(day) + two(born.month) + two(born.year % 100)
            + String(repeating: "0", count: 4 - String(serial).count) + String(serial)
    }

    /// An 18-digit NIP shaped like a civil servant's: birth date (8), appointment year and month (6),
    /// sex (1), serial (3) — all invented.
    static func nip(_ rng: inout SplitMix64) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let born = rng.int(1965...1990), appointed = born + rng.int(23...30)
        return "\(born)\(two(rng.int(1...12)))\(two(rng.int(1...28)))\(appointed)\(two(rng.int(1...12)))\(rng.int(1...2))\(String(format: "%03d", rng.int(1...999)))"
    }

    static func phone(_ rng: inout SplitMix64) -> String { "0812" + String(rng.int(10_000_000...99_999_999)) }
}
