import Foundation
import SeleksiCore

/// Turns a document context into what Mustache renders. Every text leaf becomes a `UserText` (escaped
/// on output, never read as markup); numbers, dates and the spellings below are made here from digits
/// and words, and are safe by construction. Records gain, as sibling keys:
/// - a date `tanggal` (or ISO text): `tanggal_teks` ("1 Juli 2019"), `tanggal_hari` ("Senin"),
///   `tanggal_terbilang` ("hari Senin tanggal satu bulan Juli tahun dua ribu sembilan belas"),
///   `tanggal_tahun` ("2019"), `tanggal_teks_besar` ("1 JULI 2019"), and the parts `tanggal_tanggal_kata`
///   ("Satu"), `tanggal_bulan` ("Juli"), `tanggal_tahun_kata` ("Dua Ribu Sembilan Belas");
/// - a whole number `honor`: `honor_rupiah` ("Rp1.500.000"), `honor_terbilang` ("Satu juta … rupiah"),
///   `honor_kata` ("satu juta lima ratus ribu");
/// - a list `anggota`: `anggota_jumlah`, and each of its records a 1-based `nomor`;
/// - a one-word text `program` = "kursus": the flag `program_kursus`, for `{{#program_kursus}}` sections;
/// - dates `mulai` and `selesai`: `lama_bulan`, the calendar months the period touches (July to
///   December is 6, as the workflow counts a contract's months), and `lama_bulan_kata`.
enum TemplateContext {
    static func convert(_ value: Value) -> Any {
        switch value {
        case .null: return UserText(text: "")
        case .bool(let b): return b
        // Indonesian writes a decimal comma: 84,67.
        case .number(let n): return Value.format(number: n).replacingOccurrences(of: ".", with: ",")
        case .string(let s): return UserText(text: s)
        case .date(let d): return d.iso
        case .list(let l):
            return l.enumerated().map { i, v -> Any in
                guard case .record(var r) = v else { return convert(v) }
                r["nomor"] = .number(Double(i + 1))
                return convert(.record(r))
            }
        case .record(let r): return convert(record: r)
        }
    }

    private static func convert(record r: [String: Value]) -> [String: Any] {
        var out: [String: Any] = [:]
        for (key, v) in r { out[key] = convert(v) }
        var derived: [String: Any] = [:]
        for (key, v) in r {
            switch v {
            case .number(let n) where n == n.rounded() && abs(n) < 1e15:
                derived["\(key)_rupiah"] = IndonesianFormat.rupiah(Int64(n))
                derived["\(key)_terbilang"] = Terbilang.rupiah(Int64(n))
                derived["\(key)_kata"] = Terbilang.words(Int64(n))
            case .string(let s):
                if let d = CivilDate(iso: s) { addDate(d, key, &derived) }
                if isFlagWord(s) { derived["\(key)_\(s)"] = true }
            case .date(let d): addDate(d, key, &derived)
            case .list(let l): derived["\(key)_jumlah"] = String(l.count)
            default: break
            }
        }
        if let start = date(r["mulai"]), let end = date(r["selesai"]), start <= end {
            let months = (end.year - start.year) * 12 + end.month - start.month + 1
            derived["lama_bulan"] = String(months)
            derived["lama_bulan_kata"] = Terbilang.words(Int64(months))
        }
        // A key the context already has wins over a spelling derived from another key.
        return out.merging(derived) { given, _ in given }
    }

    private static func date(_ v: Value?) -> CivilDate? {
        switch v {
        case .date(let d)?: return d
        case .string(let s)?: return CivilDate(iso: s)
        default: return nil
        }
    }

    /// Choice values are short identifiers; only those become flags.
    private static func isFlagWord(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 32 && s.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }

    private static func addDate(_ d: CivilDate, _ key: String, _ out: inout [String: Any]) {
        out["\(key)_teks"] = IndonesianFormat.date(d)
        out["\(key)_hari"] = IndonesianFormat.dayName(d)
        out["\(key)_terbilang"] = IndonesianFormat.dateInWords(d)
        out["\(key)_tahun"] = String(d.year)
        out["\(key)_teks_besar"] = IndonesianFormat.date(d).uppercased()
        // A berita acara writes the parts capitalised: "tanggal Dua Puluh Dua bulan Juli tahun Dua Ribu …".
        out["\(key)_tanggal_kata"] = Terbilang.words(Int64(d.day)).capitalized
        out["\(key)_bulan"] = IndonesianFormat.months[d.month - 1]
        out["\(key)_tahun_kata"] = Terbilang.words(Int64(d.year)).capitalized
    }
}
