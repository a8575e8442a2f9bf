import Foundation
import SeleksiCore

/// Turns a document context into what Mustache renders: records become dictionaries, and every value
/// gains the spellings official documents need, as sibling keys:
/// - a date `tanggal` (ISO text) gains `tanggal_teks` ("1 Juli 2019"), `tanggal_hari` ("Senin") and
///   `tanggal_terbilang` ("hari Senin tanggal satu bulan Juli tahun dua ribu sembilan belas");
/// - a number `honor` gains `honor_rupiah` ("Rp1.500.000") and `honor_terbilang` ("Satu juta … rupiah");
/// - a list `anggota` gains `anggota_jumlah`, and each of its records a 1-based `nomor`.
enum TemplateContext {
    static func convert(_ value: Value) -> Any {
        switch value {
        case .null: return ""
        case .bool(let b): return b
        // Indonesian writes a decimal comma: 84,67.
        case .number(let n): return Value.format(number: n).replacingOccurrences(of: ".", with: ",")
        case .string(let s): return s
        case .date(let d): return d.iso
        case .list(let l):
            return l.enumerated().map { i, v -> Any in
                if case .record(var r) = v {
                    r["nomor"] = .number(Double(i + 1))
                    return convert(.record(r))
                }
                return convert(v)
            }
        case .record(let r):
            var out: [String: Any] = [:]
            for (key, v) in r {
                out[key] = convert(v)
                switch v {
                case .number(let n) where n == n.rounded() && abs(n) < 1e15:
                    out["\(key)_rupiah"] = IndonesianFormat.rupiah(Int64(n))
                    out["\(key)_terbilang"] = Terbilang.rupiah(Int64(n))
                    out["\(key)_kata"] = Terbilang.words(Int64(n))
                case .string(let s):
                    if let d = CivilDate(iso: s) { addDate(d, key, &out) }
                case .date(let d): addDate(d, key, &out)
                case .list(let l): out["\(key)_jumlah"] = String(l.count)
                default: break
                }
            }
            return out
        }
    }

    private static func addDate(_ d: CivilDate, _ key: String, _ out: inout [String: Any]) {
        out["\(key)_teks"] = IndonesianFormat.date(d)
        out["\(key)_hari"] = IndonesianFormat.dayName(d)
        out["\(key)_terbilang"] = IndonesianFormat.dateInWords(d)
        out["\(key)_tahun"] = String(d.year)
    }
}
