import Foundation
import SeleksiCore

/// The terminal side of `form fill`: questions on standard output, answers from standard input.
struct PromptIO {
    let language: Language

    /// Typed at any question, stops without writing anything.
    static let cancelWords: Set<String> = ["!batal", "!cancel", "!keluar", "!quit"]

    func t(_ id: String, _ en: String) -> String { language == .en ? en : id }

    /// Unbuffered, like the questions, so that questions and messages keep their order in a pipe.
    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes `question` (no newline: the answer follows it) and reads one line, trimmed.
    func ask(_ question: String) throws -> String {
        FileHandle.standardOutput.write(Data(question.utf8))
        guard let line = readLine() else {
            say("")
            throw FillStop.endOfInput
        }
        let answer = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if PromptIO.cancelWords.contains(answer.lowercased()) { throw FillStop.cancelled }
        return answer
    }

    /// A yes/no question, asked again until the answer is one of them.
    func confirm(_ question: String) throws -> Bool {
        while true {
            switch try ask(question).lowercased() {
            case "ya", "y", "yes": return true
            case "tidak", "t", "n", "no": return false
            case let other:
                say("  ✗ " + t("'\(other)': jawab ya atau tidak", "'\(other)': answer ya (yes) or tidak (no)"))
            }
        }
    }
}
