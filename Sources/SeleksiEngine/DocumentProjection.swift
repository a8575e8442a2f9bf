import SeleksiCore

/// The names a document template can print: a child of a round is described with only these keys, so
/// a berita acara listing 15,000 reserves holds 15,000 small records, not 15,000 portfolios.
///
/// A key is kept when the template names it, or names a spelling made from it (`tanggal_teks` keeps
/// `tanggal`, `program_kursus` keeps `program`, `lama_bulan` keeps `mulai` and `selesai`).
public struct DocumentProjection: Sendable {
    private let kept: Set<String>

    /// From every identifier in the template's text (tags, sections and header paths alike).
    public init(template source: String) {
        var kept: Set<String> = []
        var word = ""
        func take() {
            guard !word.isEmpty else { return }
            kept.insert(word)
            var stem = word
            while let cut = stem.lastIndex(of: "_") {
                stem = String(stem[..<cut])
                if !stem.isEmpty { kept.insert(stem) }
            }
            word = ""
        }
        for c in source.unicodeScalars {
            if ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" {
                word.unicodeScalars.append(c)
            } else {
                take()
            }
        }
        take()
        if kept.contains("lama_bulan") { kept.formUnion(["mulai", "selesai"]) }
        self.kept = kept
    }

    public func keeps(_ key: String) -> Bool { kept.contains(key) }

    /// A value with only the record keys the template names, at every depth.
    func prune(_ value: Value) -> Value {
        switch value {
        case .record(let r):
            var out: [String: Value] = [:]
            for (k, v) in r where keeps(k) { out[k] = prune(v) }
            return .record(out)
        case .list(let l): return .list(l.map(prune))
        default: return value
        }
    }
}
