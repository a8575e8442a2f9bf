import Foundation
import Testing

@Suite("The CLI as a user runs it")
struct WalkthroughTests {
    @Test func checkPassesOnTheRepositoryAndFailsOnABrokenFileWithFileAndLine() throws {
        let cli = CLIRunner()
        let ok = try cli.run("check")
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("ok: "))
        let broken = cli.folder + "/rusak.xml"
        try "<?xml version=\"1.0\"?>\n<form id=\"r\" version=\"1\">\n  <title lang=\"id\">R</title>\n  <field id=\"a\" type=\"integer\" calculate=\"b +\"><label lang=\"id\">A</label></field>\n</form>\n"
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let bad = try cli.run(["check", broken])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(broken):4: kesalahan: perhitungan kolom 'a': seharusnya sebuah nilai"))
        let english = try cli.run(["check", broken, "--lang", "en"])
        #expect(english.status == 2)
        #expect(english.stderr.contains("\(broken):4: error: calculate of field 'a': expected a value but found the end"))
    }

    @Test func theWalkThroughOfTheReadmeWorksAndEveryRefusalHasItsExitCode() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation --now 2026-01-05T08:00").status == 0)
        #expect(try cli.run("start demo_putaran --org upt-demo --as operator1 --now 2026-01-05T08:00").stdout
                == "#1 Operator Satu (fiktif), BP PAUD dan Dikmas Contoh (demo) demo_putaran: status persiapan\n")
        #expect(try cli.run("fire 1 buka --as operator1 --now 2026-01-05T09:00").status == 0)
        #expect(try cli.run("start demo_pelamar --org skb-demo --as pelamar1 --parent 1 --now 2026-01-06T09:00").status == 0)
        let invalid = try cli.run("fire 2 ajukan --as pelamar1 --form demo_pendaftaran=examples/demo/isian_salah.json --now 2026-01-07T09:00")
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("demo_pendaftaran.email: 'bukan-surel' bukan alamat surel"))
        #expect(try cli.run("fire 2 ajukan --as pelamar1 --form demo_pendaftaran=examples/demo/isian_pelamar.json --now 2026-01-07T09:00").status == 0)
        let wrong = try cli.run("fire 2 nilai --as penilai1 --lang en --now 2026-01-07T10:00")
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("allowed: verifikasi, tolak, tarik"))
        let show = try cli.run("show 2 --json")
        #expect(show.stdout.contains("\"state\":\"diajukan\""))
        #expect(try cli.run("audit verify").status == 0)
        let history = try cli.run("history 2 --json")
        #expect(history.stdout.contains("refused:invalid-submission"))
        #expect(history.stdout.contains("refused:not-allowed-in-state"))
    }

    @Test func aMissingDatabaseExitsWith3AndSaysHowToCreateOne() throws {
        let cli = CLIRunner()
        let r = try cli.run("list")
        #expect(r.status == 3)
        #expect(r.stderr.contains("seleksi init"))
    }

    @Test func fillingAFormAtTheTerminalReasksAnInvalidAnswer() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        // Score sheet, as a rater: the first education score is out of range and is asked again.
        // Then the review: `ya` saves.
        let answers = ["45", "25", "30", "20", "Lengkap", "ya"].joined(separator: "\n") + "\n"
        let out = cli.folder + "/skor.json"
        let r = try cli.run(["form", "fill", "demo_penilaian", "--rater", "--out", out], input: answers)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("✗ Skor pendidikan 0–30"))
        #expect(r.stdout.contains("total                        Jumlah skor: 75"))
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.contains("\"skor_pendidikan\":25"))
        let check = try cli.run(["form", "validate", "demo_penilaian", out, "--rater"])
        #expect(check.status == 0)
    }

    @Test func inputThatEndsEarlyWritesNothing() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let out = cli.folder + "/isian.json"
        let r = try cli.run(["form", "fill", "demo_pendaftaran", "--out", out], input: "Nama Contoh\n")
        #expect(r.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
