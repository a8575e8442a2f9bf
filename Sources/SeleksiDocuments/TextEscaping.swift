/// How user text is written into each output. Both fold every run of white space (line breaks, tabs)
/// into one space and drop control characters: a name or an address is one line, so it cannot end a
/// table row, start a heading or open a list.
enum TextEscaping {
    /// For the `.md` file: a backslash before each character Markdown (CommonMark, GFM) could read as
    /// markup, so the file reads as the text with a few backslashes and renders literally anywhere.
    static func markdown(_ text: String) -> String {
        let folded = fold(text)
        if folded.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return markdownASCII(folded) }
        return markdownByCharacters(folded)
    }

    /// `markdownByCharacters` over bytes, for printable ASCII, where every byte is one character: most
    /// names, numbers and dates. Walking them as characters was 4% of a national demo's instructions.
    static func markdownASCII(_ folded: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(folded.utf8.count + 4)
        var digitsOnly = true  // whether every byte of `out` is a digit (a backslash is not)
        for (i, b) in folded.utf8.enumerated() {
            let startsLine = i == 0 && (b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: "="))
            if isMarkdownSpecial(byte: b) || startsLine {
                out.append(UInt8(ascii: "\\"))
                digitsOnly = false
            } else if b == UInt8(ascii: ".") || b == UInt8(ascii: ")"), !out.isEmpty, digitsOnly {
                out.append(UInt8(ascii: "\\"))
                digitsOnly = false
            }
            out.append(b)
            digitsOnly = digitsOnly && b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Any folded text, character by character.
    static func markdownByCharacters(_ folded: String) -> String {
        var out = ""
        for (i, c) in folded.enumerated() {
            if isMarkdownSpecial(c) || (i == 0 && lineStartSpecials.contains(c)) {
                out.append("\\")
            } else if c == "." || c == ")", !out.isEmpty, out.allSatisfy(\.isNumber) {
                // "1. Jalan …" or "1) …" at the start of a line would open an ordered list.
                out.append("\\")
            }
            out.append(c)
        }
        return out
    }

    /// For the `.html` file: the five characters HTML gives meaning to, as character references.
    /// Byte by byte: each is one ASCII byte, which UTF-8 never uses inside another character, so one
    /// followed by a combining mark is escaped too.
    static func html(_ text: String) -> String {
        let folded = fold(text)
        var out: [UInt8] = []
        out.reserveCapacity(folded.utf8.count + 8)
        for byte in folded.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The characters Markdown reads as markup anywhere in a line (a switch: no set to hash every
    /// character of every name into).
    static func isMarkdownSpecial(_ c: Character) -> Bool {
        switch c {
        case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&": return true
        default: return false
        }
    }
    static func isMarkdownSpecial(byte b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: "&"):
            return true
        default: return false
        }
    }

    /// Characters that are markup only where a line starts (a list item, a setext underline).
    static let lineStartSpecials: Set<Character> = ["-", "+", "="]

    static func fold(_ text: String) -> String {
        if isFolded(text) { return text }
        var out = ""
        var pendingSpace = false
        for c in text {
            if c.isWhitespace || c.isNewline {
                pendingSpace = !out.isEmpty
                continue
            }
            if c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { continue }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
        return out
    }

    /// Printable ASCII with single spaces between words is folded already: most names, numbers and
    /// dates. Looking at its bytes spares them the walk by characters and their Unicode properties.
    static func isFolded(_ text: String) -> Bool {
        var afterSpace = true  // a leading space is folded away
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                if afterSpace { return false }
                afterSpace = true
            } else if byte < 0x21 || byte > 0x7E {
                return false
            } else {
                afterSpace = false
            }
        }
        return !afterSpace || text.isEmpty
    }
}
