import Foundation
import SeleksiEngine

/// The conversation of an interactive command: lines out, unbuffered (so a question shows before the
/// program waits, and output keeps its order in a pipe), text from users neutralised for the terminal;
/// answers in, counted (lines and keys typed) so a session can say what it cost its user.
final class Console {
    private(set) var linesRead = 0
    private(set) var keysTyped = 0

    /// The terminal's width, read once: long lines and questions wrap to it.
    let width = TerminalLayout.width

    func say(_ line: String) {
        let safe = TerminalText.safe(line)
        guard safe.count > width else { return write(safe + "\n") }
        let indent = String(safe.prefix(while: { $0 == " " }))
        for wrapped in TerminalLayout.wrap(
            String(safe.dropFirst(indent.count)), width: width, first: indent, rest: indent + "    ")
        {
            write(wrapped + "\n")
        }
    }

    func say(_ lines: [String]) { for line in lines { say(line) } }

    /// A blank line.
    func gap() { write("\n") }

    /// Asks and waits for a line; nil when input has ended.
    func ask(_ question: String) -> String? {
        let safe = TerminalText.safe(question)
        if safe.count > width {
            var lines = TerminalLayout.wrap(safe, width: width, first: "", rest: "  ")
            let last = lines.removeLast()
            for line in lines { write(line + "\n") }
            write(last + " ")
        } else {
            write(safe)
        }
        guard let line = readLine() else {
            write("\n")
            return nil
        }
        linesRead += 1
        keysTyped += line.count + 1
        return line.trimmingCharacters(in: .whitespaces)
    }

    private func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
}
