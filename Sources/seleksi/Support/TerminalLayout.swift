import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The terminal's width, and text wrapped to it: long values break at spaces, never mid-word unless a
/// word alone is wider than the line.
enum TerminalLayout {
    /// The width of the terminal on standard output (`TIOCGWINSZ`), else `COLUMNS`, else 100; at least 40.
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(40, Int(size.ws_col)) }
        if let columns = environmentValue("COLUMNS").flatMap(Int.init), columns > 0 {
            return max(40, columns)
        }
        return 100
    }

    /// Whether a person sits at this end (standard input and output are terminals).
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    /// `text` broken into lines of at most `width` characters: the first starts with `first`, the rest
    /// with `rest` (a hanging indent).
    static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        let limit = max(width, first.count + 10, rest.count + 10)
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                while true {
                    let needed = line.count + (lineHasWord ? 1 : 0) + word.count
                    if needed <= limit {
                        line += (lineHasWord ? " " : "") + word
                        lineHasWord = true
                        break
                    }
                    if !lineHasWord {
                        // A word wider than the line: cut it.
                        let room = max(1, limit - line.count)
                        line += word.prefix(room)
                        word = String(word.dropFirst(room))
                        lines.append(line)
                        line = rest
                        if word.isEmpty { break }
                        continue
                    }
                    lines.append(line)
                    line = rest
                    lineHasWord = false
                }
            }
            lines.append(line)
            line = rest
            lineHasWord = false
        }
        return lines
    }

    /// A label and its value: `  Label ........ value`, the value wrapped under itself; a label wider
    /// than the label column gets a line of its own.
    static func labelled(
        _ label: String, _ value: String, indent: String = "  ", labelWidth: Int, width: Int
    ) -> [String] {
        let column = indent + String(repeating: " ", count: labelWidth + 2)
        if label.count <= labelWidth {
            let head = indent + label + " " + String(repeating: ".", count: max(1, labelWidth - label.count + 1)) + " "
            return wrap(value, width: width, first: head, rest: column)
        }
        return wrap(label, width: width, first: indent, rest: indent + "  ")
            + wrap(value, width: width, first: column, rest: column)
    }

    /// Pads or cuts `text` to exactly `width` characters.
    static func cell(_ text: String, _ width: Int) -> String {
        text.count > width
            ? String(text.prefix(max(0, width - 1))) + "…" : text + String(repeating: " ", count: width - text.count)
    }
}
