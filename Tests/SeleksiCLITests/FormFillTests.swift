import Foundation
import Testing

/// `seleksi form fill` driven through standard input, as an applicant (or a script) would type, for every
/// form an applicant fills: `tb_portofolio` and `tb_pernyataan` (tb_pelamar's `ajukan`) and
/// `demo_pendaftaran` (demo_pelamar's `ajukan`). All people and numbers are synthetic.
@Suite("Filling the applicant's forms at the terminal")
struct FormFillTests {
    @Test func aNIKTypedBeforeAMatchingBirthDateIsAcceptedAndTheFilledFormsAreSubmitted() throws {
        let cli = CLIRunner()
        try cli.openTutorBantuRound()
        let portfolio = cli.file("portofolio.json")
        let input = Typed.portfolioHead + ["31-07-1990", "1990-07-31"] + Typed.portfolioTail + ["ya"]
        let r = try cli.fill("tb_portofolio", out: portfolio, input: Typed.lines(input))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("✗ '31-07-1990' ditulis hari lebih dahulu; tulis TTTT-BB-HH, yaitu 1990-07-31"))
        #expect(!r.stdout.contains("Tanggal lahir dalam NIK"), "a NIK matching the birth date is not asked again")
        #expect(r.stdout.contains("── Periksa isian sebelum disimpan (tb_portofolio) ──"))
        #expect(r.stdout.contains("Program yang dilamar: Pendidik PAUD (paud)"))
        #expect(r.stdout.contains("pengalaman[1]"))
        #expect(r.stdout.hasSuffix("isian ditulis ke \(portfolio)\n"))
        let written = try #require(cli.contents(portfolio))
        for part in [
            "\"program\":\"paud\"", "\"jenis_kelamin\":\"P\"", "\"pendidikan_terakhir\":\"S1\"",
            "\"nik\":\"\(Typed.nik)\"",
            "\"tanggal_lahir\":\"1990-07-31\"", "\"telepon\":\"+6281200001111\"", "ktp-contoh.txt\"",
        ] {
            #expect(written.contains(part), "\(part) in \(written)")
        }
        #expect(!written.contains("tingkat_pendidikan"), "calculated fields are left to the engine")

        let statement = cli.file("pernyataan.json")
        let s = try cli.fill("tb_pernyataan", out: statement, input: Typed.lines(Typed.statement + ["ya"]))
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.stdout.contains("✗ '11/06/2019' ditulis hari lebih dahulu; tulis TTTT-BB-HH, yaitu 2019-06-11"))
        #expect(cli.contents(statement)?.contains("\"tanggal\":\"2019-06-11\"") == true)

        #expect(try cli.run(["form", "validate", "tb_portofolio", portfolio, "--now", "2019-06-11"]).status == 0)
        #expect(try cli.run(["form", "validate", "tb_pernyataan", statement, "--now", "2019-06-11"]).status == 0)
        let submitted = try cli.run([
            "fire", "2", "ajukan", "--as", "pelamar1", "--now", "2019-06-11T10:00",
            "--form", "tb_portofolio=\(portfolio)", "--form", "tb_pernyataan=\(statement)",
        ])
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let shown = try cli.run(["show", "2", "--json"])
        #expect(shown.stdout.contains("\"state\":\"diajukan\""))
        #expect(shown.stdout.contains("\"usulan_kelayakan\":\"memenuhi\""))
    }

    @Test func aBirthDateContradictingTheNIKAsksTheNIKAgainThenTheBirthDate() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let out = cli.file("portofolio.json")
        // 1991 contradicts the NIK's 90; the NIK is kept (Enter), so the birth date is asked again.
        let input = Typed.portfolioHead + ["1991-07-31", "", "1990-07-31"] + Typed.portfolioTail + ["ya"]
        let r = try cli.fill("tb_portofolio", out: out, input: Typed.lines(input))
        #expect(r.status == 0, "\(r.stderr)")
        let mismatch = "✗ nik: Tanggal lahir dalam NIK (digit 7–12) tidak sama dengan tanggal lahir yang diisi"
        #expect(r.stdout.components(separatedBy: mismatch).count == 2, "reported once:\n\(r.stdout)")
        #expect(r.stdout.contains("NIK * (NIK 16 angka) [sekarang: \(Typed.nik); Enter = tetap]: "))
        #expect(
            r.stdout.contains("Tanggal lahir * (TTTT-BB-HH, mis. 1990-07-31) [sekarang: 1991-07-31; Enter = tetap]: "))
        #expect(cli.contents(out)?.contains("\"tanggal_lahir\":\"1990-07-31\"") == true)
    }

    @Test func theDemoRegistrationTakesLabelsAndNumbersAndAsksAWrongNIKAgain() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation --now 2026-01-05T08:00").status == 0)
        let out = cli.file("isian.json")
        let input = [
            "Dewi Contoh (fiktif)", "1990-07-31",
            "6371017107919001", "6371017107909001",  // a NIK of 1991, then the right one
            "2", "dewi@contoh.id", "+62 812 0000 1111", "ya", "01.234.567.8-901.000", "Rp1.500.000",
            "nan", "3,45",  // not a number, then a decimal comma
            "PAUD, 4",  // a label and a number
            "sarjana (s1/d4)", "Universitas Contoh", "1e300", "99999999999999999999", "2012", "tidak",
            "ya", "KB Mawar (fiktif)", "2013-01-07", "2016-06-30", "tidak",
            "examples/demo/ijazah-contoh.txt", "ya",
        ]
        let r = try cli.fill("demo_pendaftaran", out: out, input: Typed.lines(input))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.contains("✗ nik: Tanggal lahir dalam NIK (digit 7–12) tidak sama dengan tanggal lahir yang diisi"))
        #expect(r.stdout.contains("✗ 'nan' bukan angka; tulis mis. 3,5 atau 12"))
        #expect(r.stdout.contains("✗ '1e300' bukan bilangan bulat; tulis angka tanpa titik atau koma, mis. 12"))
        #expect(r.stdout.contains("✗ angka terlalu besar: paling besar 9.007.199.254.740.991, positif atau negatif"))
        #expect(r.stdout.contains("    1) L — Laki-laki"))
        #expect(!r.stdout.contains("Catatan verifikator"), "a rater's field is not asked of the applicant")
        let written = try #require(cli.contents(out))
        for part in [
            "\"bidang\":[\"paud\",\"kursus\"]", "\"ipk\":3.45", "\"honor_diharapkan\":1500000",
            "\"jenis_kelamin\":\"P\"",
            "\"nik\":\"6371017107909001\"",
            "{\"institusi\":\"Universitas Contoh\",\"jenjang\":\"S1\",\"tahun_lulus\":2012}",
        ] {
            #expect(written.contains(part), "\(part) in \(written)")
        }
        #expect(try cli.run(["form", "validate", "demo_pendaftaran", out]).status == 0)
        #expect(try cli.run("start demo_putaran --org upt-demo --as operator1 --now 2026-01-05T08:00").status == 0)
        #expect(try cli.run("fire 1 buka --as operator1 --now 2026-01-05T09:00").status == 0)
        #expect(
            try cli.run("start demo_pelamar --org skb-demo --as pelamar1 --parent 1 --now 2026-01-06T09:00").status == 0
        )
        let submitted = try cli.run([
            "fire", "2", "ajukan", "--as", "pelamar1", "--form", "demo_pendaftaran=\(out)", "--now", "2026-01-07T09:00",
        ])
        #expect(submitted.status == 0, "\(submitted.stderr)")
    }

    @Test func inputEndingAtTheReviewWritesNothingAndExits2() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let out = cli.file("portofolio.json")
        let r = try cli.fill(
            "tb_portofolio", out: out, input: Typed.lines(Typed.portfolioHead + ["1990-07-31"] + Typed.portfolioTail))
        #expect(r.status == 2)
        #expect(r.stdout.contains("── Periksa isian sebelum disimpan (tb_portofolio) ──"))
        #expect(r.stderr == "masukan berakhir sebelum isian lengkap dan dikonfirmasi; tidak ada yang ditulis\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func cancellingAtTheReviewOrAtAQuestionWritesNothing() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let out = cli.file("pernyataan.json")
        let atReview = try cli.fill("tb_pernyataan", out: out, input: Typed.lines(Typed.statement + ["batal"]))
        #expect(atReview.status == 2)
        #expect(atReview.stderr == "dibatalkan; tidak ada yang ditulis\n")
        let atQuestion = try cli.fill("tb_pernyataan", out: out, input: Typed.lines(["Guru", "!batal"]))
        #expect(atQuestion.status == 2)
        #expect(!atQuestion.stdout.contains("Periksa isian"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aFieldNamedAtTheReviewIsAskedAgainAndTheNewAnswerIsSaved() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let out = cli.file("pernyataan.json")
        let tooLong = String(repeating: "a", count: 4001)
        let input = [tooLong] + Typed.statement + ["warna", "pekerjaan", "Guru TK (fiktif)", "ya"]
        let r = try cli.fill("tb_pernyataan", out: out, input: Typed.lines(input))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("✗ teks terlalu panjang (4001 karakter; paling banyak 4000)"))
        #expect(r.stdout.contains("✗ 'warna' bukan kolom yang dapat diubah"))
        #expect(r.stdout.contains("Pekerjaan * (teks) [sekarang: Guru PAUD honorer; Enter = tetap]: "))
        #expect(
            r.stdout.components(separatedBy: "── Periksa isian sebelum disimpan").count == 3,
            "shown again after the change")
        #expect(r.stdout.contains("(mis. pekerjaan), atau batal: "))
        let written = try #require(cli.contents(out))
        #expect(written.contains("\"pekerjaan\":\"Guru TK (fiktif)\""))
        #expect(written.contains("\"sanggup_mematuhi\":true"))
    }

    @Test func signedAndOutOfRangeDatesAndHugeNumbersAreRefusedAtThePrompt() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let out = cli.file("jadwal.json")
        let input = [
            "1e300", "99999999999999999999", "2019",
            "+123-01-01", "1990-+7-31", "1850-01-01", "2019-07-01",
            "2200-01-01", "2019-06-24",
            "3", "15", "ya", "9", "MEDIAN", "ya",
        ]
        let r = try cli.fill("tb_jadwal", out: out, input: Typed.lines(input))
        #expect(r.status == 0, "\(r.stderr)")
        for message in [
            "✗ '1e300' bukan bilangan bulat; tulis angka tanpa titik atau koma, mis. 12",
            "✗ angka terlalu besar: paling besar 9.007.199.254.740.991, positif atau negatif",
            "✗ '+123-01-01' bukan tanggal; tulis TTTT-BB-HH, mis. 1990-07-31",
            "✗ '1990-+7-31' bukan tanggal; tulis TTTT-BB-HH, mis. 1990-07-31",
            "✗ tahun 1850 di luar rentang yang wajar (1900 s.d. 2119)",
            "✗ tahun 2200 di luar rentang yang wajar (1900 s.d. 2119)",
            "✗ '9' bukan pilihan yang sah",
        ] {
            #expect(r.stdout.contains(message), "\(message)")
        }
        #expect(cli.contents(out)?.contains("\"agregasi\":\"median\"") == true)
    }

    @Test func messagesAreInEnglishWithLangEn() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let out = cli.file("pernyataan.json")
        let r = try cli.fill(
            "tb_pernyataan", out: out, input: Typed.lines(Typed.statement + ["yes"]), extra: ["--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("✗ '11/06/2019' is written day first; write YYYY-MM-DD, that is 2019-06-11"))
        #expect(r.stdout.contains("── Check the answers before saving (tb_pernyataan) ──"))
        #expect(r.stdout.hasSuffix("answers written to \(out)\n"))
        let early = try cli.fill("tb_pernyataan", out: out + ".2", input: "Guru\n", extra: ["--lang", "en"])
        #expect(early.stderr == "input ended before the answers were complete and confirmed; nothing written\n")
    }

    @Test func aCalculationNoAnswerCanMendStopsTheFillWithoutWriting() throws {
        // A database without the seed's reference tables: tingkat_pendidikan's lookup() cannot succeed.
        let cli = CLIRunner()
        let emptySeed = cli.file("seed-kosong")
        try FileManager.default.createDirectory(atPath: emptySeed, withIntermediateDirectories: true)
        #expect(try cli.run(["init", "--simulation", "--seed", emptySeed]).status == 0)
        let out = cli.file("portofolio.json")
        let input = Typed.portfolioHead + ["1990-07-31"] + Typed.portfolioTail + ["ya"]
        let r = try cli.fill("tb_portofolio", out: out, input: Typed.lines(input))
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("isian tidak dapat diselesaikan apa pun jawabannya"))
        #expect(
            r.stderr.contains(
                "tingkat_pendidikan: perhitungan gagal: lookup(): no reference table 'tutor_bantu/jenjang_pendidikan'"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aMissingOutputFolderIsRefusedBeforeTheFirstQuestion() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let r = try cli.fill(
            "tb_pernyataan", out: cli.folder + "/tidak-ada/p.json", input: Typed.lines(Typed.statement + ["ya"]))
        #expect(r.status == 2)
        #expect(r.stderr.contains("folder \(cli.folder)/tidak-ada tidak ada"))
        #expect(!r.stdout.contains("Pekerjaan"))
    }
}
