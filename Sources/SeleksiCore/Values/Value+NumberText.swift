extension Value {
    /// The number a text spells in plain decimal notation (`12`, `-3.5`, `+0.25`, `.5`, `1e3`), or nil.
    ///
    /// Unlike `Double(_:)`, refuses `inf`, `nan`, hexadecimal (`0x1p3`) and values too large for a
    /// Double, so that no text can put an infinity or NaN into a calculation.
    public static func number(fromText text: String) -> Double? {
        let b = text.utf8
        guard !b.isEmpty, b.count <= 400 else { return nil }
        var i = b.startIndex
        func digits() -> Int {
            var n = 0
            while i != b.endIndex, b[i] &- UInt8(ascii: "0") < 10 { n += 1; i = b.index(after: i) }
            return n
        }
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i = b.index(after: i) }
        var mantissaDigits = digits()
        if i != b.endIndex, b[i] == UInt8(ascii: ".") {
            i = b.index(after: i)
            mantissaDigits += digits()
        }
        guard mantissaDigits > 0 else { return nil }
        if i != b.endIndex, b[i] | 0x20 == UInt8(ascii: "e") {
            i = b.index(after: i)
            if i != b.endIndex, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i = b.index(after: i) }
            guard digits() > 0 else { return nil }
        }
        guard i == b.endIndex, let n = Double(text), n.isFinite else { return nil }
        return n == 0 ? 0 : n
    }

    /// The whole number a value holds, when it is a number that is integral and within `range`;
    /// nil for anything else (fractions, NaN, infinities, values beyond the range), so that no
    /// value can reach an `Int(_:)` conversion that would trap.
    public func integer(in range: ClosedRange<Int> = -(1 << 53)...(1 << 53)) -> Int? {
        guard case .number(let n) = self, let k = Int(exactly: n), range.contains(k) else { return nil }
        return k
    }
}
