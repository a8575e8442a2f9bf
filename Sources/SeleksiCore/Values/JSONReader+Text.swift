extension JSONReader {
    /// A quoted text: plain runs are copied at once; escapes, control characters and (for byte
    /// input) UTF-8 are checked as RFC 8259 §7 and RFC 3629 say.
    mutating func string() throws(ExpressionError) -> String {
        i += 1
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                try checkLength(i - start)
                defer { i += 1 }
                if skipping { return "" }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            if b >= 0x80 && validateUTF8 { i += try utf8Sequence() } else { i += 1 }
        }
        var out = Array(bytes[start..<i])
        try escapedRest(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The rest of a text after its first escape, unescaped into `out`.
    private mutating func escapedRest(into out: inout [UInt8]) throws(ExpressionError) {
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return
            case UInt8(ascii: "\\"):
                try escape(into: &out)
            case 0..<0x20:
                throw fail("karakter kendali (kode \(b)) di dalam teks; tulis sebagai \\n, \\t atau \\u00XX",
                           "raw control character (code \(b)) in text; write it as \\n, \\t or \\u00XX")
            case 0x80... where validateUTF8:
                let n = try utf8Sequence()
                out.append(contentsOf: bytes[i..<i + n])
                i += n
            default:
                out.append(b)
                i += 1
            }
            try checkLength(out.count)
        }
        throw fail("teks tidak ditutup dengan \"", "text never closed with \"")
    }

    private func checkLength(_ count: Int) throws(ExpressionError) {
        guard count <= limits.maxStringBytes else {
            throw fail("teks lebih panjang dari \(limits.maxStringBytes) bita",
                       "text longer than \(limits.maxStringBytes) bytes")
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws(ExpressionError) {
        guard i + 1 < bytes.count else { throw fail("teks tidak ditutup dengan \"", "text never closed with \"") }
        let c = bytes[i + 1]
        let simple: UInt8?
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = c
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "u"): simple = nil
        default:
            // Only printable ASCII is echoed, so that a message cannot carry terminal escape codes.
            let shown = (0x21...0x7E).contains(c) ? "\\\(Unicode.Scalar(c))" : "\\ + #\(c)"
            throw fail("escape \(shown) tidak sah; yang sah: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                       "invalid escape \(shown); valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
        if let simple {
            out.append(simple)
            i += 2
            return
        }
        let scalar = try unicodeEscape()
        out.append(contentsOf: String(Character(scalar)).utf8)
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; a lone or reversed surrogate is refused, since
    /// it encodes no character.
    private mutating func unicodeEscape() throws(ExpressionError) -> Unicode.Scalar {
        let high = try hex4(at: i + 2)
        i += 6
        if (0xDC00...0xDFFF).contains(high) {
            i -= 6
            throw fail("\\u\(hexText(high)) adalah surrogate rendah tanpa pasangan",
                       "lone low surrogate \\u\(hexText(high))")
        }
        guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high)! }
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
              case let low = try hex4(at: i + 2), (0xDC00...0xDFFF).contains(low) else {
            i -= 6
            throw fail("\\u\(hexText(high)) adalah surrogate tinggi tanpa surrogate rendah sesudahnya",
                       "high surrogate \\u\(hexText(high)) not followed by a low surrogate")
        }
        i += 6
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
    }

    private func hexText(_ n: UInt32) -> String {
        let s = String(n, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - s.count) + s
    }

    private mutating func hex4(at start: Int) throws(ExpressionError) -> UInt32 {
        var n: UInt32 = 0
        for k in start..<start + 4 {
            guard k < bytes.count, let d = hexDigit(bytes[k]) else {
                i = min(k, bytes.count)
                throw fail("\\u harus diikuti empat digit heksadesimal", "\\u must be followed by four hex digits")
            }
            n = n << 4 | d
        }
        return n
    }

    private func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// The length of the well-formed UTF-8 sequence at `i` (RFC 3629 table 3-7: no overlong forms,
    /// no surrogates, nothing above U+10FFFF), or an error at its first byte.
    private func utf8Sequence() throws(ExpressionError) -> Int {
        let b = bytes[i]
        let length: Int, second: ClosedRange<UInt8>
        switch b {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: throw fail("bita \(b) bukan UTF-8 yang sah", "byte \(b) is not valid UTF-8")
        }
        guard i + length <= bytes.count, second.contains(bytes[i + 1]),
              (2..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) else {
            throw fail("urutan UTF-8 tidak sah", "invalid UTF-8 sequence")
        }
        return length
    }
}
