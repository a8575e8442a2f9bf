import Foundation
import Testing

/// `--lang en` covers the messages, `check`'s diagnostics included; help text wraps at the terminal's
/// width, its paragraphs never broken inside a sentence.
@Suite("Messages in two languages and help that wraps")
struct LanguageAndHelpTests {
    @Test func checkSpeaksIndonesianByDefaultAndEnglishOnRequest() throws {
        let cli = CLIRunner()
        let broken = cli.folder + "/rusak.xml"
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <workflow id="rusak" version="1" start-roles="juri">
          <title lang="id">Rusak</title>
          <roles><role id="pelamar"><label lang="id">Pelamar</label></role></roles>
          <states><state id="a" initial="true"><label lang="id">A</label></state><state id="b" final="true"><label lang="id">B</label></state></states>
          <transitions><transition event="x" from="a" to="c" roles="pelamar"/></transitions>
        </workflow>
        """.write(toFile: broken, atomically: true, encoding: .utf8)
        let id = try cli.run(["check", broken])
        #expect(id.status == 2)
        #expect(id.stderr.contains("kesalahan: peralihan 'x': status 'c' pada to tidak ada"))
        #expect(id.stderr.contains("start-roles: peran 'juri' tidak ada"))
        #expect(id.stderr.contains("kesalahan dalam 1 berkas"))
        let en = try cli.run(["check", broken, "--lang", "en"])
        #expect(en.status == 2)
        #expect(en.stderr.contains("error: transition 'x': unknown state 'c' in to"))
        #expect(en.stderr.contains("start-roles: unknown role 'juri'"))
        #expect(!en.stderr.contains("kesalahan"))
        let json = try cli.run(["check", broken, "--lang", "en", "--json"])
        #expect(json.stdout.contains("unknown state 'c'"))
    }

    @Test func engineAndDatabaseMessagesFollowTheLanguage() throws {
        let cli = CLIRunner()
        let none = try cli.run("show 1 --lang en")
        #expect(none.stderr.contains("no database at") && !none.stderr.contains("tidak ada basis data"))
        #expect(try cli.run("init --simulation --now 2026-01-05T08:00 --lang en").stdout.contains("workflows"))
        let missing = try cli.run("show 99 --lang en")
        #expect(missing.stderr == "no instance #99; `seleksi list` shows the instances\n")
        let file = try cli.run("form validate demo_pendaftaran tidak-ada.json --lang en")
        #expect(file.stderr.contains("no such file") && !file.stderr.contains("tidak ada"))
        let refused = try cli.run("fire 1 ajukan --as operator1 --lang en --now 2026-01-05T08:30")
        #expect(refused.stderr.contains("refused [") && !refused.stderr.contains("ditolak"))
        let started = try cli.run("start demo_putaran --org upt-demo --as operator1 --now 2026-01-05T09:00 --lang en")
        #expect(started.stdout.contains("state") && !started.stdout.contains("status "))
        let fired = try cli.run("fire 1 buka --as operator1 --now 2026-01-05T09:10 --lang en")
        #expect(fired.status == 0)
        let report = try cli.run("report 1 --lang en")
        #expect(report.stdout.contains("# Round report #1") && !report.stdout.contains("Laporan"))
    }

    /// Every command's help, on a terminal wide enough for any paragraph, has no prose line followed by
    /// another prose line (that would be a sentence broken by hand), and at 60 columns no line of prose
    /// wider than 60.
    @Test func helpTextIsWrittenInParagraphsAndWrapsToTheTerminal() throws {
        let cli = CLIRunner()
        var commands: [[String]] = [[]]
        var queue: [[String]] = [[]]
        while let path = queue.popLast() {
            let help = try cli.run(["help"] + path, in: CLIRunner.repo, environment: ["COLUMNS": "5000"]).stdout
            guard let start = help.range(of: "SUBCOMMANDS:") else { continue }
            for line in help[start.upperBound...].split(separator: "\n") {
                let words = line.split(separator: " ")
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = words.first, name != "help",
                    name.allSatisfy({ $0.isLowercase || $0 == "-" })
                else { continue }
                let sub = path + [String(name)]
                if !commands.contains(sub) {
                    commands.append(sub)
                    queue.append(sub)
                }
            }
        }
        #expect(commands.count > 25)
        for command in commands {
            let wide = try cli.run(["help"] + command, in: CLIRunner.repo, environment: ["COLUMNS": "5000"]).stdout
            let prose = Self.discussion(wide)
            for (a, b) in zip(prose, prose.dropFirst()) where Self.isProse(a) && Self.isProse(b) {
                Issue.record("seleksi \(command.joined(separator: " ")): a paragraph broken by hand:\n\(a)\n\(b)")
            }
            let narrow = try cli.run(["help"] + command, in: CLIRunner.repo, environment: ["COLUMNS": "60"]).stdout
            for line in Self.discussion(narrow) where line.count > 60 && !line.hasPrefix("  ") {
                Issue.record("seleksi \(command.joined(separator: " ")): wider than 60 columns: \(line)")
            }
        }
    }

    /// The lines between the overview and the usage (the abstract and discussion).
    static func discussion(_ help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let usage = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }) else { return [] }
        return Array(lines[0..<usage])
    }

    /// A line of running text: not empty, not indented (an example or a list), not a list item.
    static func isProse(_ line: String) -> Bool {
        !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("- ") && !line.hasPrefix("OVERVIEW:")
    }
}
