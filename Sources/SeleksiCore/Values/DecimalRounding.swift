/// Rounding as people and spreadsheets round: on the decimal number a value is written as, half
/// away from zero. `38.605` is stored as 38.60499999999999687… in binary, so rounding the binary
/// value gives 38.6; rounding its shortest decimal form ("38.605", what every user sees) gives 38.61.
public enum DecimalRounding {
    /// `x` rounded to `places` digits after the decimal point (negative: to tens, hundreds …);
    /// half away from zero (2.5 → 3, -2.5 → -3). Infinity and NaN are returned unchanged.
    public static func round(_ x: Double, places: Int) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let (digits, point) = shortestDecimal(Swift.abs(x))
        let keep = point + places
        guard keep < digits.count else { return x }
        guard keep >= 0 else { return 0 }
        var kept = Array(digits[..<keep])
        if digits[keep] >= 5 { increment(&kept) }
        guard kept.contains(where: { $0 != 0 }) else { return 0 }
        let text = (x < 0 ? "-" : "") + String(kept.map { Character(Unicode.Scalar($0 + 48)) }) + "e\(-places)"
        return Double(text) ?? x
    }

    /// The decimal digits of Swift's shortest round-trip form of `x` (> 0) and the position of the
    /// decimal point: x = 0.d₁d₂…dₙ × 10^point.
    static func shortestDecimal(_ x: Double) -> (digits: [UInt8], point: Int) {
        var digits: [UInt8] = []
        var point = 0, exponent = 0, seenPoint = false, exponentSign = 1
        var chars = x.description.utf8.makeIterator()
        while let c = chars.next() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(c - 48)
                if !seenPoint { point += 1 }
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"):
                while let e = chars.next() {
                    if e == UInt8(ascii: "-") { exponentSign = -1 } else if e != UInt8(ascii: "+") {
                        exponent = exponent * 10 + Int(e - 48)
                    }
                }
            default: break
            }
        }
        return (digits, point + exponentSign * exponent)
    }

    /// Adds one to a decimal digit string, carrying; "999" becomes "1000".
    private static func increment(_ digits: inout [UInt8]) {
        var k = digits.count - 1
        while k >= 0 {
            if digits[k] < 9 { digits[k] += 1; return }
            digits[k] = 0
            k -= 1
        }
        digits.insert(1, at: 0)
    }
}
