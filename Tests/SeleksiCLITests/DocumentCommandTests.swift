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

    @Test func aDocumentForTheWrongKindOfInstanceIsRefusedWithExitOneAndNothingWritten() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation --now 2026-01-05T08:00").status == 0)
        #expect(try cli.run("start demo_putaran --org upt-demo --as operator1 --now 2026-01-05T08:00").status == 0)
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
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation --now 2026-01-05T08:00").status == 0)
        #expect(try cli.run("start demo_putaran --org upt-demo --as operator1 --now 2026-01-05T08:00").status == 0)
        let out = cli.folder + "/dokumen"
        let indonesian = try cli.run(["document", "render", "1", "tutor_bantu/berita_acra", "--out", out])
        #expect(indonesian.status == 2)
        #expect(indonesian.stderr.contains("tidak ada templat 'tutor_bantu/berita_acra'"))
        #expect(indonesian.stderr.contains("templat yang ada: ") && indonesian.stderr.contains("tutor_bantu/berita_acara"))
        let english = try cli.run(["document", "render", "1", "tutor_bantu/berita_acra", "--out", out, "--lang", "en"])
        #expect(english.status == 2)
        #expect(english.stderr.contains("no template 'tutor_bantu/berita_acra'"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
