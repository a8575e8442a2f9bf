import Foundation
import Testing

/// A team member's and a head's day at the terminal, on a demo round stopped at a stage: `tasks`,
/// `review` driven through standard input, `progress`, and the readable `show`.
@Suite("The team's day at the terminal")
struct TeamDayCLITests {
    static let upt = "upt-bp-kalimantan-selatan"
    static let head = "\(upt)-kepala"
    static func member(_ n: Int) -> String { "\(upt)-tim-\(n)" }

    /// A demo round of `applicants` stopped before `stage`, in the runner's folder.
    func stoppedDemo(_ stage: String, applicants: Int = 12) throws -> CLIRunner {
        let cli = CLIRunner()
        let r = try cli.run([
            "demo", "--db", cli.db, "--out", cli.folder + "/demo", "--applicants", "\(applicants)", "--until", stage,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("berhenti sebelum tahap \(stage)"))
        return cli
    }

    func count(_ cli: CLIRunner, state: String) throws -> Int {
        let r = try cli.run(["list", "--parent", "1", "--state", state, "--counts", "--json"])
        guard let row = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] else {
            return -1
        }
        return row.compactMap { $0["count"] as? Int }.reduce(0, +)
    }

    /// Output with wrapped lines joined again (the terminal's width decides where lines break).
    func flat(_ text: String) -> String {
        text.replacingOccurrences(of: #"\n +"#, with: " ", options: .regularExpression)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aTeamMemberVerifiesAWholeRoundInOneReviewAcceptingEachProposal() throws {
        let cli = try stoppedDemo("verifikasi")
        let waiting = try count(cli, state: "diusulkan")
        #expect(waiting > 5)
        let tasks = try json(try cli.run(["tasks", "--as", Self.member(1), "--json"]).stdout)
        #expect((tasks["tasks"] as? [[String: Any]])?.count == waiting)
        // Per applicant: Enter takes the proposed verdict, y for the documents, Enter for no note, y to record.
        let input = String(repeating: "\ny\n\ny\n", count: waiting)
        let r = try cli.run(
            ["review", "--as", Self.member(1), "1", "--attachments", cli.folder + "/demo/lampiran-sintetis"],
            input: input)
        #expect(r.status == 0, "\(r.stderr)")
        let out = flat(r.stdout)
        #expect(out.contains("Selesai: \(waiting) tercatat, 0 dilewati, 0 masih menunggu; \(4 * waiting) baris masukan"))
        #expect(out.contains("salinan tersimpan ✓, berkas di disk ✓"))
        #expect(out.contains("Usulan mesin: "))
        #expect(try count(cli, state: "diusulkan") == 0)
        #expect(try count(cli, state: "layak") + count(cli, state: "tidak_layak") == waiting)
        // Recorded as `fire` records it: the same audit rows, by the member, with each proposal kept.
        let history = try cli.run(["history", "15", "--json"]).stdout
        #expect(history.contains("\"event\":\"verifikasi\"") && history.contains("\"actor\":\"\(Self.member(1))\""))
        #expect(try cli.run("audit verify").status == 0)
        #expect(try json(try cli.run(["tasks", "--as", Self.member(1), "--json"]).stdout)["tasks"] as? [Any] != nil)
    }

    @Test func aVerdictAgainstTheProposalTakesItsReasonFromTheNoteAndIsNamedBeforeItIsRecorded() throws {
        let cli = try stoppedDemo("verifikasi", applicants: 6)
        let first = try #require(
            (try json(try cli.run(["tasks", "--as", Self.member(1), "--json"]).stdout)["tasks"] as? [[String: Any]])?
                .first)
        let id = "\(first["instance"] as! Int)"
        let proposals = try #require(
            try json(try cli.run(["show", id, "--json"]).stdout)["proposals"] as? [[String: Any]])
        let against = proposals.first?["value"] as? String == "memenuhi" ? "2" : "1"
        let r = try cli.run(
            ["review", "--as", Self.member(1), "1"], input: "\(against)\ny\nIjazah asli belum diperlihatkan\ny\nq\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = flat(r.stdout)
        #expect(out.contains("alasan: Ijazah asli belum diperlihatkan"))
        #expect(out.contains("Catat verifikasi untuk #\(id) \(first["name"] as! String)"))
        #expect(out.contains("1 tercatat"))
        let decisions = try #require(
            try json(try cli.run(["show", id, "--json"]).stdout)["decisions"] as? [[String: Any]])
        #expect(decisions.last?["reason"] as? String == "Ijazah asli belum diperlihatkan")
        #expect((decisions.last?["value"] as? String)?.contains("menimpa usulan") == true)
    }

    @Test func skipBackAndQuitWriteNothing() throws {
        let cli = try stoppedDemo("verifikasi", applicants: 6)
        let before = try cli.run("audit verify").stdout
        // Skip the first, go back to it, answer half of it, quit.
        let r = try cli.run(["review", "--as", Self.member(2), "1"], input: "s\nb\n\nb\nb\n1\nq\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(flat(r.stdout).contains("0 tercatat"))
        #expect(try cli.run("audit verify").stdout == before)
        // Input that ends early also writes nothing.
        _ = try cli.run(["review", "--as", Self.member(2), "1"], input: "\ny\n")
        #expect(try cli.run("audit verify").stdout == before)
    }

    @Test func threeRatersScoreTheRoundInAReviewEachWithScoresOnOneLine() throws {
        let cli = try stoppedDemo("penilaian")
        let eligible = try count(cli, state: "layak")
        #expect(eligible > 3)
        // tim-3 teaches at the first SKB: his tasks leave out its applicants.
        let barred =
            try json(try cli.run(["tasks", "--as", Self.member(3), "--json"]).stdout)["tasks"] as? [[String: Any]]
        #expect(barred?.allSatisfy { ($0["org"] as? String) != "\(Self.upt)-skb-01" } == true)
        for rater in [Self.member(1), Self.member(2), Self.head] {
            let line = "15 10 20 5 5 3 3 3 1 1\n\ny\n"
            let r = try cli.run(["review", "--as", rater, "1"], input: String(repeating: line, count: eligible))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(flat(r.stdout).contains("Σ Jumlah skor (0–100): 66 dari 100"))
            #expect(flat(r.stdout).contains("Selesai: \(eligible) tercatat"))
        }
        #expect(try count(cli, state: "layak") == 0)
        #expect(try count(cli, state: "dinilai") == eligible)
        // The head's view: every sheet given, the ranking may go ahead.
        let progress = flat(try cli.run(["progress", "1", "--as", Self.head]).stdout)
        #expect(progress.contains("peringkat: Susun peringkat per SKB dan program"))
        #expect(progress.contains("dapat dijalankan sekarang"))
    }

    @Test func aConflictIsOneKeyAndAWrongScoreIsAskedAgain() throws {
        let cli = try stoppedDemo("penilaian", applicants: 6)
        // k declares a conflict (reason, confirmation); then 25 is out of range for the first item and asked again.
        let input = "k\nPelamar adalah kerabat dekat\ny\n25\n15 10 20 5 5 3 3 3 1 1\nCatatan uji\ny\nq\n"
        let r = try cli.run(["review", "--as", Self.member(4), "1"], input: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(flat(r.stdout).contains("nyatakan_konflik → layak"))
        #expect(flat(r.stdout).contains("✗ Skor kualifikasi 0–20"))
        #expect(flat(r.stdout).contains("2 tercatat"))
        let first =
            try json(try cli.run(["tasks", "--as", Self.member(4), "--json"]).stdout)["tasks"] as? [[String: Any]]
        let eligible = try count(cli, state: "layak")
        #expect(first?.count == eligible - 2)
    }

    @Test func theHeadsViewNamesWhatBlocksTheRankingAndHidesScoresFromRaters() throws {
        let cli = try stoppedDemo("penilaian", applicants: 8)
        _ = try cli.run(["review", "--as", Self.member(1), "1"], input: "15 10 20 5 5 3 3 3 1 1\n\ny\nq\n")
        let run = try cli.run(["progress", "1", "--as", Self.head])
        #expect(run.status == 0, "\(run.stderr)")
        let head = flat(run.stdout)
        #expect(head.contains("penilai: A = "))
        #expect(head.contains(" 66 "))
        #expect(head.contains("ditolak sekarang: Peringkat belum dapat disusun"))
        #expect(head.contains("0 dari 3 lembar tb_skor; menunggu nilai (tim_seleksi)"))
        let rater = try cli.run(["progress", "1", "--as", Self.member(2)])
        #expect(!rater.stdout.contains(" 66 "))
        #expect(rater.stdout.contains("✓"))
        // The refused command itself names them too.
        let refused = try cli.run(["fire", "1", "peringkat", "--as", Self.head])
        #expect(refused.status == 1)
        #expect(flat(refused.stderr).contains("dari 3 lembar tb_skor"))
    }

    @Test func showPrintsLabelledVariablesTheProposalsLabelAndARenderedForm() throws {
        let cli = try stoppedDemo("verifikasi", applicants: 12)
        let all = try cli.run(["list", "--parent", "1", "--state", "diusulkan", "--json"]).stdout
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(all.utf8)) as? [[String: Any]])
        for row in rows {
            let id = "\(row["id"] as! Int)"
            let show = try cli.run(["show", id]).stdout
            #expect(show.contains("Umur pada tanggal acuan (tahun) "))
            if show.contains("(tidak_memenuhi)") {
                #expect(show.contains("Tidak memenuhi syarat (tidak_memenuhi)"))
                #expect(show.contains("Alasan usulan"))
            } else {
                #expect(show.contains("Memenuhi syarat (memenuhi)"))
            }
        }
        let id = "\(rows[0]["id"] as! Int)"
        let form = try cli.run(["show", id, "--form", "tb_portofolio"], input: nil)
        #expect(form.stdout.contains("Tanggal lahir "))
        #expect(
            form.stdout.range(
                of:
                    #"\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}"#,
                options: .regularExpression) != nil)
        #expect(form.stdout.contains("Jenjang"))
        let wrong = try cli.run(["show", id, "--form", "tb_skorr"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("tb_portofolio") && wrong.stderr.contains("tb_skor"))
        // Narrow terminals get wrapped lines, none wider than asked.
        let narrow = try cli.runWithEnvironment(["show", id, "--form", "tb_portofolio"], ["COLUMNS": "60"])
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 60 })
    }

    @Test func aRatersSheetStaysHiddenFromAnotherUntilHeGivesHis() throws {
        let cli = try stoppedDemo("penilaian", applicants: 6)
        _ = try cli.run(["review", "--as", Self.member(1), "1"], input: "15 10 20 5 5 3 3 3 1 1\n\ny\nq\n")
        let tasks =
            try json(try cli.run(["tasks", "--as", Self.member(2), "--json"]).stdout)["tasks"] as? [[String: Any]]
        let id = "\(tasks![0]["instance"] as! Int)"
        let hidden = try cli.run(["show", id, "--form", "tb_skor", "--as", Self.member(2)])
        #expect(hidden.stdout.contains("tersembunyi"))
        #expect(!hidden.stdout.contains("Kualifikasi akademik"))
        let head = try cli.run(["show", id, "--form", "tb_skor", "--as", Self.head])
        #expect(
            head.stdout.contains("1. Kualifikasi akademik (0–20) ... 15")
                || head.stdout.contains("Kualifikasi akademik"))
        let own = try cli.run(["show", id, "--form", "tb_skor", "--as", Self.member(1)])
        #expect(own.stdout.contains("Lembar "))
    }

    @Test func listCountsHonourEveryFilterAndAMisspeltNameIsAnError() throws {
        let cli = try stoppedDemo("verifikasi", applicants: 6)
        let counts = try cli.run(["list", "--counts", "--parent", "1", "--state", "diusulkan"]).stdout
        #expect(counts.split(separator: "\n").count == 1)
        #expect(counts.hasPrefix("tb_pelamar\tdiusulkan\t"))
        let org = try cli.run(["list", "--counts", "--workflow", "tb_usulan_skb", "--org", "\(Self.upt)-skb-01"]).stdout
        #expect(org == "tb_usulan_skb\tusulan_dianalisis\t1\n")
        let typo = try cli.run(["list", "--state", "layk"])
        #expect(typo.status == 2 && typo.stderr.contains("layak"))
        let event = try cli.run(["fire", "15", "nilaii", "--as", Self.head])
        #expect(event.status == 2 && event.stderr.contains("nilai"))
        let who = try cli.run(["tasks", "--as", "tim-satu"])
        #expect(who.status == 2 && who.stderr.contains(Self.member(1)))
    }
}

extension CLIRunner {
    /// Runs with extra environment variables (a terminal width, say).
    func runWithEnvironment(_ args: [String], _ extra: [String: String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: CLIRunner.repo)
        var env = ProcessInfo.processInfo.environment
        env["SELEKSI_DB"] = db
        for (k, v) in extra { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
