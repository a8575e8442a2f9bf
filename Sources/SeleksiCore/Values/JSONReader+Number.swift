extension JSONReader {
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` exactly (RFC 8259 §6). A number too
    /// large for a Double is refused rather than stored as infinity; `-0` is read as 0.
    mutating func number() throws(ExpressionError) -> Double {
        let start = i
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else {
            throw fail("setelah '-' harus ada angka", "a digit must follow '-'")
        }
        var mantissa: UInt64 = 0, digits = 0
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) {
                i = start
                throw fail("angka tidak boleh diawali nol (mis. 025); tulis 25 atau \"025\"",
                           "numbers do not start with a zero (e.g. 025); write 25 or \"025\"")
            }
        } else {
            scanDigits(&mantissa, &digits)
        }
        var exponent = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw fail("setelah titik desimal harus ada angka", "a digit must follow the decimal point")
            }
            let before = i
            scanDigits(&mantissa, &digits)
            exponent -= i - before
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            exponent += try exponentPart()
        }
        // The magnitude: the sign is applied below, so the slow path reads the digits without the '-'
        // (read with it, a negative number of more than 15 digits came back positive).
        let unsigned = negative ? start + 1 : start
        let value = exactValue(mantissa, digits: digits, exponent: exponent)
            ?? Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[unsigned..<i]), as: UTF8.self))
        guard let value, value.isFinite else {
            i = start
            throw fail("angka terlalu besar", "number too large")
        }
        if value == 0 { return 0 }  // -0 and underflow to -0 are plain 0
        return negative ? -value : value
    }

    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// Accumulates digits into `mantissa` while they fit exactly (19 digits); counts all of them.
    @inline(__always) private mutating func scanDigits(_ mantissa: inout UInt64, _ digits: inout Int) {
        while i < bytes.count, isDigit(bytes[i]) {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- UInt8(ascii: "0")) }
            if mantissa != 0 || digits > 0 { digits += 1 }
            i += 1
        }
    }

    private mutating func exponentPart() throws(ExpressionError) -> Int {
        i += 1
        var sign = 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            if bytes[i] == UInt8(ascii: "-") { sign = -1 }
            i += 1
        }
        guard i < bytes.count, isDigit(bytes[i]) else {
            throw fail("eksponen tanpa angka", "an exponent needs digits")
        }
        var e = 0
        while i < bytes.count, isDigit(bytes[i]) {
            e = min(e * 10 + Int(bytes[i] &- UInt8(ascii: "0")), 1_000_000)  // beyond any Double either way
            i += 1
        }
        return sign * e
    }

    /// The correctly rounded value when it can be computed exactly in Double arithmetic (Clinger's
    /// fast path: a mantissa below 2^53 and a power of ten up to 10^22 are both exact); nil otherwise.
    private func exactValue(_ mantissa: UInt64, digits: Int, exponent: Int) -> Double? {
        guard digits <= 15 else { return nil }
        if mantissa == 0 { return 0 }
        let m = Double(mantissa)
        if exponent == 0 { return m }
        if exponent > 0 && exponent <= 22 { return m * JSONReader.powersOfTen[exponent] }
        if exponent < 0 && exponent >= -22 { return m / JSONReader.powersOfTen[-exponent] }
        return nil
    }

    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }
}
