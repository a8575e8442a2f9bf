import Foundation
import Testing

@Suite("seleksi document, as a user runs it")
struct DocumentCommandTests {
    @Test func listingTheFileSystemRootEndsQuicklyAndListsOnlyTemplates() throws {
        let cli = CLIRunner()
        let started = Date()
        let listed = try cli.run("document list --templates /")
        #expect(listed.status == 0)
        #expect(Date().timeIntervalSince(started) < 20)
        let shipped = try cli.run("document list")
        #expect(shipped.stdout.split(separator: "\n").contains("tutor_bantu/berita_acara"))
    }

    /// A simulated database holding one round of the demo workflow, #1.
    private func roundOnly() throws -> CLIRunner {
        let cli = CLIRunner()
        for line in ["init --simulation --now 2026-01-05T08:00",
                     "start demo_putaran --org upt-demo --as operator1 --now 2026-01-05T08:00"] {
            let r = try cli.run(line)
            guard r.status == 0 else { throw CLIRunner.SetupFailed(line: line, stderr: r.stderr) }
        }
        return cli
    }

    @Test func aDocumentForTheWrongKindOfInstanceIsRefusedWithExitOneAndNothingWritten() throws {
        let cli = try roundOnly()
        let out = cli.folder + "/dokumen"
        let refused = try cli.run(["document", "render", "1", "tutor_bantu/sk_tim", "--out", out])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("dibuat untuk instans alur tb_putaran"))
        #expect(!FileManager.default.fileExists(atPath: out + "/sk_tim-1.md"))
        let escape = try cli.run(["document", "render", "1", "../etc/passwd", "--out", out])
        #expect(escape.status == 2)
    }

    /// A misspelt template is named, with the templates there are, in the language asked for.
    @Test func aMisspeltTemplateIsNamedInTheUsersLanguageWithTheTemplatesThereAre() throws {
        let cli = try roundOnly()
        let out = cli.folder + "/dokumen"
        let indonesian = try cli.run(["document", "render", "1", "tutor_bantu/berita_acra", "--out", out])
        #expect(indonesian.status == 2)
        #expect(indonesian.stderr.contains("tidak ada templat 'tutor_bantu/berita_acra'"))
        #expect(indonesian.stderr.contains("templat yang ada: "))
        #expect(indonesian.stderr.contains("tutor_bantu/berita_acara"))
        let english = try cli.run(["document", "render", "1", "tutor_bantu/berita_acra", "--out", out, "--lang", "en"])
        #expect(english.status == 2)
        #expect(english.stderr.contains("no template 'tutor_bantu/berita_acra'"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
