import Foundation
import Testing

/// The PKS process as a user runs it: by hand from the example answers, its documents (escaped), every
/// form rule listed at once, its diagram, and `seleksi demo --process pks`.
@Suite("PKS from the command line")
struct PKSCLITests {
    static let examples = CLIRunner.repo + "/examples/pks/"

    /// Two fictitious offices and their heads on a new simulation database.
    func world() throws -> CLIRunner {
        let cli = CLIRunner()
        for line in [
            "init --simulation --now 2025-04-28T08:00",
            "org add dinas-contoh --name Dinas --kind dinas --now 2025-04-28T08:01",
            "org add balai-contoh --name Balai --kind balai --now 2025-04-28T08:02",
            "actor add operator-dinas --name Operator --now 2025-04-28T08:03",
            "actor add kepala-dinas --name KepalaDinas --now 2025-04-28T08:04",
            "actor add kepala-balai --name KepalaBalai --now 2025-04-28T08:05",
            "actor grant operator-dinas operator --org dinas-contoh --now 2025-04-28T08:06",
            "actor grant kepala-dinas kepala --org dinas-contoh --now 2025-04-28T08:07",
            "actor grant kepala-balai kepala --org balai-contoh --now 2025-04-28T08:08",
        ] {
            let r = try cli.run(line)
            #expect(r.status == 0, "\(line): \(r.stderr)")
        }
        return cli
    }

    @Test func theStatedTotalIsRefusedByFormValidateAndFireAlike() throws {
        let cli = try world()
        let validate = try cli.run([
            "form", "validate", "pks_rancangan", Self.examples + "rancangan_000_seperti_tertulis.json", "--now",
            "2025-04-30T08:00",
        ])
        #expect(validate.status == 1)
        #expect(
            validate.stderr.contains(
                "Total biaya tertulis Rp155.915.000 tidak sama dengan 43 × Rp3.625.930 = Rp155.914.990"))
        #expect(try cli.run("start pks --org dinas-contoh --as operator-dinas --now 2025-04-30T08:10").status == 0)
        let fire = try cli.run([
            "fire", "1", "ajukan", "--as", "operator-dinas", "--form",
            "pks_rancangan=" + Self.examples + "rancangan_000_seperti_tertulis.json", "--now", "2025-04-30T08:20",
            "--lang", "en",
        ])
        #expect(fire.status == 1)
        #expect(fire.stderr.contains("The stated total Rp155.915.000 is not 43 × Rp3.625.930 = Rp155.914.990"))
        for example in [
            "rancangan_000", "rancangan_003", "rancangan_format1", "addendum_perpanjangan", "kahar", "pengakhiran",
        ] {
            let form =
                example.hasPrefix("rancangan")
                ? "pks_rancangan"
                : example.hasPrefix("addendum")
                    ? "pks_addendum"
                    : example == "kahar" ? "pks_kahar" : "pks_pengakhiran"
            let r = try cli.run([
                "form", "validate", form, Self.examples + example + ".json", "--now", "2023-06-01T08:00",
            ])
            #expect(r.status == 0, "\(example): \(r.stderr)")
        }
    }

    @Test func everyFormRuleIsListedAtOnce() throws {
        let cli = try world()
        var draft =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Self.examples + "rancangan_003.json"))) as! [String: Any]
        draft["jangka_bulan"] = 0
        draft["perpanjangan_bulan"] = 30
        draft["pengakhiran_bulan"] = -1
        draft["kahar_awal_hari"] = 20
        draft["kahar_tertulis_hari"] = 400
        draft["pembiayaan"] = "per_peserta"
        draft["jumlah_peserta"] = 0
        draft["biaya_per_peserta"] = 0
        draft["biaya_total"] = 1
        draft.removeValue(forKey: "kahar_awal_satuan")
        let path = cli.folder + "/salah.json"
        try JSONSerialization.data(withJSONObject: draft).write(to: URL(fileURLWithPath: path))
        let r = try cli.run(["form", "validate", "pks_rancangan", path, "--now", "2025-04-30T08:00"])
        #expect(r.status == 1)
        for expected in [
            "jangka_bulan: Lama berlaku 1 sampai 600 bulan", "perpanjangan_bulan: 0 sampai 24 bulan",
            "pengakhiran_bulan: 0 sampai 24 bulan", "kahar_tertulis_hari: 1 sampai 365",
            "jumlah_peserta: Sedikitnya satu peserta", "biaya_per_peserta: Biaya per peserta harus lebih dari nol",
            "biaya_total: Total biaya tertulis Rp1 tidak sama dengan 0 × Rp0 = Rp0",
            "kahar_awal_satuan: wajib diisi",
        ] {
            #expect(r.stderr.contains(expected), "\(expected)\n\(r.stderr)")
        }
        draft["kahar_tertulis_hari"] = 14
        try JSONSerialization.data(withJSONObject: draft).write(to: URL(fileURLWithPath: path))
        let shorter = try cli.run(["form", "validate", "pks_rancangan", path, "--now", "2025-04-30T08:00"])
        #expect(
            shorter.stderr.contains(
                "Tenggat pemberitahuan tertulis (14) tidak boleh lebih pendek dari tenggat pemberitahuan pertama (20)"))

        let notices: [(String, String, [String])] = [
            (
                "pks_kahar",
                #"{"tanggal_kejadian":"2025-05-10","jenis":"wabah","uraian":"x","perkiraan_pulih":"2025-05-01"}"#,
                [
                    "Tanggal kejadian 2025-05-10 belum lewat (hari ini 2025-04-30)",
                    "Perkiraan pulih tidak boleh sebelum kejadian",
                ]
            ),
            (
                "pks_pengakhiran",
                #"{"nomor_surat":"1","alasan":"wanprestasi","uraian":"x","tanggal_berakhir":"2025-04-01"}"#,
                ["Tanggal berakhir yang dikehendaki (2025-04-01) sudah lewat"]
            ),
            (
                "pks_addendum",
                #"{"perihal":"perpanjangan","nomor_pihak_kesatu":"1","nomor_pihak_kedua":"2","ubah":[{"pasal":"6","isi":"x"}]}"#,
                ["akhir_baru: wajib diisi"]
            ),
        ]
        for (form, json, messages) in notices {
            let file = cli.folder + "/\(form).json"
            try json.write(toFile: file, atomically: true, encoding: .utf8)
            let result = try cli.run(["form", "validate", form, file, "--now", "2025-04-30T08:00"])
            #expect(result.status == 1)
            for m in messages { #expect(result.stderr.contains(m), "\(form): \(m)\n\(result.stderr)") }
        }
    }

    @Test func anAgreementByHandRendersEscapedDocuments() throws {
        let cli = try world()
        var draft =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Self.examples + "rancangan_000.json"))) as! [String: Any]
        draft["tentang"] = "Bimtek <script>alert(1)</script> & **tebal** {{vars.akhir}}"
        draft["pasal"] = [["judul": "UJI <b>", "isi": "[tautan](javascript:alert(1)) <img src=x onerror=alert(1)>"]]
        let path = cli.folder + "/rancangan.json"
        try JSONSerialization.data(withJSONObject: draft).write(to: URL(fileURLWithPath: path))
        for line in [
            ["start", "pks", "--org", "dinas-contoh", "--as", "operator-dinas", "--now", "2025-04-30T08:00"],
            [
                "fire", "1", "ajukan", "--as", "operator-dinas", "--form", "pks_rancangan=" + path, "--now",
                "2025-04-30T09:00",
            ],
            ["fire", "1", "tanda_tangan", "--as", "kepala-balai", "--now", "2025-05-02T09:00"],
            ["fire", "1", "tanda_tangan", "--as", "kepala-dinas", "--now", "2025-05-02T10:00"],
            [
                "document", "render", "1", "pks/perjanjian", "--out", cli.folder + "/dokumen", "--now",
                "2025-05-02T11:00",
            ],
        ] {
            let r = try cli.run(line)
            #expect(r.status == 0, "\(line): \(r.stderr)")
        }
        let html = try String(contentsOfFile: cli.folder + "/dokumen/perjanjian-1.html", encoding: .utf8)
        #expect(!html.contains("<script>alert") && !html.contains("<img src=x") && !html.contains("<b>"))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("{{vars.akhir}}"))  // data is never read as a template
        #expect(
            html.contains(
                "Rp155.914.990 (Seratus lima puluh lima juta sembilan ratus empat belas ribu sembilan ratus sembilan puluh rupiah)"
            ))
        #expect(html.contains("sampai dengan tanggal 1 Mei 2026"))
        // A document whose step has not come yet says what is missing.
        let early = try cli.run([
            "document", "render", "1", "pks/addendum", "--out", cli.folder + "/dokumen", "--now", "2025-05-02T11:10",
        ])
        #expect(early.status != 0)
        #expect(early.stderr.contains("tanda_tangan_addendum"))
    }

    @Test func theDiagramDrawsEveryStateAndTheDemoRunsBothAgreements() throws {
        let cli = CLIRunner()
        let diagram = try cli.run("diagram pks --format dot")
        #expect(diagram.status == 0)
        for state in [
            "draf", "berlaku", "masa_akhir", "kahar_diberitahukan", "ditangguhkan", "akan_berakhir", "berakhir",
            "diakhiri",
        ] {
            #expect(diagram.stdout.contains("s_\(state)") || diagram.stdout.contains("\"\(state)\""), "\(state)")
        }
        let db = cli.folder + "/pks.sqlite"
        let demo = try cli.run(["demo", "--process", "pks", "--db", db, "--out", cli.folder + "/out", "--json"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(demo.stdout.utf8)) as! [String: Any]
        let agreements = summary["agreements"] as! [[String: Any]]
        #expect(agreements.map { $0["state"] as! String } == ["diakhiri", "berakhir"])
        #expect(
            (summary["amount_refusal"] as! String).contains(
                "Rp155.915.000 tidak sama dengan 43 × Rp3.625.930 = Rp155.914.990"))
        let documents = summary["documents"] as! [String]
        #expect(
            documents.map { ($0 as NSString).lastPathComponent } == [
                "perjanjian-1.html", "pemberitahuan_kahar-1.html", "pemberitahuan_pengakhiran-1.html",
                "perjanjian-2.html",
                "addendum-2.html",
            ])
        for d in documents { #expect(FileManager.default.fileExists(atPath: d)) }
        let verify = try cli.run(["audit", "verify", "--db", db])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok"))
        // The Tutor Bantu round's own options mean nothing here: a usage error, not silence.
        let until = try cli.run(["demo", "--process", "pks", "--until", "penilaian", "--db", cli.folder + "/x.sqlite"])
        #expect(until.status == 64)
    }

    /// docs/processes/pks.md's "Running it" block runs as written, so the page and the process cannot
    /// drift apart: every command succeeds except the validation of the total as seed 000 states it.
    @Test func theProcessPagesCommandsRunAsWritten() throws {
        let page = try String(contentsOfFile: CLIRunner.repo + "/docs/processes/pks.md", encoding: .utf8)
        let section = try #require(page.range(of: "## Running it"))
        let open = try #require(page.range(of: "```sh\n", range: section.upperBound..<page.endIndex))
        let close = try #require(page.range(of: "\n```", range: open.upperBound..<page.endIndex))
        let cli = CLIRunner()
        var ran = 0
        for line in page[open.upperBound..<close.lowerBound].split(separator: "\n") {
            let words = ByHandRoundTests.shellWords(line.trimmingCharacters(in: .whitespaces))
            guard words.first == "seleksi" else { continue }
            let args = words.dropFirst().map { $0.hasPrefix("/tmp/") ? cli.folder + "/" + $0.dropFirst(5) : $0 }
            let r = try cli.run(Array(args))
            let expected: Int32 = args.contains("examples/pks/rancangan_000_seperti_tertulis.json") ? 1 : 0
            #expect(r.status == expected, "seleksi \(args.joined(separator: " ")) → exit \(r.status)\n\(r.stderr)")
            ran += 1
        }
        #expect(ran >= 18)
        #expect(try cli.run("show 1 --json").stdout.contains("\"state\":\"berakhir\""))
        #expect(FileManager.default.fileExists(atPath: cli.folder + "/pks-dokumen/perjanjian-1.html"))
    }
}
