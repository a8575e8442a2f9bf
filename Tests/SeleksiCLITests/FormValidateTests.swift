import Foundation
import Testing

/// `seleksi form validate` on answer files: the seed's reference tables, choices by label, and the
/// numbers and dates that are refused. All data synthetic.
@Suite("Checking an answer file against its form")
struct FormValidateTests {
    func write(_ cli: CLIRunner, _ name: String, _ json: String) throws -> String {
        let path = cli.file(name)
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func thePortfolioExampleValidatesWithTheSeedsReferenceTables() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let r = try cli.run("form validate tb_portofolio examples/tutor_bantu/portofolio.json --now 2019-06-11 --json")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("\"tingkat_pendidikan\":5"), "calculated from tutor_bantu/jenjang_pendidikan")
        #expect(r.stdout.contains("\"valid\":true"))
    }

    @Test func choicesInAnswerFilesMayBeGivenByTheirLabels() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let file = try write(
            cli, "label.json",
            """
            {"nama": "Dewi Contoh (fiktif)", "tanggal_lahir": "1990-07-31", "nik": "6371017107909001",
             "jenis_kelamin": " PEREMPUAN ", "email": "dewi@contoh.id", "telepon": "081200001111", "punya_npwp": false,
             "ipk": 3.5, "bidang": "paud, Kursus dan Pelatihan",
             "pendidikan": [{"jenjang": "Sarjana (S1/D4)", "institusi": "Universitas Contoh", "tahun_lulus": 2012}],
             "ijazah": "examples/demo/ijazah-contoh.txt"}
            """)
        let r = try cli.run(["form", "validate", "demo_pendaftaran", file, "--now", "2019-06-11", "--json"])
        #expect(r.status == 0, "\(r.stdout)")
        for part in ["\"jenis_kelamin\":\"P\"", "\"bidang\":[\"paud\",\"kursus\"]", "\"jenjang\":\"S1\""] {
            #expect(r.stdout.contains(part), "\(part)")
        }
    }

    @Test func hugeNumbersSignedDatesAndImplausibleYearsAreRefusedWithTheirPaths() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let file = try write(
            cli, "salah.json",
            """
            {"nama": "Dewi Contoh (fiktif)", "tanggal_lahir": "+123-01-01", "nik": "6371017107909001",
             "jenis_kelamin": "P", "email": "dewi@contoh.id", "telepon": "081200001111", "punya_npwp": false,
             "honor_diharapkan": 1e300, "ipk": 1e300, "bidang": ["paud"],
             "pendidikan": [{"jenjang": "S1", "institusi": "Universitas Contoh", "tahun_lulus": 99999999999999999999}],
             "pengalaman": [{"lembaga": "KB Contoh", "mulai": "1990-+7-31", "selesai": "1899-12-31"}],
             "ijazah": "examples/demo/ijazah-contoh.txt"}
            """)
        let r = try cli.run(["form", "validate", "demo_pendaftaran", file, "--now", "2019-06-11"])
        // Answers the form refuses are refused by its rules: 1, as `fire` with them is.
        #expect(r.status == 1)
        for line in [
            "tanggal_lahir: '+123-01-01' bukan tanggal; tulis TTTT-BB-HH, mis. 1990-07-31",
            "honor_diharapkan: angka terlalu besar",
            "ipk: angka terlalu besar",
            "pendidikan[1].tahun_lulus: angka terlalu besar",
            "pengalaman[1].mulai: '1990-+7-31' bukan tanggal",
            "pengalaman[1].selesai: tahun 1899 di luar rentang yang wajar (1900 s.d. 2119)",
        ] {
            #expect(r.stderr.contains("\(file): \(line)"), "\(line)\n\(r.stderr)")
        }
    }

    @Test func aSexThatContradictsTheNIKIsRefusedOnTheSexField() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let example = try String(contentsOfFile: CLIRunner.repo + "/examples/tutor_bantu/portofolio.json", encoding: .utf8)
        // The example's NIK 637101 710790 9001 has day 71 = 31 + 40: a woman born on 31 July 1990.
        #expect(example.contains("\"jenis_kelamin\": \"P\""))
        let file = try write(cli, "laki.json", example.replacingOccurrences(of: "\"jenis_kelamin\": \"P\"", with: "\"jenis_kelamin\": \"L\""))
        let r = try cli.run(["form", "validate", "tb_portofolio", file, "--now", "2019-06-11"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file): jenis_kelamin: Jenis kelamin tidak sesuai NIK"), "\(r.stderr)")
        let right = try cli.run(["form", "validate", "tb_portofolio", "examples/tutor_bantu/portofolio.json", "--now", "2019-06-11"])
        #expect(right.status == 0, "\(right.stderr)")
    }
}
