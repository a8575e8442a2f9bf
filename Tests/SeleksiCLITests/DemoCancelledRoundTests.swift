import Foundation
import Testing

/// `seleksi demo` for a round that ends with nobody to score: with seed 5 the single applicant is found
/// ineligible. The ranking refuses to rank no one, and that refusal once ended the demo with exit 1.
@Suite("seleksi demo: a round with no applicant left to score")
struct DemoCancelledRoundTests {
    @Test func theHeadCancelsTheRoundAndTheDemoSaysSo() throws {
        let cli = CLIRunner()
        let args = ["demo", "--db", cli.folder + "/demo.sqlite", "--out", cli.folder + "/out", "--applicants", "1",
                    "--seed", "5", "--until", "kerja", "--root", CLIRunner.repo, "--replace"]
        let json = try cli.run(args + ["--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(summary["cancelled"] as? Bool == true)
        #expect(summary["stopped_before"] is NSNull)
        #expect(FileManager.default.fileExists(atPath: cli.folder + "/out/laporan.md"))

        let text = try cli.run(args)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("dibatalkan Kepala UPT: tidak ada pelamar yang tersisa untuk dinilai"))
        let round = try cli.run(["show", "1", "--db", cli.folder + "/demo.sqlite", "--json"])
        #expect(round.stdout.contains("\"dibatalkan\""), "\(round.stdout)")
    }
}
