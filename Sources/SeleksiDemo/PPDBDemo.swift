import Foundation
import SeleksiCore
import SeleksiDocuments
import SeleksiEngine
import SeleksiStore

/// One synthetic district's new-student admission (PPDB, Permendikbud 1/2021) driven through the
/// shipped `ppdb_putaran` and `ppdb_pendaftar` workflows, as each actor would: the office announces
/// registration with the quotas per school and channel, parents register (some break a rule and are
/// refused), school committees verify and measure distances, the office ranks each channel, places
/// the overflow at schools with room, announces, and the admitted re-register. Everyone is invented.
public struct PPDBDemo {
    public struct Options: Sendable {
        public var database: String
        public var outputFolder: String
        public var applicants: Int
        public var seed: UInt64
        public var root: String
        public var language: Language = .id

        public init(database: String, outputFolder: String, applicants: Int, seed: UInt64, root: String) {
            self.database = database
            self.outputFolder = outputFolder
            self.applicants = applicants
            self.seed = seed
            self.root = root
        }
    }

    public struct Summary: Sendable {
        public var database = ""
        public var round: Int64 = 0
        public var states: [(state: String, count: Int)] = []
        public var documents: [String] = []
        public var auditRows = 0
        public var refused = 0
        public var seconds = 0.0
    }

    struct School {
        let id: String, name: String, level: String, zone: String, capacity: Int
        let x: Double, y: Double
    }

    struct Applicant {
        let instance: Int64
        let nik: String
        let x: Double, y: Double
        let school: String
    }

    let options: Options
    let progress: (String) -> Void
    var rng: SplitMix64
    let engine: Engine
    var clock = Timestamp(iso: "2024-04-22T09:00")!
    var summary = Summary()
    let office = "dinas-pendidikan-contoh"
    var schools: [School] = []
    /// Each village's centre on a plane in kilometres: the district's synthetic map.
    var villages: [(id: String, x: Double, y: Double)] = []

    public init(options: Options, progress: @escaping (String) -> Void) throws {
        self.options = options
        self.progress = progress
        rng = SplitMix64(seed: options.seed)
        engine = try Engine.initialise(path: options.database, root: options.root,
                                       seedPath: (options.root as NSString).appendingPathComponent("seed"),
                                       options: .init(simulation: true), now: Timestamp(iso: "2024-04-22T07:00")!).0
    }

    public mutating func run() throws -> Summary {
        let started = Date()
        let en = options.language == .en
        var phaseStart = Date()
        // Each step's line ends with the seconds it took.
        let progress: (String) -> Void = { [progress] line in
            progress(line + String(format: " (%.2f s)", Date().timeIntervalSince(phaseStart)))
            phaseStart = Date()
        }
        try makeDistrict()
        progress(en ? "District: \(schools.count) schools; \(options.applicants) synthetic applications (seed \(options.seed))"
                    : "Kabupaten: \(schools.count) sekolah; \(options.applicants) pendaftaran sintetis (seed \(options.seed))")
        let round = try engine.start(workflow: "ppdb_putaran", org: office, actor: "\(office)-operator", now: clock).id
        summary.round = round
        try announce(round)
        try document("ppdb/pengumuman_pendaftaran", round)
        progress(en ? "  ✓ registration announced (quotas per school and channel)" : "  ✓ pendaftaran diumumkan (kuota per sekolah dan jalur)")

        to("2024-06-03T00:30")
        _ = try engine.tick(now: clock)
        let applicants = try register(round)
        to("2024-06-08T01:00")
        _ = try engine.tick(now: clock)
        progress(en ? "  ✓ registration (\(applicants.count) submitted, \(summary.refused) refused by a rule) closed by its timer"
                    : "  ✓ pendaftaran (\(applicants.count) diajukan, \(summary.refused) ditolak aturan) ditutup pewaktu")

        to("2024-06-10T09:00")
        try verify(applicants)
        progress(en ? "  ✓ verification by the school committees (distances measured)" : "  ✓ verifikasi panitia sekolah (jarak diukur)")

        to("2024-06-12T09:00")
        try fire(round, "seleksi", "\(office)-operator")
        progress(en ? "  ✓ ranked: zoning, affirmation, transfer; then achievement on the seats left"
                    : "  ✓ seleksi: zonasi, afirmasi, perpindahan; lalu prestasi atas sisa kursi")

        to("2024-06-13T09:00")
        let placed = try placeOverflow(round, applicants)
        progress(en ? "  ✓ \(placed) over-capacity applicants placed at other schools (Pasal 33)"
                    : "  ✓ \(placed) kelebihan pendaftar disalurkan ke sekolah lain (Pasal 33)")

        to("2024-06-20T09:00")
        try fire(round, "umumkan_hasil", "\(office)-operator", forms: ["ppdb_penetapan": ["keputusan": .list(schools.enumerated().map { i, s in
            .record(["sekolah": .string(s.id), "nomor_keputusan": .string("421/\(String(format: "%03d", i + 1))/PPDB/2024"), "tanggal": .string("2024-06-19"),
                     "tanggal_rapat_dewan_guru": .string("2024-06-18"), "penetap": .string("kepala_sekolah"),
                     "nama_penetap": .string(engine.displayName(ofActor: "\(s.id)-kepala"))])
        })]])
        try document("ppdb/pengumuman_hasil", round)
        progress(en ? "  ✓ each school's decree; results announced by channel" : "  ✓ keputusan kepala sekolah; hasil diumumkan per jalur")

        to("2024-06-21T09:00")
        try reRegister(round)
        to("2024-06-27T01:00")
        _ = try engine.tick(now: clock)
        progress(en ? "  ✓ re-registration; the deadline's timer closed the round" : "  ✓ daftar ulang; pewaktu batas daftar ulang menutup putaran")

        try writeReport(round)
        summary.states = try engine.counts(InstanceFilter(workflow: "ppdb_pendaftar")).map { ($0.state, $0.count) }
        summary.auditRows = Int(try engine.verifyAudit().rows)
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    mutating func to(_ iso: String) { clock = Timestamp(iso: iso)! }

    // MARK: The district

    /// The office, its schools (seed/ppdb/sekolah.csv) as organisations below it, and the people who act.
    mutating func makeDistrict() throws {
        let reference = try engine.referenceTables()
        guard let rows = reference.tables["ppdb/sekolah"], let places = reference.tables["ppdb/wilayah_zonasi"] else {
            throw EngineError.input("seed/ppdb/sekolah.csv or seed/ppdb/wilayah_zonasi.csv is missing")
        }
        villages = places.enumerated().map { i, row in (row["kelurahan"] ?? "", Double(i % 3) * 2.5, Double(i / 3) * 3.0) }
        try engine.batch {
            try engine.addOrganisation(id: office, name: "Dinas Pendidikan Kabupaten Contoh (fiktif)", kind: "dinas", parent: nil, now: clock)
            for (id, role) in [("\(office)-kepala", "kepala_dinas"), ("\(office)-operator", "operator_dinas")] {
                try engine.addActor(id: id, name: SyntheticPeople.name(&rng), nip: SyntheticPeople.nip(&rng), now: clock)
                try engine.grant(actor: id, role: role, org: office, now: clock)
            }
            for row in rows {
                let id = row["id"] ?? "", level = row["jenjang"] ?? "", zone = row["zona"] ?? ""
                // A school stands in one of its zone's villages, a little off its centre.
                let home = places.indices.filter { places[$0]["zona_\(level.lowercased())"] == zone }
                let v = villages[rng.pick(home)]
                schools.append(School(id: id, name: row["nama"] ?? id, level: level, zone: zone, capacity: Int(row["daya_tampung"] ?? "") ?? 0,
                                      x: v.x + Double(rng.int(-800...800)) / 1000, y: v.y + Double(rng.int(-800...800)) / 1000))
                try engine.addOrganisation(id: id, name: row["nama"] ?? id, kind: "sekolah", parent: office, now: clock)
                try engine.addActor(id: "\(id)-kepala", name: SyntheticPeople.name(&rng), nip: SyntheticPeople.nip(&rng), now: clock)
                try engine.addActor(id: "\(id)-panitia", name: SyntheticPeople.name(&rng), nip: nil, now: clock)
                try engine.grant(actor: "\(id)-panitia", role: "panitia_sekolah", org: id, now: clock)
            }
        }
    }

    /// Quotas per school: zoning at its minimum share rounded up, affirmation at 15% rounded up, transfer
    /// at 5% rounded down; an SD's remaining seats go to zoning (it has no achievement channel).
    func quotaRows() -> [Value] {
        schools.map { s in
            let zoningShare = s.level == "SD" ? 70 : 50
            var zoning = (s.capacity * zoningShare + 99) / 100
            let affirmation = (s.capacity * 15 + 99) / 100, transfer = s.capacity * 5 / 100
            if s.level == "SD" { zoning = s.capacity - affirmation - transfer }
            return .record(["sekolah": .string(s.id), "zonasi": .number(Double(zoning)), "afirmasi": .number(Double(affirmation)),
                            "perpindahan": .number(Double(transfer))])
        }
    }

    mutating func announce(_ round: Int64) throws {
        try fire(round, "umumkan_pendaftaran", "\(office)-kepala", forms: [
            "ppdb_jadwal": ["tahun": .number(2024), "nomor_keputusan_zonasi": .string("420/017/DISDIK/2024"),
                            "tanggal_pengumuman_zonasi": .string("2024-03-11"), "mulai_pendaftaran": .string("2024-06-03"),
                            "selesai_pendaftaran": .string("2024-06-07"), "tanggal_pengumuman_hasil": .string("2024-06-20"),
                            "batas_daftar_ulang": .string("2024-06-26"), "jalur_prestasi": .bool(true), "daring": .bool(true)],
            "ppdb_kuota": ["rincian": .list(quotaRows())],
        ])
    }

    // MARK: Registration

    func distance(_ x: Double, _ y: Double, _ s: School) -> Int {
        // Metres, to the nearest 10: two homes the same distance away happen, as the tie rules expect.
        Int((((x - s.x) * (x - s.x) + (y - s.y) * (y - s.y)).squareRoot() * 100).rounded()) * 10
    }

    func zone(of village: String, _ level: String) throws -> String {
        try engine.referenceTables().lookup("ppdb/wilayah_zonasi", "kelurahan", village, "zona_\(level.lowercased())") ?? ""
    }

    func makeAttachments() throws -> [String: String] {
        let folder = (options.outputFolder as NSString).appendingPathComponent("lampiran-sintetis")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        engine.attachments = Attachments(folder: folder)
        var files: [String: String] = [:]
        for kind in ["akta", "ijazah", "kk", "bukti_program", "pernyataan", "penugasan", "rekomendasi", "peringkat_rapor", "piagam"] {
            try "Berkas contoh sintetis (\(kind)) untuk demo PPDB Seleksi; bukan dokumen sebenarnya.\n"
                .write(toFile: (folder as NSString).appendingPathComponent("\(kind).txt"), atomically: true, encoding: .utf8)
            files[kind] = "\(kind).txt"
        }
        return files
    }

    /// Parents register their children: mostly by zoning near home; some by affirmation or achievement
    /// at a school of another zone; a few too young or too old, or registering twice in one zone, whom
    /// the rules refuse (their forms stay drafts and close with registration).
    mutating func register(_ round: Int64) throws -> [Applicant] {
        let files = try makeAttachments()
        var applicants: [Applicant] = []
        var requests: [(FireRequest, Applicant)] = []
        let reference = CivilDate(iso: "2024-07-01")!
        try engine.batch {
            var previous: (nik: String, born: CivilDate, village: String, level: String)?
            for n in 1...options.applicants {
                let parent = "ortu-\(String(format: "%04d", n))"
                try engine.addActor(id: parent, name: SyntheticPeople.name(&rng), nip: nil, now: clock)
                let level = rng.chance(0.5) ? "SD" : (rng.chance(0.7) ? "SMP" : "SMA")
                var village = rng.pick(villages).id
                var born: CivilDate
                if level == "SD" {
                    born = reference.adding(months: -rng.int(72...95)).adding(days: -rng.int(0...27))
                    if rng.chance(0.04) { born = reference.adding(months: -rng.int(66...71)) }   // 5 y 6 m – 5 y 11 m
                } else if level == "SMP" {
                    born = reference.adding(months: -12 * rng.int(12...15) - rng.int(0...11))
                    if rng.chance(0.02) { born = reference.adding(months: -12 * 16 - 1) }        // 16: too old
                } else {
                    born = reference.adding(months: -12 * rng.int(15...18) - rng.int(0...11))
                    if rng.chance(0.02) { born = reference.adding(months: -12 * 22) }            // 22: too old
                }
                var nik = SyntheticPeople.nik(born: born, female: rng.chance(0.5), province: 63, &rng)
                // Now and then the same child registers again: in the same zone (refused) or by
                // affirmation at a school of another zone (allowed, Pasal 19 ayat (2)).
                var again = false
                if let p = previous, rng.chance(0.05) { (nik, born, village) = (p.nik, p.born, p.village); again = true }
                let level2 = again ? previous!.level : level
                let homeZone = try zone(of: village, level2)
                let (vx, vy) = villages.first { $0.id == village }.map { ($0.x, $0.y) } ?? (0, 0)
                let x = vx + Double(rng.int(-1200...1200)) / 1000, y = vy + Double(rng.int(-1200...1200)) / 1000
                let sameLevel = schools.filter { $0.level == level2 }
                let inZone = sameLevel.filter { $0.zone == homeZone }
                var channel: String
                var school: School
                let draw = Double(rng.int(0...999)) / 1000
                if draw < 0.15 || (again && rng.chance(0.5)) {
                    channel = "afirmasi"
                    school = rng.chance(0.8) || inZone.isEmpty ? sameLevel.min { distance(x, y, $0) < distance(x, y, $1) }! : rng.pick(sameLevel)
                } else if draw < 0.21 {
                    channel = "perpindahan"
                    school = inZone.isEmpty ? sameLevel[0] : rng.pick(inZone)
                } else if draw < 0.33 && level2 != "SD" {
                    channel = "prestasi"
                    school = rng.pick(sameLevel)
                } else {
                    channel = "zonasi"
                    school = inZone.isEmpty ? sameLevel[0] : inZone.min { distance(x, y, $0) < distance(x, y, $1) }!
                    if rng.chance(0.3), let other = inZone.randomElement(using: &rng) { school = other }
                }
                var form: [String: Value] = [
                    "nama": .string(SyntheticPeople.name(&rng)), "nik": .string(nik), "tanggal_lahir": .string(born.iso),
                    "bukti_lahir": .string("akta"), "berkas_bukti_lahir": .string(files["akta"]!), "disabilitas": .bool(false),
                    "kelurahan": .string(village), "dari_luar_negeri": .bool(false), "jalur": .string(channel),
                ]
                if level2 != "SD" {
                    form["bukti_kelulusan"] = .string("ijazah")
                    form["berkas_kelulusan"] = .string(files["ijazah"]!)
                    form["kabkota_sekolah_asal"] = .string(rng.chance(0.9) ? "Kabupaten Contoh" : "Kota Tetangga")
                }
                if level2 == "SD", months(born, reference) < 72, rng.chance(0.7) {
                    form["penerbit_rekomendasi"] = .string("psikolog")
                    form["berkas_rekomendasi"] = .string(files["rekomendasi"]!)
                }
                switch channel {
                case "zonasi":
                    form["dokumen_domisili"] = .string("kk")
                    form["tanggal_terbit_kk"] = .string(CivilDate(iso: "2024-06-03")!.adding(months: -rng.int(14...120)).iso)
                    form["berkas_kk"] = .string(files["kk"]!)
                    form["kabkota_domisili"] = .string("Kabupaten Contoh")
                case "afirmasi":
                    if rng.chance(0.85) {
                        form["kategori_afirmasi"] = .string("tidak_mampu")
                        form["program_penanganan"] = .string(rng.pick(["Program Indonesia Pintar", "Program Keluarga Harapan"]))
                        form["berkas_bukti_program"] = .string(files["bukti_program"]!)
                        form["berkas_pernyataan_orang_tua"] = .string(files["pernyataan"]!)
                    } else {
                        form["kategori_afirmasi"] = .string("disabilitas")
                        form["disabilitas"] = .bool(true)
                    }
                case "perpindahan":
                    form["dasar_perpindahan"] = .string("pindah_tugas")
                    form["penerbit_penugasan"] = .string(rng.pick(["instansi", "lembaga", "kantor", "perusahaan"]))
                    form["berkas_surat_penugasan"] = .string(files["penugasan"]!)
                default:
                    form["rapor"] = .list((1...5).map { .record(["semester": .number(Double($0)), "rata_rata": .number(Double(rng.int(700...980)) / 10)]) })
                    form["berkas_peringkat_rapor"] = .string(files["peringkat_rapor"]!)
                    form["prestasi"] = .list((0..<rng.int(0...2)).map { _ in
                        .record(["nama_prestasi": .string("Juara lomba tingkat kabupaten (fiktif)"), "bidang": .string(rng.pick(["akademik", "non_akademik"])),
                                 "tanggal_terbit": .string(CivilDate(iso: "2024-06-03")!.adding(months: -rng.int(7...30)).iso), "berkas": .string(files["piagam"]!)])
                    })
                }
                let id = try engine.start(workflow: "ppdb_pendaftar", org: school.id, actor: parent, parent: round, now: clock).id
                let a = Applicant(instance: id, nik: nik, x: x, y: y, school: school.id)
                requests.append((FireRequest(instance: id, event: "daftar", actor: parent, forms: ["ppdb_pendaftaran": form]), a))
                previous = (nik, born, village, level2)
            }
        }
        let results = try engine.fireBatch(requests.map(\.0), now: clock)
        for (result, request) in zip(results, requests) {
            if case .success = result { applicants.append(request.1) } else { summary.refused += 1 }
        }
        return applicants
    }

    func months(_ from: CivilDate, _ to: CivilDate) -> Int {
        (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0)
    }

    /// Each school's committee checks the documents and measures the distance; a few fail.
    mutating func verify(_ applicants: [Applicant]) throws {
        let byID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0) })
        var requests: [FireRequest] = []
        for a in applicants {
            let fails = rng.chance(0.03)
            requests.append(FireRequest(instance: a.instance, event: "verifikasi", actor: "\(a.school)-panitia",
                                        reason: fails ? "Berkas tidak sesuai aslinya (demo)" : nil,
                                        forms: ["ppdb_verifikasi": ["keputusan": .string(fails ? "tidak_memenuhi" : "memenuhi"),
                                                                    "jarak_meter": .number(Double(distance(a.x, a.y, byID[a.school]!)))]]))
        }
        try check(try engine.fireBatch(requests, now: clock))
    }

    /// The office places each over-capacity applicant at the nearest school of the same level with a seat
    /// left: in the same zone first (Pasal 33 ayat (2)), outside it when the zone is full (ayat (3)).
    mutating func placeOverflow(_ round: Int64, _ applicants: [Applicant]) throws -> Int {
        let waiting = try engine.list(InstanceFilter(workflow: "ppdb_pendaftar", state: "belum_diterima", parent: round), limit: Int.max)
        let admitted = try engine.list(InstanceFilter(workflow: "ppdb_pendaftar", state: "diterima", parent: round), limit: Int.max)
        var taken: [String: Int] = [:]
        for r in admitted { taken[r.variables["sekolah_penempatan"]?.displayText ?? "", default: 0] += 1 }
        let where_ = Dictionary(uniqueKeysWithValues: applicants.map { ($0.instance, $0) })
        let byID = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0) })
        var placed = 0
        var requests: [FireRequest] = []
        for r in waiting {
            guard let a = where_[r.id], let own = byID[r.org] else { continue }
            let open = schools.filter { $0.level == own.level && $0.id != own.id && taken[$0.id, default: 0] < $0.capacity }
                .sorted { distance(a.x, a.y, $0) < distance(a.x, a.y, $1) }
            let sameZone = open.filter { $0.zone == own.zone }
            let zoneFull = schools.filter { $0.level == own.level && $0.zone == own.zone }.allSatisfy { taken[$0.id, default: 0] >= $0.capacity }
            guard let target = sameZone.first ?? (zoneFull ? open.first : nil) else { continue }
            let inZone = target.zone == own.zone
            requests.append(FireRequest(instance: r.id, event: inZone ? "salurkan" : "salurkan_luar_zona", actor: "\(office)-operator",
                                        reason: inZone ? nil : "Daya tampung sekolah dalam wilayah zonasi yang sama tidak tersedia (demo)",
                                        forms: ["ppdb_penyaluran": ["sekolah_tujuan": .string(target.id),
                                                                    "jarak_meter": .number(Double(distance(a.x, a.y, target)))]]))
            taken[target.id, default: 0] += 1
            placed += 1
        }
        // One transaction: each placement still sees the ones before it (the engine checks the seats).
        try check(try engine.fireBatch(requests, now: clock))
        return placed
    }

    /// Most admitted children re-register with their original documents; a child admitted at two schools
    /// re-registers at one; a few never come.
    mutating func reRegister(_ round: Int64) throws {
        let admitted = try engine.list(InstanceFilter(workflow: "ppdb_pendaftar", state: "diterima", parent: round), limit: Int.max)
        var done = Set<String>()
        var requests: [FireRequest] = []
        for r in admitted {
            let nik = try engine.show(r.id).forms["ppdb_pendaftaran"]?["nik"]?.displayText ?? ""
            guard !done.contains(nik), !rng.chance(0.04) else { continue }
            let school = r.variables["sekolah_penempatan"]?.displayText ?? r.org
            let actor = school == r.org ? "\(r.org)-panitia" : "\(office)-operator"
            requests.append(FireRequest(instance: r.id, event: "daftar_ulang", actor: actor, forms: ["ppdb_daftar_ulang": ["dokumen_asli": .bool(true)]]))
            done.insert(nik)
        }
        try check(try engine.fireBatch(requests, now: clock))
    }

    // MARK: Output

    /// Seat use per school and channel: quota, admitted by ranking, placed by the office, re-registered.
    mutating func writeReport(_ round: Int64) throws {
        let children = try engine.list(InstanceFilter(workflow: "ppdb_pendaftar", parent: round), limit: Int.max)
        let holding: Set<String> = ["diterima", "peserta_didik", "tidak_daftar_ulang"]
        let quotas = Dictionary(uniqueKeysWithValues: quotaRows().compactMap { row -> (String, [String: Value])? in
            guard case .record(let cells) = row else { return nil }
            return (cells["sekolah"]?.displayText ?? "", cells)
        })
        let channels = ["zonasi", "afirmasi", "perpindahan", "prestasi"]
        var lines = ["# Laporan PPDB — penggunaan kursi per sekolah dan jalur", "",
                     "Putaran #\(round), \(options.applicants) pendaftaran sintetis (seed \(options.seed)). "
                        + "Kuota: kuota jalur yang diumumkan (prestasi: sisa kursi setelah tiga jalur lain, Pasal 13 ayat (4)). "
                        + "Diterima: lewat peringkat jalur di sekolah itu; disalurkan: ditempatkan dinas dari sekolah lain (Pasal 33).", "",
                     "| Sekolah | Daya tampung | Jalur | Kuota | Pendaftar terverifikasi | Diterima | Disalurkan ke sini | Daftar ulang |",
                     "|---|---|---|---|---|---|---|---|"]
        for s in schools {
            let placedHere = children.filter { holding.contains($0.state) && $0.variables["sekolah_penempatan"]?.displayText == s.id }
            let ranked = children.filter { $0.org == s.id && ($0.variables["jarak"].map { _ in true } ?? false) }
            var used = 0
            for channel in channels {
                let admitted = placedHere.filter { $0.variables["jalur_diterima"]?.displayText == channel && $0.variables["disalurkan"] != .bool(true) }
                let moved = placedHere.filter { $0.variables["jalur_diterima"]?.displayText == channel && $0.variables["disalurkan"] == .bool(true) }
                let verified = ranked.filter { $0.variables["jalur"]?.displayText == channel && $0.state != "tidak_memenuhi" }
                let confirmed = (admitted + moved).filter { $0.state == "peserta_didik" }.count
                let quota: String
                if channel == "prestasi" {
                    quota = s.level == "SD" ? "—" : "\(children.first { $0.org == s.id && $0.variables["jalur"]?.displayText == "prestasi" && $0.variables["peringkat_kuota"] != nil }?.variables["peringkat_kuota"]?.displayText ?? "0")"
                } else if case .number(let q)? = quotas[s.id]?[channel] { quota = String(Int(q)) } else { quota = "0" }
                used += admitted.count + moved.count
                lines.append("| \(s.name) | \(s.capacity) | \(channel) | \(quota) | \(verified.count) | \(admitted.count) | \(moved.count) | \(confirmed) |")
            }
            lines.append("| **\(s.name)** | **\(s.capacity)** | **jumlah** | | | | **terisi \(used)** | |")
        }
        lines += ["", "## Pendaftaran per status", "", "| Status | Jumlah |", "|---|---|"]
        for c in try engine.counts(InstanceFilter(workflow: "ppdb_pendaftar")) { lines.append("| \(c.state) | \(c.count) |") }
        lines += ["", "Pendaftaran yang ditolak aturan saat diajukan (tetap draf lalu ditutup): \(summary.refused)."]
        let path = (options.outputFolder as NSString).appendingPathComponent("laporan.md")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        summary.documents.append(path)
    }

    mutating func document(_ template: String, _ instance: Int64) throws {
        let renderer = DocumentRenderer(templatesFolder: (options.root as NSString).appendingPathComponent("templates"))
        let rendered = try renderer.render(template, instance: instance, engine: engine,
                                           outputFolder: (options.outputFolder as NSString).appendingPathComponent("dokumen"),
                                           replace: true, now: clock)
        summary.documents.append(rendered.htmlPath)
    }

    @discardableResult
    func fire(_ instance: Int64, _ event: String, _ actor: String, reason: String? = nil, forms: [String: [String: Value]] = [:]) throws -> FireResult {
        try engine.fire(FireRequest(instance: instance, event: event, actor: actor, reason: reason, forms: forms), now: clock)
    }

    func check(_ results: [Result<FireResult, EngineError>]) throws {
        for case .failure(let e) in results { throw e }
    }
}
