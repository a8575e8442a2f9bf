import Foundation
import Testing

/// The commands of the new features as a user runs them: the guide's worked example, a vote, a diagram,
/// check in both languages.
@Suite("Guide, vote, diagram and check from the command line")
struct FeatureCLITests {
    /// docs/writing-a-process.md §1.5–1.6, on examples/embedding/process (run from the repository root).
    @Test func theGuidesLeaveRequestRunsAsWritten() throws {
        let cli = CLIRunner()
        let root = "examples/embedding/process"
        #expect(try cli.run(["check", "\(root)/forms", "\(root)/workflows", "--seed", "\(root)/seed"]).status == 0)
        #expect(try cli.run(["init", "--simulation", "--root", root, "--now", "2024-04-01T08:00"]).status == 0)
        #expect(
            try cli.run(["start", "cuti", "--org", "kantor", "--as", "pegawai1", "--now", "2024-04-01T09:00"]).status
                == 0)
        let answers = cli.folder + "/isian.json"
        try #"{"mulai": "2024-04-16", "hari_kerja": 3}"#.write(toFile: answers, atomically: true, encoding: .utf8)
        let valid = try cli.run(["form", "validate", "cuti_isian", answers, "--now", "2024-04-01T09:05"])
        #expect(valid.status == 0, "\(valid.stderr)")
        try #"{"mulai": "2024-04-10", "hari_kerja": 3}"#.write(
            toFile: cli.folder + "/lebaran.json", atomically: true, encoding: .utf8)
        let lebaran = try cli.run([
            "form", "validate", "cuti_isian", cli.folder + "/lebaran.json", "--now", "2024-04-01T09:05",
        ])
        #expect(lebaran.status != 0 && (lebaran.stdout + lebaran.stderr).contains("Cuti dimulai pada hari kerja"))
        #expect(
            try cli.run([
                "fire", "1", "ajukan", "--as", "pegawai1", "--form", "cuti_isian=\(answers)", "--now",
                "2024-04-01T09:10",
            ])
            .status == 0)
        let shown = try cli.run(["show", "1", "--json"])
        #expect(shown.stdout.contains(#""kembali":"2024-04-19""#), "\(shown.stdout)")
        #expect(try cli.run(["fire", "1", "setujui", "--as", "pegawai1", "--now", "2024-04-01T09:20"]).status == 1)
        #expect(try cli.run(["fire", "1", "setujui", "--as", "atasan1", "--now", "2024-04-01T10:00"]).status == 0)
        let out = cli.folder + "/dokumen"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let document = try cli.run([
            "document", "render", "1", "cuti/surat_izin", "--templates", "\(root)/templates", "--out", out,
            "--as", "atasan1", "--now", "2024-04-01T10:05",
        ])
        #expect(document.status == 0, "\(document.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        let markdown = try String(
            contentsOfFile: out + "/" + (files.first { $0.hasSuffix(".md") } ?? ""), encoding: .utf8)
        #expect(markdown.contains("kembali bekerja pada hari Jumat,\n19 April 2024"), "\(markdown)")
        #expect(try cli.run(["audit", "verify"]).status == 0)
    }

    @Test func aVoteIsCastChangedAndShownFromTheCommandLine() throws {
        let cli = CLIRunner()
        let root = cli.folder + "/proses"
        let files = [
            "workflows/rapat.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <workflow id="rapat" version="1" start-roles="anggota">
              <title lang="id">Rapat</title>
              <roles><role id="anggota"><label lang="id">Anggota</label></role></roles>
              <votes>
                <vote id="usul" roles="anggota" states="sidang" rule="majority" quorum="all" secret="true" choices="setuju tolak"/>
              </votes>
              <states>
                <state id="sidang" initial="true"><label lang="id">Sidang</label></state>
                <state id="diterima" final="true"><label lang="id">Diterima</label></state>
              </states>
              <transitions>
                <transition event="putuskan" from="sidang" to="diterima" roles="system" auto="true">
                  <guard test="votes.usul.result = 'setuju'"><message lang="id">Belum disetujui</message></guard>
                </transition>
              </transitions>
            </workflow>
            """,
            "seed/organisations.csv": "id,name,kind,parent\nkantor,Kantor (fiktif),kantor,\n",
            "seed/actors.csv":
                "id,name,nip,roles\nx1,X Satu (fiktif),,anggota@kantor\nx2,X Dua (fiktif),,anggota@kantor\n",
        ]
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root + "/forms", withIntermediateDirectories: true)
        #expect(try cli.run(["init", "--simulation", "--root", root, "--now", "2024-05-02T08:00"]).status == 0)
        #expect(
            try cli.run(["start", "rapat", "--org", "kantor", "--as", "x1", "--now", "2024-05-02T09:00"]).status == 0)
        let first = try cli.run(["vote", "1", "usul", "tolak", "--as", "x1", "--now", "2024-05-02T09:05"])
        #expect(
            first.status == 0 && first.stdout.contains("suara tercatat; 1 dari 2 suara untuk kuorum"),
            "\(first.stdout)\(first.stderr)")
        let secret = try cli.run(["show", "1", "--as", "x2", "--now", "2024-05-02T09:06"])
        #expect(secret.stdout.contains("perolehan dan suara tersembunyi sampai putaran ditutup"), "\(secret.stdout)")
        #expect(!secret.stdout.contains("tolak 1"))
        let wrong = try cli.run(["vote", "1", "usul", "mungkin", "--as", "x2", "--now", "2024-05-02T09:07"])
        #expect(wrong.status == 1 && wrong.stderr.contains("bukan pilihan"))
        #expect(try cli.run(["vote", "1", "usul", "setuju", "--as", "x2", "--now", "2024-05-02T09:08"]).status == 0)
        let changed = try cli.run([
            "vote", "1", "usul", "setuju", "--as", "x1", "--lang", "en", "--now", "2024-05-02T09:09",
        ])
        #expect(
            changed.stdout.contains("ballot changed") && changed.stdout.contains("→ state diterima"),
            "\(changed.stdout)")
        let open = try cli.run(["show", "1", "--now", "2024-05-02T09:10"])
        #expect(open.stdout.contains("setuju 2, tolak 0 → hasil: setuju"), "\(open.stdout)")
        #expect(try cli.run(["audit", "verify"]).status == 0)
    }

    @Test func diagramWritesMermaidAndDot() throws {
        let cli = CLIRunner()
        let mermaid = try cli.run(["diagram", "demo_pelamar"])
        #expect(mermaid.status == 0 && mermaid.stdout.contains("stateDiagram-v2"))
        let out = cli.folder + "/p.dot"
        #expect(try cli.run(["diagram", "tb_putaran", "--format", "dot", "--out", out, "--lang", "en"]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("digraph \"tb_putaran\""))
        let unknown = try cli.run(["diagram", "tidak_ada"])
        #expect(unknown.status == 2 && unknown.stderr.contains("tidak ada alur 'tidak_ada'"))
    }
}
