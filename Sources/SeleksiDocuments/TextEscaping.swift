/// How user text is written into each output. Both fold every run of white space (line breaks, tabs)
/// into one space and drop control characters: a name or an address is one line, so it cannot end a
/// table row, start a heading or open a list.
enum TextEscaping {
    /// For the `.md` file: a backslash before each character Markdown (CommonMark, GFM) could read as
    /// markup, so the file reads as the text with a few backslashes and renders literally anywhere.
    static func markdown(_ text: String) -> String {
        var out = ""
        let folded = fold(text)
        for (i, c) in folded.enumerated() {
            if markdownSpecials.contains(c) || (i == 0 && lineStartSpecials.contains(c)) {
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
    static func html(_ text: String) -> String {
        var out = ""
        for c in fold(text) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static let markdownSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&"]
    /// Characters that are markup only where a line starts (a list item, a setext underline).
    static let lineStartSpecials: Set<Character> = ["-", "+", "="]

    static func fold(_ text: String) -> String {
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
}
