import Foundation
import Testing

/// PPDB from the command line: the by-hand run of examples/ppdb/README.md exactly as written, and
/// `seleksi demo --process ppdb` (documents, report, audit, the same result for the same seed).
@Suite("PPDB from the command line")
struct PPDBCLITests {
    /// The README's shell block, run by bash with the built `seleksi` first on the PATH, from the
    /// repository root, on a fresh database; its documents go to the runner's folder.
    @Test func theExamplesReadmeRunsAsWritten() throws {
        let cli = CLIRunner()
        let readme = try String(contentsOfFile: CLIRunner.repo + "/examples/ppdb/README.md", encoding: .utf8)
        guard let start = readme.range(of: "```sh\n"), let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex) else {
            Issue.record("no shell block in examples/ppdb/README.md")
            return
        }
        let documents = cli.folder + "/dokumen"
        let script = String(readme[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "/tmp/ppdb-dokumen", with: documents)
            .replacingOccurrences(of: "/tmp/ppdb.sqlite", with: cli.db)
        try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-e", "-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: CLIRunner.repo)
        var env = ProcessInfo.processInfo.environment
        env["SELEKSI_DB"] = cli.db
        env["PATH"] = (CLIRunner.binary as NSString).deletingLastPathComponent + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output.suffix(3000))")
        #expect(output.contains("diterima → peserta_didik"))
        #expect(output.contains("daftar_ulang → selesai"))
        let announcement = try String(contentsOfFile: documents + "/pengumuman_hasil-1.md", encoding: .utf8)
        #expect(announcement.contains("Anak Contoh Satu (fiktif)"))
        // The other example applications pass their form's rules.
        for file in ["pendaftaran_smp_afirmasi", "pendaftaran_smp_prestasi"] {
            let valid = try cli.run(["form", "validate", "ppdb_pendaftaran", "examples/ppdb/\(file).json", "--now", "2024-06-04T09:00"])
            #expect(valid.status == 0, "\(file): \(valid.stdout) \(valid.stderr)")
        }
    }

    @Test func theDemoRunsADistrictAndIsTheSameForTheSameSeed() throws {
        let cli = CLIRunner()
        func demo(_ name: String) throws -> (CLIRunner.Output, String) {
            let out = cli.folder + "/\(name)"
            let result = try cli.run(["demo", "--process", "ppdb", "--applicants", "160", "--seed", "11",
                                      "--db", cli.folder + "/\(name).sqlite", "--out", out])
            return (result, out)
        }
        let (first, out) = try demo("a")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Log audit utuh"))
        for file in ["dokumen/pengumuman_pendaftaran-1.html", "dokumen/pengumuman_hasil-1.html", "laporan.md"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
        let report = try String(contentsOfFile: out + "/laporan.md", encoding: .utf8)
        #expect(report.contains("| SMP Negeri Contoh 1 (fiktif) | 64 | zonasi | 32 |"))
        #expect(report.contains("peserta_didik"))
        let verified = try cli.run(["audit", "verify", "--db", cli.folder + "/a.sqlite"])
        #expect(verified.status == 0 && verified.stdout.hasPrefix("ok"))
        let (second, again) = try demo("b")
        #expect(second.status == 0)
        #expect(try String(contentsOfFile: again + "/laporan.md", encoding: .utf8) == report)
    }

    @Test func theDiagramsDrawBothWorkflows() throws {
        let cli = CLIRunner()
        let round = try cli.run(["diagram", "ppdb_putaran"])
        #expect(round.status == 0 && round.stdout.contains("seleksi_prestasi"))
        let application = try cli.run(["diagram", "ppdb_pendaftar", "--format", "dot"])
        #expect(application.status == 0 && application.stdout.contains("salurkan_luar_zona"))
    }
}
