import Foundation
import Mustache
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
    /// The context as Mustache reads it: records and lists convert their values only when a template
    /// asks for them, and spellings are made on demand, so a document about a large round costs what
    /// its template prints, not the size of the round.
    static func convert(_ value: Value) -> Any {
        switch value {
        case .null: return UserText(text: "")
        case .bool(let b): return b
        // Indonesian writes a decimal comma: 84,67.
        case .number(let n): return decimalComma(Value.format(number: n))
        case .string(let s): return UserText(text: s)
        case .date(let d): return d.iso
        case .list(let l): return TemplateList(items: l)
        case .record(let r): return TemplateRecord(values: r)
        }
    }

    /// `84.67` as `84,67`; a whole number (most of them) is returned as it is, without Foundation's replacing.
    static func decimalComma(_ text: String) -> String {
        guard let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return text }
        var out = text
        out.replaceSubrange(dot...dot, with: ",")
        return out
    }

    /// The sibling keys a record gains, made from the value they name (see the type's comment).
    static func derived(_ name: String, in r: [String: Value]) -> Any? {
        if name == "lama_bulan" || name == "lama_bulan_kata" {
            guard let start = date(r["mulai"]), let end = date(r["selesai"]), start <= end else { return nil }
            let months = (end.year - start.year) * 12 + end.month - start.month + 1
            return name == "lama_bulan" ? String(months) : Terbilang.words(Int64(months))
        }
        for suffix in suffixes where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            guard let value = r[base], let spelled = spell(value, suffix) else { continue }
            return spelled
        }
        return flag(name, in: r)
    }

    /// Longest first, so `_teks_besar` is tried before `_teks` and `_tahun_kata` before `_kata`.
    private static let suffixes = ["_tanggal_kata", "_teks_besar", "_tahun_kata", "_terbilang", "_rupiah", "_jumlah", "_tahun",
                                   "_bulan", "_teks", "_hari", "_kata"]

    private static func spell(_ value: Value, _ suffix: String) -> Any? {
        if case .number(let n) = value, n == n.rounded(), abs(n) < 1e15 {
            let whole = Int64(n)
            switch suffix {
            case "_rupiah": return IndonesianFormat.rupiah(whole)
            case "_terbilang": return Terbilang.rupiah(whole)
            case "_kata": return Terbilang.words(whole)
            default: return nil
            }
        }
        if case .list(let l) = value { return suffix == "_jumlah" ? String(l.count) : nil }
        guard let d = date(value) else { return nil }
        switch suffix {
        case "_teks": return IndonesianFormat.date(d)
        case "_hari": return IndonesianFormat.dayName(d)
        case "_terbilang": return IndonesianFormat.dateInWords(d)
        case "_tahun": return String(d.year)
        case "_teks_besar": return IndonesianFormat.date(d).uppercased()
        // A berita acara writes the parts capitalised: "tanggal Dua Puluh Dua bulan Juli tahun Dua Ribu …".
        case "_tanggal_kata": return Terbilang.words(Int64(d.day)).capitalized
        case "_bulan": return IndonesianFormat.months[d.month - 1]
        case "_tahun_kata": return Terbilang.words(Int64(d.year)).capitalized
        default: return nil
        }
    }

    /// `program_kursus` is true when the record's `program` is the one-word text `kursus`.
    private static func flag(_ name: String, in r: [String: Value]) -> Any? {
        var i = name.firstIndex(of: "_")
        while let split = i {
            let base = String(name[..<split]), word = String(name[name.index(after: split)...])
            if case .string(let s)? = r[base], s == word, isFlagWord(s) { return true }
            i = name[name.index(after: split)...].firstIndex(of: "_")
        }
        return nil
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
}

/// A record as a template reads it: a key it holds wins over a spelling derived from another key.
final class TemplateRecord: MustacheParent {
    let values: [String: Value]

    init(values: [String: Value]) { self.values = values }

    func child(named name: String) -> Any? {
        if let v = values[name] { return TemplateContext.convert(v) }
        return TemplateContext.derived(name, in: values)
    }
}

/// A list as a template reads it: each record numbered from 1 (`nomor`), converted as it is reached.
struct TemplateList: MustacheSequence {
    let items: [Value]

    func makeIterator() -> AnyIterator<Any> {
        var index = 0
        return AnyIterator {
            guard index < items.count else { return nil }
            defer { index += 1 }
            guard case .record(var r) = items[index] else { return TemplateContext.convert(items[index]) }
            r["nomor"] = .number(Double(index + 1))
            return TemplateRecord(values: r)
        }
    }
}
