/// Numbers in Indonesian words (*terbilang*), as decrees and contracts write amounts:
/// 1.500.000 → "satu juta lima ratus ribu"; 11 → "sebelas"; 100 → "seratus"; 1.000 → "seribu".
/// Every `Int64` has words: negative amounts are read with "minus" in front ("minus lima ribu"),
/// and the scales go up to *kuintiliun* (10^18), beyond `Int64.max`.
public enum Terbilang {
    static let units = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
                        "sebelas"]
    static let scales: [(UInt64, String)] = [
        (1_000_000_000_000_000_000, "kuintiliun"), (1_000_000_000_000_000, "kuadriliun"),
        (1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta"), (1_000, "ribu"),
    ]

    public static func words(_ n: Int64) -> String {
        if n == 0 { return "nol" }
        // The magnitude as UInt64: -Int64.min does not fit in an Int64.
        let words = below(n.magnitude).joined(separator: " ")
        return n < 0 ? "minus " + words : words
    }

    /// Words for a number that holds a whole amount, or nil when it is fractional, NaN, infinite or
    /// beyond `Int64` (so that a caller never converts such a number with a trapping `Int64(_:)`).
    public static func words(exactly amount: Double) -> String? {
        Int64(exactly: amount).map(words)
    }

    private static func below(_ n: UInt64) -> [String] {
        if n < 12 { return n == 0 ? [] : [units[Int(n)]] }
        if n < 20 { return [units[Int(n - 10)], "belas"] }
        if n < 100 { return [units[Int(n / 10)], "puluh"] + below(n % 10) }
        if n < 200 { return ["seratus"] + below(n - 100) }
        if n < 1000 { return [units[Int(n / 100)], "ratus"] + below(n % 100) }
        if n < 2000 { return ["seribu"] + below(n - 1000) }
        for (scale, name) in scales where n >= scale {
            return below(n / scale) + [name] + below(n % scale)
        }
        return []
    }

    /// "Dua puluh lima miliar delapan puluh empat juta tiga ratus ribu rupiah", capitalised as the seed writes it.
    public static func rupiah(_ n: Int64) -> String {
        let w = words(n) + " rupiah"
        return w.prefix(1).uppercased() + w.dropFirst()
    }
}
