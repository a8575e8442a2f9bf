/// Text from users (names, reasons, answers) made harmless for a terminal: control characters and
/// escape sequences (which can move the cursor, rewrite lines or forge output) are shown as `\u{…}`
/// instead of acting, and a newline cannot start a fake row in a listing. A tab is kept: it can
/// misalign a column but not forge one.
public enum TerminalText {
    public static func safe(_ text: String) -> String {
        // Nearly all text needs nothing: it is returned as it is rather than copied scalar by scalar
        // (a listing of a thousand rows spent most of its time here).
        let maybe = text.utf8.contains(where: mayNeedEscape)  // plain ASCII: no scalar to look at
        guard maybe, text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { out += escaped(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// `safe(text)` appended as UTF-8 to `bytes`: printable ASCII, nearly every field of a listing, is
    /// copied at once (walking it through the string's UTF-8 view twice was most of a listing's rows).
    public static func appendSafe(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { u in
            guard !u.contains(where: mayNeedEscape) else { return false }
            bytes.append(contentsOf: u)
            return true
        }
        if !plain { bytes.append(contentsOf: safe(text).utf8) }
    }

    /// A byte outside printable ASCII: only text with one has scalars to look at.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte >= 0x7F }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20..<0x7F: return false
        case 0xA0...: return isBidiControl(scalar.value)
        default: return true
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        default: return "\\u{\(String(scalar.value, radix: 16))}"
        }
    }

    /// Right-to-left overrides and isolates reorder what follows them on screen.
    private static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
