import Foundation
import Testing

/// README.md's "The Tutor Bantu round by hand" runs as written: the commands are read out of its code
/// block (as `scripts/by-hand.sh` reads them), so the README and this test cannot drift apart.
@Suite("The Tutor Bantu round by hand, as the README writes it")
struct ByHandRoundTests {
    static let heading = "## The Tutor Bantu round by hand"

    @Test func everyCommandOfTheSectionRunsInOrderOnAFreshDatabase() throws {
        let commands = try Self.readmeCommands()
        #expect(commands.count >= 30)
        #expect(commands.first == ["init", "--simulation", "--now", "2019-06-03T07:00"])
        let cli = CLIRunner()
        for args in commands {
            let r = try cli.run(args.map { $0.hasPrefix("/tmp/") ? cli.folder + "/" + String($0.dropFirst(5)) : $0 })
            #expect(r.status == 0, "seleksi \(args.joined(separator: " ")) → exit \(r.status)\n\(r.stderr)")
            guard r.status == 0 else { return }
        }
        let applicant = try cli.run("show 2 --json")
        #expect(applicant.stdout.contains("\"state\":\"direkomendasikan\""))
        let round = try cli.run("show 1 --json")
        #expect(round.stdout.contains("\"state\":\"penetapan\""))
        let minutes = try #require(
            try? String(
                contentsOfFile: cli.folder + "/tutor-bantu-dokumen/berita_acara-1.md", encoding: .utf8))
        #expect(minutes.contains("Dewi Lestari, S.Pd. (fiktif)"))
        #expect(minutes.contains("hari ini Jumat tanggal Dua Puluh Delapan bulan Juni tahun Dua Ribu Sembilan Belas"))
    }

    @Test func theScriptReadsTheSameBlock() throws {
        let script = try String(contentsOfFile: CLIRunner.repo + "/scripts/by-hand.sh", encoding: .utf8)
        #expect(script.contains(Self.heading))
        let readme = try String(contentsOfFile: CLIRunner.repo + "/README.md", encoding: .utf8)
        #expect(readme.contains("`scripts/by-hand.sh` runs it"))
    }

    /// The block's `seleksi …` commands as argument lists: comments and `export SELEKSI_DB=…` dropped
    /// (the runner has its own database), `\` continuations joined, double quotes honoured.
    static func readmeCommands() throws -> [[String]] {
        let readme = try String(contentsOfFile: CLIRunner.repo + "/README.md", encoding: .utf8)
        guard let section = readme.range(of: heading),
            let open = readme.range(of: "```sh\n", range: section.upperBound..<readme.endIndex),
            let close = readme.range(of: "\n```", range: open.upperBound..<readme.endIndex)
        else {
            throw ReadmeProblem(message: "no ```sh block after '\(heading)'")
        }
        let block = readme[open.upperBound..<close.lowerBound].replacingOccurrences(of: "\\\n", with: " ")
        var commands: [[String]] = []
        for line in block.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("export SELEKSI_DB=") { continue }
            let words = shellWords(line)
            guard words.first == "seleksi" else { throw ReadmeProblem(message: "not a seleksi command: \(line)") }
            commands.append(Array(words.dropFirst()))
        }
        return commands
    }

    /// Splits a command line as the shell would for these simple lines: spaces, double quotes, `#` comments.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quoted = false
        var inWord = false
        for c in line {
            if c == "\"" {
                quoted.toggle()
                inWord = true
            } else if c == "#" && !quoted && !inWord {
                break
            } else if c == " " && !quoted {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    struct ReadmeProblem: Error {
        let message: String
    }
}
