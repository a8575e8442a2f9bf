import Foundation
import SeleksiCore
import SeleksiDocuments
import SeleksiEngine
import SeleksiStore

/// Generates a synthetic recruitment round for one UPT of the 2019 allocation and drives it, through
/// the engine and the shipped workflows, from quota to signed contracts, as each actor would.
public struct TutorBantuDemo {
    public struct Options: Sendable {
        public var database: String
        public var outputFolder: String
        public var applicants: Int
        public var seed: UInt64
        public var upt: String
        public var root: String
        /// The number of the first applicant's actor (`pelamar-00001` …): rounds sharing a database
        /// (the national demo) number their applicants on from each other.
        public var firstApplicant = 1
        /// Whether the round ends with a full `audit verify` (the national demo verifies once, at the end).
        public var verifyAtEnd = true
        /// Stop just before this stage (nil: run to the end).
        public var until: DemoStage?
        /// The language of the progress lines (and the report's headings).
        public var language: Language = .id
        /// Which documents of the work phase are written (the national demo writes a sample).
        public var workDocuments: WorkDocuments = .sample

        public init(database: String, outputFolder: String, applicants: Int, seed: UInt64, upt: String, root: String, until: DemoStage? = nil) {
            self.until = until
            self.database = database
            self.outputFolder = outputFolder
            self.applicants = applicants
            self.seed = seed
            self.upt = upt
            self.root = root
        }
    }

    /// The work phase's documents: every one, the UPT's and SKBs' with one SKB's per-tutor documents, or none.
    public enum WorkDocuments: String, Sendable, CaseIterable { case all, sample, none }

    public struct Summary: Sendable {
        /// The UPT's honorarium budget for the year, what was paid from it, and the share used (%), as text.
        public var budget: (allocation: Int64, paid: Int64, percent: Double)?
        public var database = ""
        public var round: Int64 = 0
        public var states: [(state: String, count: Int)] = []
        public var phases: [(name: String, seconds: Double)] = []
        public var documents: [String] = []
        public var auditRows = 0
        /// The stage the round was stopped before, if `until` was given.
        public var stoppedBefore: DemoStage?
        /// The round was cancelled: no applicant was left to score and rank.
        public var cancelled = false
        /// The simulated time of the last command, from which a user carries on (`--now`).
        public var clock = ""
        /// Who acts in the round (id, name, what he does), for a user who carries on by hand.
        public var people: [(id: String, name: String, role: String)] = []
    }

    let options: Options
    let progress: (String) -> Void
    var rng: SplitMix64
    let engine: Engine
    let referenceDate = CivilDate(iso: "2019-07-01")!
    var clock = Timestamp(iso: "2019-06-03T08:00")!
    var summary = Summary()
    /// Called each time the round's clock moves on: the national demo makes its rounds take turns
    /// there, so that every round keeps to one calendar and the shared audit log's clock never goes back.
    /// It is given the clock the round moves on to.
    public var onAdvance: ((Timestamp) -> Void)?
    /// The documents rendered and not yet in place; committed as each phase ends. Dropped (their
    /// temporary files removed) if the round fails.
    let documents = DocumentBatch()
    /// With it (the national demo), the recruitment's documents are read and composed on another thread
    /// while the rounds go on, and recorded when the season ends; without it, each is rendered where
    /// it is asked for.
    var later: LaterDocuments?

    public init(options: Options, progress: @escaping (String) -> Void) throws {
        self.options = options
        self.progress = progress
        rng = SplitMix64(seed: options.seed)
        engine = try Engine.initialise(path: options.database, root: options.root, seedPath: (options.root as NSString).appendingPathComponent("seed"),
                                       options: .init(simulation: true), now: Timestamp(iso: "2019-06-03T07:00")!).0
    }

    /// A round in a database that `engine` already holds (made by `initialiseDatabase`), beside others.
    public init(options: Options, engine: Engine, progress: @escaping (String) -> Void) {
        self.options = options
        self.progress = progress
        rng = SplitMix64(seed: options.seed)
        self.engine = engine
    }

    /// A new simulation database with the shipped definitions and seed, dated as the demo's rounds begin.
    public static func initialiseDatabase(path: String, root: String) throws -> Engine {
        try Engine.initialise(path: path, root: root, seedPath: (root as NSString).appendingPathComponent("seed"),
                              options: .init(simulation: true), now: Timestamp(iso: "2019-06-03T07:00")!).0
    }

    // MARK: People and places

    struct Team {
        var operatorID = "", head = "", ppk = "", kpa = ""
        var members: [String] = []
        var skbs: [String] = []
        var skbHeads: [String: String] = [:]
        /// A member who also serves at an SKB, and so may not score its applicants.
        var memberSKB: [String: String] = [:]
        var names: [String: String] = [:]
    }

    mutating func advance(hours: Int) {
        clock = Timestamp(seconds: clock.seconds + Int64(hours) * 3600)
        later?.reached(clock)
        onAdvance?(clock)
    }

    public mutating func run() throws -> Summary {
        let started = Date()
        var phaseStart = Date()
        let en = options.language == .en
        // A phase's documents take their names when it ends, all with one sync (`DocumentBatch`), so
        // that its time includes writing them.
        func phase(_ id: String, _ english: String) throws {
            try documents.commit()
            let name = en ? english : id
            summary.phases.append((name, Date().timeIntervalSince(phaseStart)))
            phaseStart = Date()
            progress("  ✓ \(name)")
        }
        let reference = try engine.referenceTables()
        guard let skbCount = reference.lookup("tutor_bantu/alokasi_2019", "id", options.upt, "skb_penerima").flatMap(Int.init),
              let allocation = reference.lookup("tutor_bantu/alokasi_2019", "id", options.upt, "jumlah_tenaga").flatMap(Int.init) else {
            let ids = reference.tables["tutor_bantu/alokasi_2019"]?.compactMap { $0["id"] } ?? []
            // "aceh" for "upt-bp-aceh": the ids that hold what was typed come first.
            let near = ids.filter { !options.upt.isEmpty && $0.localizedCaseInsensitiveContains(options.upt) }
            let hint = near.isEmpty ? "" : " (\(near.joined(separator: ", "))?)"
            let known = ids.joined(separator: ", ")
            throw EngineError.input(
                "--upt \(options.upt): bukan UPT alokasi 2019\(hint); pilih salah satu, atau all: \(known)",
                en: "--upt \(options.upt): not a UPT of the 2019 allocation\(hint); give one of these, or all: \(known)")
        }
        let uptName = reference.lookup("tutor_bantu/alokasi_2019", "id", options.upt, "upt") ?? options.upt
        progress(en ? "UPT \(uptName): \(skbCount) SKBs, allocation \(allocation) tutors; \(options.applicants) synthetic applicants (seed \(options.seed))"
                    : "UPT \(uptName): \(skbCount) SKB, alokasi \(allocation) tenaga; \(options.applicants) pelamar sintetis (seed \(options.seed))")

        let team = try makeTeam(skbCount: skbCount)
        summary.people = [(team.head, team.names[team.head] ?? "", "kepala_upt, tim_seleksi")]
            + team.members.map { ($0, team.names[$0] ?? "", "tim_seleksi" + (team.memberSKB[$0].map { " (pamong di \($0))" } ?? "")) }
            + [(team.operatorID, engine.displayName(ofActor: team.operatorID), "operator"),
               (team.skbHeads[team.skbs[0]]!, team.names[team.skbHeads[team.skbs[0]]!] ?? "", "kepala_skb \(team.skbs[0])")]
        let files = try makeAttachments()
        try phase("organisasi dan pelaku", "organisations and actors")

        let round = try prepareRound(team: team, allocation: allocation, files: files)
        summary.round = round
        try document("tutor_bantu/sk_tim", round)
        try phase("usulan SKB (Format 2, 3, 10), kuota, tim seleksi (SK), pendaftaran dibuka",
              "SKB proposals (Formats 2, 3, 10), quota, selection team (decree), registration open")

        let applicants = try register(round: round, team: team, files: files)
        try phase("pendaftaran dan pengajuan portofolio (\(applicants.count) pelamar)", "registration and portfolios (\(applicants.count) applicants)")
        if options.until == .pendaftaran { return try stopped(started) }

        try forward(applicants, team: team)
        advance(hours: 24 * 20)
        _ = try engine.tick(now: clock)
        try phase("usulan SKB; pendaftaran ditutup oleh pewaktu", "forwarded by the SKBs; registration closed by its timer")
        if options.until == .verifikasi { return try stopped(started) }

        try verify(applicants, team: team)
        try fire(round, "mulai_penilaian", team.head)
        try phase("verifikasi (konfirmasi atau timpa usulan mesin)", "verification (the proposed verdict confirmed or overridden)")
        if options.until == .penilaian { return try stopped(started) }

        try score(applicants, team: team)
        try phase("penilaian independen oleh tim, pembahasan selisih", "independent scoring by the team, disagreements discussed")
        if options.until == .peringkat { return try stopped(started) }
        if try engine.counts(InstanceFilter(workflow: "tb_pelamar", state: "dinilai", parent: round)).isEmpty {
            // Nobody left to rank: every applicant withdrew or was found ineligible (a UPT given a handful
            // of applicants in a small national season). The workflow's guard refuses a ranking of no
            // one; the head cancels the round, the one way it gives, and the round is reported as it stands.
            try fire(round, "batalkan", team.head,
                     reason: "Tidak ada pelamar yang lolos verifikasi untuk dinilai (demo)")
            try phase("putaran dibatalkan: tidak ada pelamar yang dinilai", "round cancelled: no applicant was scored")
            summary.cancelled = true
            return try reported(started)
        }

        try fire(round, "peringkat", team.head)
        try toWorkingDay()
        try fire(round, "isi_berita_acara", team.operatorID, forms: ["tb_berita_acara": [
            "tanggal": .string(clock.date.iso), "tempat": .string("Aula \(uptName)"), "provinsi": .string(uptName.replacingOccurrences(of: "BP PAUD-Dikmas ", with: "").replacingOccurrences(of: "PP PAUD-Dikmas ", with: "")),
            "pukul_mulai": .string("08.00"), "pukul_selesai": .string("16.00"),
        ]])
        for member in [team.head] + team.members { try fire(round, "tanda_tangan_ba", member) }
        try document("tutor_bantu/berita_acara", round)
        try phase("pemeringkatan dan berita acara ditandatangani seluruh tim", "ranking, and the minutes signed by the whole team")

        advance(hours: 24)
        try toWorkingDay()
        try fire(round, "tetapkan_sk", team.head, forms: ["tb_sk_penetapan": [
            "nomor": .string("\(Int(options.seed % 900) + 100)/SK/\(options.upt.uppercased())/2019"), "tanggal": .string(clock.date.iso),
            "tempat": .string(try town()),
        ]])
        try fire(round, "tetapkan_penerima", team.ppk)
        try document("tutor_bantu/keputusan_ppk", round)
        try fire(round, "sahkan", team.kpa)
        try document("tutor_bantu/pengesahan_kpa", round)
        try document("tutor_bantu/sk_penetapan", round)
        try fire(round, "umumkan", team.operatorID)
        try document("tutor_bantu/pengumuman", round)
        try phase("SK Kepala UPT, penetapan PPK, pengesahan KPA, pengumuman", "the head's decree, the PPK's decision, the KPA's ratification, the announcement")
        if options.until == .kontrak { return try stopped(started) }

        try replaceOne(round: round, team: team)

        try contract(round: round, team: team)
        let contracted = try engine.list(
            InstanceFilter(workflow: "tb_pelamar", state: "berkontrak", parent: round), limit: Int.max)
        let contracts = contracted.flatMap { tutor in
            ["tutor_bantu/perjanjian_kerja", "tutor_bantu/pks"].map { DocumentRenderer.Job($0, tutor.id) }
        }
        if let later {
            try later.ask(contracts, outputFolder: documentsFolder, batch: documents)
        } else {
            try renderAll(contracts)
        }
        summary.documents.append((options.outputFolder as NSString).appendingPathComponent("dokumen/perjanjian_kerja-*.{md,html}, pks-*.{md,html}"))
        if options.until == .kerja {
            // Today's shorter run: the round closes after the contracts, nothing of the work phase.
            try fire(round, "tutup_putaran", team.head)
            summary.stoppedBefore = .kerja
        }
        try phase("pengganti dari cadangan; perjanjian kerja (Format 8) dan PKS (Format 9)",
              "a replacement from the reserve list; agreements (Formats 8 and 9)")
        if options.until != .kerja {
            var work = try startWork(round: round, team: team)
            try phase("pagu UPT, pembekalan, PKS SKB (Format 1, 14, 15), jadwal (Format 12), rombongan belajar",
                  "the UPT's budget, briefing, SKB agreements (Formats 1, 14, 15), schedules (Format 12), study groups")
            let months = try runMonths(round: round, team: team, &work)
            try phase("bulan \(months.lowerBound)–\(months.upperBound): daftar hadir, laporan, pengesahan, daftar pembayaran, transfer, laporan UPT",
                  "months \(months.lowerBound)–\(months.upperBound): attendance, reports, confirmation, payment lists, transfers, UPT reports")
            try closeYear(round: round, team: team, &work)
            try phase("penilaian akhir, laporan akhir (Format 17), kontrak berakhir, tahun dan putaran ditutup",
                  "end-of-contract assessment, final reports (Format 17), contracts ended, year and round closed")
        }

        return try reported(started)
    }

    /// Ends a round that ran its course: its report, counts, the audit check and the time.
    mutating func reported(_ started: Date) throws -> Summary {
        // The round's report, as a head of SKB reads it: HTML with charts, and the same in Markdown.
        let report = try engine.report(round: summary.round, now: clock)
        for (name, text) in [("laporan.html", report.html(options.language)), ("laporan.md", report.markdown(options.language))] {
            let path = (options.outputFolder as NSString).appendingPathComponent(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            summary.documents.append(path)
        }
        summary.states = try engine.counts(InstanceFilter(workflow: "tb_pelamar")).map { ($0.state, $0.count) }
        if options.verifyAtEnd { summary.auditRows = Int(try engine.verifyAudit().rows) }
        try documents.commit()
        summary.phases.append(("jumlah", Date().timeIntervalSince(started)))
        return summary
    }

    /// Ends a run stopped before `options.until`: counts, the audit check and the time, no report.
    mutating func stopped(_ started: Date) throws -> Summary {
        try documents.commit()
        summary.stoppedBefore = options.until
        summary.clock = clock.iso
        summary.states = try engine.counts(InstanceFilter(workflow: "tb_pelamar")).map { ($0.state, $0.count) }
        summary.auditRows = Int(try engine.verifyAudit().rows)
        summary.phases.append((options.language == .en ? "total" : "jumlah", Date().timeIntervalSince(started)))
        return summary
    }

    /// The town where the UPT signs (seed/tutor_bantu/kop.csv), never its organisation id.
    func town() throws -> String {
        try engine.referenceTables().lookup("tutor_bantu/kop", "organisasi", options.upt, "kota") ?? "Kota Contoh"
    }

    func skbName(_ skb: String, _ team: Team) -> String {
        "SKB Kabupaten Contoh \((team.skbs.firstIndex(of: skb) ?? 0) + 1) (fiktif)"
    }

    /// The honorarium as the programme's model writes it (BAB III B 1–4): PAUD per month, Kesetaraan and
    /// Keaksaraan per teaching hour with the hours planned, Kursus per package of the SKB's course.
    func fee(_ programme: String, org: String, _ team: Team) -> [String: Value] {
        switch programme {
        case "paud": return ["honor_per_bulan": .number(1_500_000)]
        case "kursus": return ["jenis_kursus": .string(course(for: org, team).key), "honor_paket": .number(course(for: org, team).fee)]
        default: return ["tarif_per_jp": .number(50_000), "jp_rencana": .number(360)]
        }
    }

    /// The skill each SKB's Kursus tutors teach, with its KKNI level and Format 18 A package (hours and
    /// maximum cost): named in the quota row and in the contract.
    func course(for skb: String, _ team: Team) -> (key: String, fee: Double, quota: String) {
        let courses: [(String, Double, Int)] = [("Tata Busana — Jenjang II", 6_600_000, 88),
                                                ("Tata Kecantikan Rambut — Jenjang II", 9_750_000, 130),
                                                ("Mekanik Sepeda Motor — Jenjang II", 13_725_000, 183),
                                                ("Teknisi Akuntansi — Jenjang II", 6_900_000, 92)]
        let (key, fee, hours) = courses[(team.skbs.firstIndex(of: skb) ?? 0) % courses.count]
        return (key, fee, "1 paket \(key.replacingOccurrences(of: " — ", with: ", ")) (\(hours) JP)")
    }

    mutating func makeTeam(skbCount: Int) throws -> Team {
        var team = Team()
        let u = options.upt
        try engine.batch {
            team.operatorID = "\(u)-operator"
            try engine.addActor(id: team.operatorID, name: SyntheticPeople.name(&rng), nip: nil, now: clock)
            try engine.grant(actor: team.operatorID, role: "operator", org: u, now: clock)
            team.head = "\(u)-kepala"
            team.names[team.head] = SyntheticPeople.name(&rng)
            try engine.addActor(id: team.head, name: team.names[team.head]!, nip: SyntheticPeople.nip(&rng), now: clock)
            for role in ["kepala_upt", "tim_seleksi"] { try engine.grant(actor: team.head, role: role, org: u, now: clock) }
            for (i, lembaga) in ["UPT", "UPT", "HIMPAUDI", "IGTKI"].enumerated() {
                let id = "\(u)-tim-\(i + 1)"
                team.names[id] = SyntheticPeople.name(&rng)
                try engine.addActor(id: id, name: team.names[id]!, nip: lembaga == "UPT" ? SyntheticPeople.nip(&rng) : nil, now: clock)
                try engine.grant(actor: id, role: "tim_seleksi", org: u, now: clock)
                team.members.append(id)
            }
            team.ppk = "\(u)-ppk"
            team.kpa = "\(u)-kpa"
            for (id, role) in [(team.ppk, "ppk"), (team.kpa, "kpa")] {
                try engine.addActor(id: id, name: SyntheticPeople.name(&rng), nip: SyntheticPeople.nip(&rng), now: clock)
                try engine.grant(actor: id, role: role, org: u, now: clock)
            }
            for i in 1...skbCount {
                let skb = "\(u)-skb-\(i < 10 ? "0" : "")\(i)"
                try engine.addOrganisation(id: skb, name: "SKB Kabupaten Contoh \(i) (fiktif)", kind: "skb", parent: u, now: clock)
                let head = "\(skb)-kepala"
                team.names[head] = SyntheticPeople.name(&rng)
                try engine.addActor(id: head, name: team.names[head]!, nip: SyntheticPeople.nip(&rng), now: clock)
                try engine.grant(actor: head, role: "kepala_skb", org: skb, now: clock)
                team.skbs.append(skb)
                team.skbHeads[skb] = head
            }
            // A partner-organisation member who also teaches at the first SKB: the workflow bars him
            // from scoring that SKB's applicants.
            try engine.grant(actor: team.members[2], role: "pamong", org: team.skbs[0], now: clock)
            team.memberSKB[team.members[2]] = team.skbs[0]
        }
        return team
    }

    /// Renders a document from the instance's current state into `<out>/dokumen/`, replacing the
    /// files of an earlier demo run (the demo owns that folder).
    mutating func document(_ template: String, _ instance: Int64, listed: Bool = true) throws {
        if let later {
            try later.ask([DocumentRenderer.Job(template, instance)], outputFolder: documentsFolder, batch: documents)
            if listed { summary.documents.append(DocumentRenderer.htmlPath(template, instance, in: documentsFolder)) }
            return
        }
        let rendered = try renderer.render(template, instance: instance, engine: engine, outputFolder: documentsFolder,
                                           replace: true, now: clock, batch: documents)
        if listed { summary.documents.append(rendered.htmlPath) }
    }

    var renderer: DocumentRenderer {
        DocumentRenderer(templatesFolder: (options.root as NSString).appendingPathComponent("templates"))
    }

    var documentsFolder: String { (options.outputFolder as NSString).appendingPathComponent("dokumen") }

    /// Renders many documents, not listed in the summary, each composed on another core while the
    /// engine reads the next ones' contexts (`DocumentRenderer.renderAll`): the same files as `document`
    /// one after another.
    @discardableResult
    func renderAll(_ jobs: [DocumentRenderer.Job]) throws -> [DocumentRenderer.Rendered] {
        try renderer.renderAll(
            jobs, engine: engine, outputFolder: documentsFolder, replace: true, now: clock, batch: documents)
    }

    /// Moves the clock to the next working day (08:00 kept) when it stands on a weekend, a national
    /// holiday or a cuti bersama (seed/kalender/libur.csv): documents are signed on working days.
    mutating func toWorkingDay() throws {
        let day = WorkingDays(reference: try engine.referenceTables()).onOrAfter(clock.date)
        advance(hours: 24 * (day.dayNumber - clock.date.dayNumber))
    }

    func makeAttachments() throws -> [String: String] {
        let folder = (options.outputFolder as NSString).appendingPathComponent("lampiran-sintetis")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var files: [String: String] = [:]
        // Applicants' files are read from this folder (the engine reads and hashes each one itself).
        engine.attachments = Attachments(folder: folder)
        for kind in ["ktp", "ijazah", "sertifikat_pendidik", "surat_sehat", "skck", "pernyataan_asn", "npwp", "sertifikat_keahlian"] {
            let path = (folder as NSString).appendingPathComponent("\(kind).txt")
            try "Berkas contoh sintetis (\(kind)) untuk demo Seleksi; bukan dokumen sebenarnya.\n".write(toFile: path, atomically: true, encoding: .utf8)
            files[kind] = "\(kind).txt"
        }
        return files
    }

    @discardableResult
    func fire(_ instance: Int64, _ event: String, _ actor: String, reason: String? = nil, forms: [String: [String: Value]] = [:]) throws -> FireResult {
        try engine.fire(FireRequest(instance: instance, event: event, actor: actor, reason: reason, forms: forms), now: clock)
    }

    /// Runs many requests in batches, failing loudly on any refusal the demo did not expect.
    func fireAll(_ requests: [FireRequest], expectRefusals: Bool = false) throws -> [Result<FireResult, EngineError>] {
        var out: [Result<FireResult, EngineError>] = []
        for start in stride(from: 0, to: requests.count, by: 1000) {
            out += try engine.fireBatch(Array(requests[start..<min(start + 1000, requests.count)]), now: clock)
        }
        if !expectRefusals, let failure = out.first(where: { if case .failure = $0 { return true } else { return false } }), case .failure(let e) = failure {
            throw e
        }
        return out
    }

    mutating func prepareRound(team: Team, allocation: Int, files: [String: String]) throws -> Int64 {
        let round = try engine.start(workflow: "tb_putaran", org: options.upt, actor: team.operatorID, now: clock).id
        // Each SKB files its request (Formats 2, 3, 10); the UPT analyses it before setting the quota.
        for (i, skb) in team.skbs.enumerated() {
            let head = team.skbHeads[skb]!
            let proposal = try engine.start(workflow: "tb_usulan_skb", org: skb, actor: head, parent: round, now: clock).id
            let learners = rng.int(20...60)
            try fire(proposal, "ajukan_usulan", head, forms: [
                "tb_usulan_skb": ["nama_skb": .string("SKB Kabupaten Contoh \(i + 1) (fiktif)"), "npsn": .string("6\(String(format: "%07d", rng.int(1...9_999_999)))"),
                                  "akreditasi": .string(rng.pick(["A", "B", "C", "belum"])), "nama_kepala": .string(team.names[head] ?? head),
                                  "alamat": .string("Jl. Contoh \(i + 1) (fiktif)"), "kabupaten_kota": .string("Kabupaten Contoh \(i + 1)"),
                                  "provinsi": .string("Kalimantan Selatan"), "telepon": .string(SyntheticPeople.phone(&rng)), "email": .string("skb\(i + 1)@contoh.id"),
                                  "npwp_lembaga": .string("01.234.567.8-\(String(format: "%03d", i + 1)).000"),
                                  "rekomendasi_dinas": .string(files["ktp"]!), "perbup_alih_fungsi": .string(files["ktp"]!),
                                  "kebutuhan": .list([.record(["program": .string("paud"), "jumlah_ada": .number(1), "jumlah_dibutuhkan": .number(2)])])],
                "tb_analisis_kebutuhan": ["baris": .list([.record(["standar": .string("paud-guru-4-6"), "peserta_didik": .number(Double(learners)),
                                                                  "jumlah_ada": .number(1)])])],
                "tb_pendidik_ada": ["pendidik": .list([.record(["nama": .string(SyntheticPeople.name(&rng)), "jenis": .string("pamong"),
                                                               "pendidikan_terakhir": .string("S1"), "program": .string("PAUD")])])],
            ])
            try fire(proposal, "analisis", team.operatorID)
        }
        // Quota: the allocation spread over the SKBs and the four programmes, PAUD and Kesetaraan first.
        let programmes = ["paud", "kesetaraan", "keaksaraan", "kursus"]
        var rows: [Value] = []
        var left = allocation
        var i = 0
        var counts: [String: Int] = [:]
        while left > 0 {
            let key = "\(team.skbs[i % team.skbs.count])|\(programmes[(i / team.skbs.count) % programmes.count])"
            counts[key, default: 0] += 1
            left -= 1
            i += 1
        }
        for key in counts.keys.sorted() {
            let parts = key.split(separator: "|").map(String.init)
            let hours = parts[1] == "paud" ? "30 JP per bulan" : (parts[1] == "kursus" ? course(for: parts[0], team).quota : "360 JP per paket")
            rows.append(.record(["skb": .string(parts[0]), "program": .string(parts[1]), "jumlah": .number(Double(counts[key]!)), "jam_atau_bulan": .string(hours)]))
        }
        try fire(round, "tetapkan_kuota", team.head, forms: ["tb_kuota": ["rincian": .list(rows)]])
        advance(hours: 24)
        try toWorkingDay()
        let uptName = try engine.referenceTables().lookup("tutor_bantu/kop", "organisasi", options.upt, "nama_pendek") ?? options.upt
        let members: [Value] = ([team.head] + team.members).enumerated().map { i, id in
            // The Kepala UPT chairs; two pamong belajar of the UPT and two partner organisations (BAB II B).
            var row: [String: Value] = [
                "pelaku": .string(id), "nama": .string(team.names[id] ?? id),
                "jabatan": .string(i == 0 ? "Kepala UPT" : (i < 3 ? "Pamong Belajar" : "Anggota organisasi mitra")),
                "unsur": .string(i < 3 ? "upt" : "mitra"),
                "lembaga": .string(i < 3 ? uptName : (i == 3 ? "HIMPAUDI" : "IGTKI")), "kedudukan": .string(i == 0 ? "Ketua" : "Anggota")]
            if i >= 3 { row["mitra"] = .string(i == 3 ? "himpaudi" : "igtki") }
            return .record(row)
        }
        try fire(round, "bentuk_tim", team.head, forms: ["tb_sk_tim": [
            "nomor": .string("01/SK-TIM/2019"), "tanggal": .string(clock.date.iso), "tempat": .string(try town()), "anggota": .list(members),
        ]])
        advance(hours: 24)
        try fire(round, "buka_pendaftaran", team.operatorID, forms: ["tb_jadwal": [
            "tahun_anggaran": .number(2019), "tanggal_acuan": .string(referenceDate.iso), "batas_pendaftaran": .string(clock.date.adding(days: 14).iso),
            "jumlah_penilai": .number(3), "batas_selisih": .number(15), "agregasi": .string("rata_rata"), "npwp_wajib": .bool(true),
        ]])
        return round
    }

    /// Registers the applicants and submits their portfolios. About one in six fails a requirement.
    mutating func register(round: Int64, team: Team, files: [String: String]) throws -> [(id: Int64, skb: String, actor: String)] {
        // Each applicant's portfolio is drawn from a seed of its own when it is submitted, not held from
        // registration on: the rounds take turns, and 200,000 portfolios held at once were most of the
        // national demo's memory.
        var registered: [(id: Int64, skb: String, actor: String, name: String, program: String, seed: UInt64)] = []
        let programmes = ["paud", "kesetaraan", "keaksaraan", "kursus"]
        let registeredOn = clock.date
        try engine.batch {
            for n in 1...options.applicants {
                let number = options.firstApplicant + n - 1
                let actor = "pelamar-\(String(repeating: "0", count: max(0, 5 - String(number).count)))\(number)"
                let name = SyntheticPeople.name(&rng)
                try engine.addActor(id: actor, name: name, nip: nil, now: clock)
                let skb = rng.pick(team.skbs)
                let id = try engine.start(workflow: "tb_pelamar", org: skb, actor: actor, parent: round, now: clock).id
                registered.append((id, skb, actor, name, rng.pick(programmes), rng.next()))
                if n % 2000 == 0 { progress(options.language == .en ? "    … \(n) registered" : "    … \(n) terdaftar") }
            }
        }
        // A few never submit: registration closes on them.
        let submitting = registered.filter { _ in !rng.chance(0.02) }
        advance(hours: 24 * 3)
        for start in stride(from: 0, to: submitting.count, by: 1000) {
            _ = try fireAll(submitting[start..<min(start + 1000, submitting.count)].map { a in
                FireRequest(instance: a.id, event: "ajukan", actor: a.actor,
                            forms: ["tb_portofolio": portfolio(name: a.name, program: a.program, files: files, seed: a.seed, today: registeredOn),
                                    "tb_pernyataan": ["pekerjaan": .string("Guru honorer"), "skb_tujuan": .string(a.skb),
                                                      "sanggup_mematuhi": .bool(true), "tanggal": .string(registeredOn.iso)]])
            })
        }
        return submitting.map { ($0.id, $0.skb, $0.actor) }
    }

    /// An applicant's portfolio, drawn from the applicant's own generator (`seed`), dated `today`.
    func portfolio(name: String, program: String, files: [String: String], seed: UInt64, today: CivilDate) -> [String: Value] {
        var rng = SplitMix64(seed: seed)
        // Age at the reference date: mostly 22–55; some just too young (20 years 364 days), some 60 years
        // and 364 days (still eligible: "21 s.d 60 tahun" includes 60), some just too old (61 exactly).
        var born = referenceDate.adding(months: -12 * rng.int(22...55)).adding(days: -rng.int(0...360))
        if rng.chance(0.03) { born = referenceDate.adding(months: -12 * 21).adding(days: 1) }
        if rng.chance(0.01) { born = referenceDate.adding(months: -12 * 61).adding(days: 1) }
        if rng.chance(0.02) { born = referenceDate.adding(months: -12 * 61) }
        let female = rng.chance(0.6)
        let minimum = program == "kesetaraan" || program == "paud" ? ["S1", "S2"] : ["SMA", "D3", "S1"]
        var education = rng.chance(0.06) ? (program == "kesetaraan" || program == "paud" ? "D3" : "SMA") : rng.pick(minimum)
        // Some Kursus instructors left school after SMP and hold a skill educator's certificate instead
        // (BAB II D 2 b 1)): from a recognised issuer (eligible) or from another body (not eligible).
        var certificates: [Value] = []
        if program == "kursus", rng.chance(0.25) {
            if rng.chance(0.5) { education = "SMP" }
            let recognised = rng.chance(0.8)
            certificates.append(.record([
                "nama_sertifikat": .string("Sertifikat Pendidik Keterampilan (fiktif)"), "tahun": .number(Double(rng.int(2012...2018))),
                "tingkat": .string("nasional"), "penerbit": .string(recognised ? rng.pick(["lsk", "lsp", "direktorat_kursus"]) : "lainnya"),
                "lembaga": .string(recognised ? "LSK Contoh (fiktif)" : "Lembaga Kursus Contoh (fiktif)"), "berkas": .string(files["sertifikat_keahlian"]!),
            ]))
        }
        // The field of study decides the guideline's priorities: PAUD or child psychology for PAUD,
        // the subject to be taught for Kesetaraan.
        let subject = rng.pick(["kelas_paket_a", "bahasa_indonesia", "matematika", "ipa", "ips", "bahasa_inggris"])
        let field: String
        switch program {
        case "paud": field = rng.pick(["paud", "paud", "psikologi_anak", "pgsd", "lainnya"])
        case "kesetaraan": field = rng.chance(0.5) ? (subject == "kelas_paket_a" ? "pgsd" : subject) : rng.pick(["pendidikan_masyarakat", "lainnya", "agama"])
        default: field = rng.pick(["pendidikan_masyarakat", "keterampilan", "lainnya"])
        }
        let graduated = min(born.year + (education == "SMA" ? 18 : (education == "SMP" ? 15 : 23)), today.year - 1)
        // Experience: one to three rows, overlapping sometimes; some too short.
        var rows: [Value] = []
        var start = CivilDate(year: min(graduated + 1, 2016), month: rng.int(1...12), day: 1)!
        let short = rng.chance(0.07)
        for _ in 0..<rng.int(1...3) {
            let end = short ? start.adding(months: rng.int(3...10)) : start.adding(months: rng.int(14...60))
            rows.append(.record(["tempat_kerja": .string("Lembaga Contoh \(rng.int(1...400)) (fiktif)"), "bidang": .string(program), "relevan": .bool(true),
                                 "mulai": .string(start.iso), "selesai": .string(min(end, today.adding(days: -1)).iso)]))
            start = end.adding(months: -rng.int(0...3))
            if start >= today.adding(days: -30) || short { break }
        }
        var answers: [String: Value] = [
            "program": .string(program), "nama": .string(name), "jenis_kelamin": .string(female ? "P" : "L"),
            "tempat_lahir": .string("Kota Contoh"), "tanggal_lahir": .string(born.iso),
            "nik": .string(SyntheticPeople.nik(born: born, female: female, province: 63, &rng)),
            "alamat": .string("Jl. Contoh No. \(rng.int(1...200)) (fiktif)"), "telepon": .string(SyntheticPeople.phone(&rng)),
            "email": .string("\(name.split(separator: " ").first!.lowercased()).\(rng.int(100...99999))@contoh.id"),
            "npwp": .string(String(format: "%02d.%03d.%03d.%d-%03d.000", rng.int(1...99), rng.int(0...999), rng.int(0...999), rng.int(0...9), rng.int(1...999))),
            "berkas_npwp": .string(files["npwp"]!), "penerbit_surat_sehat": .string(rng.pick(["puskesmas", "rsud", "rs_pemerintah"])),
            "pendidikan_terakhir": .string(education), "status_asn": .bool(rng.chance(0.12)), "menerima_honor_sejenis": .bool(rng.chance(0.02)),
            "kualifikasi": .list([.record(["jenjang": .string(education), "perguruan_tinggi": .string("Perguruan Contoh (fiktif)"), "tahun_lulus": .number(Double(graduated)),
                                           "bidang_ilmu": .string(field)])]),
            "sertifikat_keahlian": .list(certificates),
            "pengalaman": .list(rows),
            "diklat": .list((0..<rng.int(0...3)).map { _ in .record(["nama_diklat": .string("Pelatihan \(program)"), "jam": .number(Double(rng.int(8...120)))]) }),
            "berkas_ktp": .string(files["ktp"]!), "berkas_ijazah": .string(files["ijazah"]!), "berkas_surat_sehat": .string(files["surat_sehat"]!),
            "berkas_skck": .string(files["skck"]!), "pernyataan_kebenaran": .bool(true),
        ]
        if program == "paud" { answers["berkas_sertifikat_pendidik"] = .string(files["sertifikat_pendidik"]!) }
        if program == "kesetaraan" { answers["mapel_diampu"] = .string(subject) }
        if answers["status_asn"] == .bool(true) { answers["berkas_pernyataan_asn"] = .string(files["pernyataan_asn"]!) }
        return answers
    }

    mutating func forward(_ applicants: [(id: Int64, skb: String, actor: String)], team: Team) throws {
        advance(hours: 24)
        _ = try fireAll(applicants.map { FireRequest(instance: $0.id, event: "usulkan", actor: team.skbHeads[$0.skb]!) })
    }

    /// A team member verifies each applicant; mostly agreeing with the proposed verdict, and in one
    /// case in fifty overriding it with a written reason.
    mutating func verify(_ applicants: [(id: Int64, skb: String, actor: String)], team: Team) throws {
        advance(hours: 24)
        var requests: [FireRequest] = []
        for a in applicants {
            let proposal = try engine.record(a.id).variables["usulan_kelayakan"]?.displayText ?? "memenuhi"
            let override = rng.chance(0.02)
            let verdict = override ? (proposal == "memenuhi" ? "tidak_memenuhi" : "memenuhi") : proposal
            requests.append(FireRequest(instance: a.id, event: "verifikasi", actor: rng.pick(team.members),
                                        reason: override ? "Diputuskan tim setelah memeriksa dokumen asli (demo)" : nil,
                                        forms: ["tb_verifikasi": ["keputusan": .string(verdict), "dokumen_asli_sesuai": .bool(true)]]))
        }
        _ = try fireAll(requests)
    }

    /// Three raters score each eligible applicant independently; a rater from the applicant's SKB, or
    /// one who declared a conflict, is not asked. Scores that disagree go to discussion.
    mutating func score(_ applicants: [(id: Int64, skb: String, actor: String)], team: Team) throws {
        advance(hours: 24)
        // The sheets are fired before the clock moves on, and dropped with the function that drew them:
        // a round parked at its next turn holding 40,000 sheets was most of a 200,000 season's memory.
        _ = try fireAll(try scoringRequests(applicants, team: team))
        advance(hours: 24)
        let discussed = try engine.list(InstanceFilter(workflow: "tb_pelamar", state: "diskusi", parent: summary.round),
                                        limit: Int.max)
        _ = try fireAll(discussed.map {
            FireRequest(instance: $0.id, event: "selesai_diskusi", actor: team.head,
                        reason: "Dibahas dalam rapat tim; skor digabung (demo)")
        })
    }

    /// One member's declared conflict, then each eligible applicant's sheets from the raters free to score him.
    mutating func scoringRequests(_ applicants: [(id: Int64, skb: String, actor: String)], team: Team)
        throws -> [FireRequest]
    {
        let eligible = try engine.list(InstanceFilter(workflow: "tb_pelamar", state: "layak", parent: summary.round), limit: Int.max).map(\.id)
        let skbOf = Dictionary(uniqueKeysWithValues: applicants.map { ($0.id, $0.skb) })
        let raters = [team.head] + team.members
        var requests: [FireRequest] = []
        var declared = false
        for id in eligible {
            var pool = raters.filter { team.memberSKB[$0] != skbOf[id] }
            if !declared {
                // One member declares a conflict of interest (say, a relative) and steps aside.
                let member = pool.removeLast()
                requests.append(FireRequest(instance: id, event: "nyatakan_konflik", actor: member, reason: "Pelamar adalah kerabat (demo)"))
                declared = true
            }
            let quality = Double(rng.int(35...95))
            let chosen = Array(pool.shuffled(using: &rng).prefix(3))
            let outlier = rng.chance(0.05) ? rng.int(0...2) : -1
            for (k, rater) in chosen.enumerated() {
                let level = min(100, max(0, quality + Double(rng.int(-5...5)) + (k == outlier ? 25 : 0)))
                requests.append(FireRequest(instance: id, event: "nilai", actor: rater, forms: ["tb_skor": sheet(level)]))
            }
        }
        return requests
    }

    /// A sheet whose components follow the rubric's maxima, scaled to `level` (0–100).
    mutating func sheet(_ level: Double) -> [String: Value] {
        let maxima: [(String, Double)] = [("kualifikasi", 20), ("diklat", 15), ("pengalaman", 25), ("lomba", 10), ("sertifikat", 10),
                                          ("forum_ilmiah", 5), ("organisasi", 5), ("tugas_tambahan", 5), ("penghargaan", 3), ("daerah_khusus", 2)]
        var out: [String: Value] = [:]
        for (name, maximum) in maxima { out[name] = .number((maximum * level / 100).rounded()) }
        return out
    }

    /// One appointed tutor withdraws before signing; the Kepala UPT appoints the next reserve of the same
    /// SKB and programme in his place (BAB III B 7), as the workflow allows only into a real vacancy.
    mutating func replaceOne(round: Int64, team: Team) throws {
        advance(hours: 24)
        try toWorkingDay()
        let reserves = try engine.list(InstanceFilter(workflow: "tb_pelamar", state: "cadangan", parent: round), limit: Int.max)
        let appointed = try engine.list(InstanceFilter(workflow: "tb_pelamar", state: "ditetapkan", parent: round), limit: Int.max)
        func group(_ r: InstanceRecord) -> String { r.variables["peringkat_kelompok"]?.displayText ?? "" }
        func place(_ r: InstanceRecord) -> Double { if case .number(let n)? = r.variables["peringkat"] { return n } else { return .infinity } }
        guard let leaving = appointed.first(where: { a in reserves.contains { group($0) == group(a) } }) else { return }
        let next = reserves.filter { group($0) == group(leaving) }.min { place($0) < place($1) }!
        try fire(leaving.id, "mundur", leaving.owner, reason: "Diterima bekerja di tempat lain sebelum perjanjian ditandatangani (demo)")
        try fire(next.id, "gantikan", team.head, reason: "Mengisi lowongan #\(leaving.id) dari daftar cadangan, disetujui Kepala UPT (demo)")
    }

    mutating func contract(round: Int64, team: Team) throws {
        advance(hours: 24 * 3)
        try toWorkingDay()
        let appointed = try engine.list(InstanceFilter(workflow: "tb_pelamar", state: "ditetapkan", parent: round), limit: Int.max)
        let start = clock.date.adding(days: 7)
        let programmes = Dictionary(uniqueKeysWithValues: try appointed.map { a in
            (a.id, try engine.show(a.id).forms["tb_portofolio"]?["program"]?.displayText ?? "") })
        let end = CivilDate(year: 2019, month: 12, day: 31)!
        _ = try fireAll(appointed.enumerated().map { i, a in
            FireRequest(instance: a.id, event: "ttd_perjanjian_kerja", actor: team.skbHeads[a.org]!, forms: ["tb_kontrak": [
                "nomor": .string("PK-\(i + 1)/\(a.org.uppercased())/2019"), "tanggal": .string(clock.date.iso),
                "tempat": .string("Kantor \(skbName(a.org, team))"),
                "mulai": .string(start.iso), "selesai": .string(end.iso), "program": .string(programmes[a.id] ?? ""),
                "nama_bank": .string("Bank Contoh"), "nomor_rekening": .string(String(rng.int(1_000_000_000...9_999_999_999))),
            ].merging(fee(programmes[a.id] ?? "", org: a.org, team)) { $1 }])
        })
        advance(hours: 24)
        try toWorkingDay()
        _ = try fireAll(appointed.map { FireRequest(instance: $0.id, event: "ttd_pks", actor: team.ppk) })
    }
}
