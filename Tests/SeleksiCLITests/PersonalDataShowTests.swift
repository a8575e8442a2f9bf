import Foundation
import Testing

/// `seleksi show` keeps personal data off the screen and out of its JSON unless asked for
/// (`--with-personal-data`): a screen shared in a meeting or a JSON pasted into a chat does not spread an
/// applicant's NIK or phone number. The stored answers are untouched. All data synthetic.
@Suite("Personal data is shown only when asked for")
struct PersonalDataShowTests {
    func applied() throws -> CLIRunner {
        let cli = CLIRunner()
        for line in [
            "init --simulation --now 2026-01-05T08:00",
            "start demo_putaran --org upt-demo --as operator1 --now 2026-01-05T08:10",
            "fire 1 buka --as operator1 --now 2026-01-05T08:20",
            "start demo_pelamar --org skb-demo --as pelamar1 --parent 1 --now 2026-01-05T08:30",
            "submit 2 demo_pendaftaran examples/demo/isian_pelamar.json --as pelamar1 --now 2026-01-05T08:40",
        ] {
            let r = try cli.run(line)
            guard r.status == 0 else { throw CLIRunner.SetupFailed(line: line, stderr: r.stderr) }
        }
        return cli
    }

    @Test func showMasksTheNIKAndPhoneInTextAndJSON() throws {
        let cli = try applied()
        for line in ["show 2 --json", "show 2 --form demo_pendaftaran", "show 2"] {
            let r = try cli.run(line)
            #expect(r.status == 0, "\(line): \(r.stderr)")
            #expect(!r.stdout.contains("3273017107900001"), "\(line) printed the NIK")
            #expect(!r.stdout.contains("3456"), "\(line) printed the phone number")
        }
        let masked = try cli.run("show 2 --json").stdout
        #expect(masked.contains("\"nik\":\"[data pribadi]\""), "\(masked)")
        #expect(masked.contains("Dewi Lestari Contoh"), "the name is not personal data: the record names its people")
    }

    @Test func withPersonalDataShowsTheStoredAnswers() throws {
        let cli = try applied()
        let r = try cli.run("show 2 --json --with-personal-data")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("3273017107900001"))
        // Masking is a view: the log still verifies and the stored data is the submitted one.
        #expect(try cli.run("audit verify").status == 0)
    }
}
