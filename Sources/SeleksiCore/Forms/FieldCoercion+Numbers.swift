/// Numbers: whole numbers, decimals and Rupiah amounts. Every value is a `Double`, which holds whole
/// numbers exactly only up to 2^53 − 1, so answers beyond that (and `inf`, `nan`, `1e300`) are refused
/// rather than silently rounded — and nothing downstream converts an out-of-range Double to Int.
extension FieldCoercion {
    /// 2^53 − 1, the largest whole number a Double holds exactly (JavaScript's `MAX_SAFE_INTEGER`).
    public static let maxExactWhole: Double = 9_007_199_254_740_991

    static var tooLarge: LocalizedText {
        LocalizedText(
            id: "angka terlalu besar: paling besar 9.007.199.254.740.991, positif atau negatif",
            en: "number too large: at most 9,007,199,254,740,991, positive or negative")
    }

    static func integer(_ raw: Value, text: String) -> Result<Value, LocalizedText> {
        if case .number(let n) = raw {
            guard n.isFinite, n == n.rounded() else { return notWhole(text) }
            guard n.magnitude <= maxExactWhole else { return .failure(tooLarge) }
            return .success(.number(n == 0 ? 0 : n))
        }
        guard case .string = raw, isSignedDigits(text) else { return notWhole(text) }
        // Digits only, so Int64 fails only by overflow.
        guard let n = Int64(text), Double(n).magnitude <= maxExactWhole else { return .failure(tooLarge) }
        return .success(.number(Double(n)))
    }

    static func decimal(_ raw: Value, text: String) -> Result<Value, LocalizedText> {
        if case .number(let n) = raw {
            guard n.isFinite, n.magnitude <= maxExactWhole else { return .failure(tooLarge) }
            return .success(.number(n == 0 ? 0 : n))
        }
        // Plain digits with one decimal comma or point: no exponent, `inf`, `nan` or hex that
        // `Double(_:)` would also read.
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).flatMap {
            $0.split(separator: ".", omittingEmptySubsequences: false)
        }
        guard case .string = raw, (1...2).contains(parts.count), isSignedDigits(String(parts[0])),
            parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)),
            let n = Double(parts.joined(separator: "."))
        else {
            return fail(
                "'\(text)' bukan angka; tulis mis. 3,5 atau 12", "'\(text)' is not a number; write e.g. 3.5 or 12")
        }
        guard n.isFinite, n.magnitude <= maxExactWhole else { return .failure(tooLarge) }
        return .success(.number(n == 0 ? 0 : n))
    }

    static func money(_ raw: Value, text: String) -> Result<Value, LocalizedText> {
        if case .number(let n) = raw {
            guard n.isFinite, n == n.rounded(), n >= 0 else {
                return fail(
                    "nilai rupiah harus bulat dan tidak negatif, mis. 1500000",
                    "Rupiah amounts are whole and not negative, e.g. 1500000")
            }
            guard n <= maxExactWhole else { return .failure(tooLarge) }
            return .success(.number(n))
        }
        var digits = text
        if digits.lowercased().hasPrefix("rp") { digits = String(digits.dropFirst(2)) }
        digits = digits.replacing(".", with: "").replacing(" ", with: "")
        if digits.hasSuffix(",00") { digits = String(digits.dropLast(3)) }
        guard case .string = raw, !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else {
            return fail(
                "'\(text)' bukan nilai rupiah (mis. 1500000 atau Rp1.500.000)",
                "'\(text)' is not a Rupiah amount (e.g. 1500000 or Rp1.500.000)")
        }
        guard let n = Int64(digits), Double(n) <= maxExactWhole else { return .failure(tooLarge) }
        return .success(.number(Double(n)))
    }

    private static func notWhole(_ text: String) -> Result<Value, LocalizedText> {
        fail(
            "'\(text)' bukan bilangan bulat; tulis angka tanpa titik atau koma, mis. 12",
            "'\(text)' is not a whole number; write digits only, e.g. 12")
    }

    /// An optional sign, then one or more ASCII digits.
    static func isSignedDigits(_ text: String) -> Bool {
        var digits = Substring(text)
        if let first = digits.first, first == "-" || first == "+" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }
}
