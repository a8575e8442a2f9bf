import Foundation
import Testing

/// Installed on the PATH, `seleksi` works from any folder: definitions come from `--root`,
/// `SELEKSI_ROOT`, or the copy the database keeps from `init`; templates from the project folder.
@Suite("seleksi from any folder")
struct AnyFolderTests {
    @Test func anInstalledCopyNeedsARootToInitAndThenWorksFromTheDatabase() throws {
        let cli = CLIRunner()
        let copy = try cli.installedCopy()
        let away = cli.elsewhere()
        let refused = try cli.run(["init", "--simulation"], in: away, binary: copy)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--root") && refused.stderr.contains("SELEKSI_ROOT"))
        #expect(
            try cli.run(
                ["init", "--simulation", "--root", CLIRunner.repo, "--now", "2026-01-05T08:00"], in: away, binary: copy
            ).status == 0)
        // Every command on the database reads what init stored, wherever it runs.
        let check = try cli.run(["check"], in: away, binary: copy)
        #expect(check.status == 0 && check.stdout.contains("tersimpan di"), "\(check.stderr)")
        let form = try cli.run(["form", "show", "tb_portofolio"], in: away, binary: copy)
        #expect(form.status == 0 && form.stdout.contains("Portofolio Peserta Seleksi"))
        let validate = try cli.run(
            ["form", "validate", "tb_kuota", CLIRunner.repo + "/examples/tutor_bantu/kuota.json"], in: away,
            binary: copy)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(
            try cli.run(
                ["start", "demo_putaran", "--org", "upt-demo", "--as", "operator1", "--now", "2026-01-05T09:00"],
                in: away, binary: copy
            ).status == 0)
        #expect(try cli.run(["report", "1"], in: away, binary: copy).status == 0)
        // Templates come from the project folder, named by SELEKSI_ROOT or --root.
        #expect(try cli.run(["document", "list"], in: away, binary: copy).status == 2)
        let listed = try cli.run(
            ["document", "list"], in: away, environment: ["SELEKSI_ROOT": CLIRunner.repo], binary: copy)
        #expect(listed.stdout.contains("tutor_bantu/sk_tim"))
        #expect(
            try cli.run(["document", "list", "--root", CLIRunner.repo], in: away, binary: copy).stdout.contains(
                "tutor_bantu/pks"))
    }

    @Test func theBuiltBinaryFindsTheProjectItWasBuiltInAndARootWithoutTheFoldersIsNamed() throws {
        let cli = CLIRunner()
        let away = cli.elsewhere()
        let built = try cli.run(["init", "--simulation", "--now", "2026-01-05T08:00"], in: away)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try cli.run(["document", "list"], in: away).stdout.contains("tutor_bantu/berita_acara"))
        let wrong = try cli.run(["check", "--root", away], in: away)
        #expect(wrong.status == 2 && wrong.stderr.contains("tidak berisi forms/"))
        let english = try cli.run(["check", "--root", away, "--lang", "en"], in: away)
        #expect(english.stderr.contains("holds no forms/"))
    }

    @Test func theDemoRunsFromAnotherFolderWithARoot() throws {
        let cli = CLIRunner()
        let copy = try cli.installedCopy()
        let away = cli.elsewhere()
        let r = try cli.run(
            [
                "demo", "--db", away + "/demo.sqlite", "--out", away + "/out", "--applicants", "20", "--root",
                CLIRunner.repo, "--json",
            ],
            in: away, binary: copy)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: away + "/out/laporan.html"))
        let again = try cli.run(
            [
                "demo", "--db", away + "/demo.sqlite", "--out", away + "/out", "--applicants", "20", "--root",
                CLIRunner.repo,
            ],
            in: away, binary: copy)
        #expect(again.status == 2 && again.stderr.contains("--replace"))
    }
}
