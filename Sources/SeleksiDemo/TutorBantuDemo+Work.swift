import Foundation
import SeleksiCore
import SeleksiDocuments
import SeleksiEngine
import SeleksiStore

/// The Tutor Bantu at work (Juknis 12/2019 BAB III–V), from the signed contracts to 31 December: the
/// UPT's budget and briefing, each SKB's agreement, pact and coaching, each tutor's schedule and study
/// group, then month by month the tutors' attendance and reports, the head's confirmation and
/// assessment, the SKB's report and payment list, the PPK's approval, the treasurer's transfers and the
/// UPT's report to the Director General; one suspension, one resignation replaced from the reserve list,
/// one dismissal through the sanctions, some missed reports; the final reports and the year closed.
extension TutorBantuDemo {
    /// What the work phase keeps between its steps.
    struct Work {
        var upt: Int64 = 0
        var treasurer = ""
        var skbYear: [String: Int64] = [:]
        /// Contracted tutors (tb_pelamar ids) with their programme and SKB.
        var tutors: [(id: Int64, program: String, skb: String, owner: String)] = []
        /// Per tutor, the JP taught so far (the agreement's plan or package is never passed).
        var taught: [Int64: Int] = [:]
        var packageDone: Set<Int64> = []
        /// Months whose report the tutor did not send with the attendance, and whether he sends it late.
        var lateReports: [Int64: Bool] = [:]
        var suspended: Int64?
        var resigned: Int64?
        var replacement: Int64?
        var dismissed: Int64?
        var rosters: [Int64: [String]] = [:]
    }

    /// Weekly slots per programme (weekday 1 = Monday, JP per session): PAUD 4 × 2 JP (about 34 JP a month,
    /// above the 30-JP target of Format 18 B), Kesetaraan and Keaksaraan 4 × 3 JP (within 360 JP by
    /// December), Kursus 3 × 4 JP until its package's hours are taught.
    static func slots(_ program: String) -> [(day: Int, jp: Int, hours: String)] {
        switch program {
        case "paud": return [(1, 2, "08.00–09.10"), (2, 2, "08.00–09.10"), (3, 2, "08.00–09.10"), (4, 2, "08.00–09.10")]
        case "kursus": return [(2, 4, "13.00–16.00"), (4, 4, "13.00–16.00"), (6, 4, "08.00–11.00")]
        default: return [(1, 3, "15.00–17.15"), (2, 3, "15.00–17.15"), (3, 3, "15.00–17.15"), (5, 3, "15.00–17.15")]
        }
    }

    /// Month by month from the first contract's start to December.
    mutating func runMonths(round: Int64, team: Team, _ w: inout Work) throws -> ClosedRange<Int> {
        guard let firstTutor = w.tutors.first else { return 12...12 }
        let first = try engine.show(firstTutor.id).forms["tb_kontrak"]?["mulai"]?.displayText ?? "2019-07-15"
        let startMonth = CivilDate(iso: first)?.month ?? 7
        for month in startMonth...12 {
            try events(before: month, round: round, team: team, &w)
            try reportMonth(month, team: team, &w)
            try payMonth(month, team: team, &w)
        }
        return startMonth...12
    }

    // MARK: Before work

    /// Opens the work phase after the contracts: what the year's months need before the first one.
    mutating func startWork(round: Int64, team: Team) throws -> Work {
        var w = Work()
        try prepareWork(round: round, team: team, &w)
        return w
    }

    mutating func prepareWork(round: Int64, team: Team, _ w: inout Work) throws {
        advance(hours: 24)
        try toWorkingDay()
        w.treasurer = "\(options.upt)-bendahara"
        try engine.addActor(id: w.treasurer, name: SyntheticPeople.name(&rng), nip: SyntheticPeople.nip(&rng), now: clock)
        try engine.grant(actor: w.treasurer, role: "bendahara", org: options.upt, now: clock)
        w.upt = try engine.start(workflow: "tb_pelaksanaan", org: options.upt, actor: team.head, now: clock).id
        try fire(w.upt, "mulai", team.kpa, forms: ["tb_pelaksanaan": ["tahun": .number(2019), "nomor_dipa": .string("SP DIPA-023.05.2.6850xx/2019 (fiktif)")]])
        for record in try engine.list(InstanceFilter(workflow: "tb_pelamar", state: "berkontrak", parent: round), limit: Int.max) {
            let program = try engine.show(record.id).forms["tb_kontrak"]?["program"]?.displayText ?? ""
            w.tutors.append((record.id, program, record.org, record.owner))
        }
        let town = try self.town()
        for skb in team.skbs where w.tutors.contains(where: { $0.skb == skb }) {
            let head = team.skbHeads[skb]!
            let id = try engine.start(workflow: "tb_skb_kerja", org: skb, actor: head, parent: w.upt, now: clock).id
            w.skbYear[skb] = id
            let born = CivilDate(year: rng.int(1965...1980), month: rng.int(1...12), day: rng.int(1...28))!
            try fire(id, "serahkan_pakta", head, forms: ["tb_pakta": [
                "nama": .string(team.names[head] ?? head), "nip": .string(SyntheticPeople.nip(&rng)), "pangkat_golongan": .string("Penata, III/c"),
                "tempat_lahir": .string("Kota Contoh"), "tanggal_lahir": .string(born.iso), "jabatan": .string("Kepala \(skbName(skb, team))"),
                "alamat_skb": .string("Jl. Contoh \(team.skbs.firstIndex(of: skb)! + 1) (fiktif)"), "alamat_rumah": .string("Jl. Rumah Contoh (fiktif)"),
                "telepon": .string(SyntheticPeople.phone(&rng)), "email": .string("kepala.skb\(team.skbs.firstIndex(of: skb)! + 1)@contoh.id"),
                "kabupaten_kota": .string("Kabupaten Contoh \(team.skbs.firstIndex(of: skb)! + 1)"), "tempat": .string(town),
                "tanggal": .string(clock.date.iso), "pakta_integritas": .bool(true), "tanggung_jawab_mutlak": .bool(true),
            ]])
            try fire(id, "ttd_pks", team.ppk, forms: ["tb_pks_skb": [
                "nomor": .string("PKS-\(team.skbs.firstIndex(of: skb)! + 1)/\(options.upt.uppercased())/2019"), "tanggal": .string(clock.date.iso),
                "tempat": .string(try engine.referenceTables().lookup("tutor_bantu/kop", "organisasi", options.upt, "nama_pendek") ?? town),
                "pengadilan_negeri": .string("Pengadilan Negeri \(town)"),
            ]])
        }
        advance(hours: 24)
        try toWorkingDay()
        try fire(w.upt, "pembekalan", team.operatorID, forms: ["tb_pembekalan": [
            "tanggal": .string(clock.date.iso), "tempat": .string("Aula UPT, \(town)"),
            "materi": .string("Petunjuk teknis, tugas pendidik/tutor bantu, daftar hadir dan laporan bulanan, pembayaran non tunai"),
            "peserta_skb": .number(Double(w.skbYear.count)), "peserta_pendidik": .number(Double(w.tutors.count)),
        ]])
        advance(hours: 24)
        try toWorkingDay()
        for (skb, id) in w.skbYear.sorted(by: { $0.key < $1.key }) {
            try fire(id, "pembinaan_awal", team.skbHeads[skb]!, forms: ["tb_pembinaan_awal": [
                "tanggal": .string(clock.date.iso), "tempat": .string("Kantor \(skbName(skb, team))"),
                "materi": .string("Sosialisasi program, persamaan persepsi, jadwal dan administrasi pembelajaran"),
                "jumlah_pendidik": .number(Double(w.tutors.filter { $0.skb == skb }.count)),
            ]])
        }
        for tutor in w.tutors { try prepareTutor(tutor, team: team, &w) }
        // Who the year's events happen to: a PAUD or Kesetaraan tutor on the sanctions path, another
        // suspended in September.
        let candidates = w.tutors.filter { $0.program == "paud" || $0.program == "kesetaraan" }
        if candidates.count >= 3 {
            w.dismissed = candidates[0].id
            w.suspended = candidates[1].id
        }
        if options.workDocuments != .none {
            for (skb, id) in w.skbYear.sorted(by: { $0.key < $1.key }) where sampled(skb, team) {
                for template in ["pks_skb", "pakta_integritas", "sptjm"] { try document("tutor_bantu/\(template)", id, listed: false) }
            }
            try renderAll(w.tutors.filter { sampled($0.skb, team) }.map {
                DocumentRenderer.Job("tutor_bantu/jadwal_pembelajaran", $0.id)
            })
            summary.documents.append(folder("dokumen/pks_skb-*, pakta_integritas-*, sptjm-*, jadwal_pembelajaran-*"))
        }
    }

    /// Whether the per-tutor documents of this SKB are written (Formats 12, 13 and 16, the monthly work
    /// reports): for every SKB with `--documents all`, else for the first SKB only, since rendering a
    /// document costs more than the commands it records (the UPT's and SKBs' documents are always written).
    func sampled(_ skb: String, _ team: Team) -> Bool {
        options.workDocuments == .all || (options.workDocuments == .sample && skb == team.skbs.first)
    }

    func folder(_ name: String) -> String { (options.outputFolder as NSString).appendingPathComponent(name) }

    /// The head sets the tutor's schedule (Format 12) and registers his study group (BAB III B 5).
    mutating func prepareTutor(_ tutor: (id: Int64, program: String, skb: String, owner: String), team: Team, _ w: inout Work) throws {
        let head = team.skbHeads[tutor.skb]!
        let slots = Self.slots(tutor.program).map { s -> Value in
            .record(["materi": .string(subject(tutor.program)), "hari": .string(String(s.day)), "jam": .string(s.hours), "jp": .number(Double(s.jp))])
        }
        try fire(tutor.id, "tetapkan_jadwal", head, forms: ["tb_jadwal_belajar": [
            "nomor": .string("JDW-\(tutor.id)/2019"), "tanggal": .string(clock.date.iso), "slot": .list(slots)]])
        let minimum = tutor.program == "paud" ? 12 : 10
        let names = (0..<rng.int(minimum...(minimum + 8))).map { _ in SyntheticPeople.name(&rng) }
        w.rosters[tutor.id] = names
        try fire(tutor.id, "daftarkan_rombel", head, forms: ["tb_rombel": [
            "nama_rombel": .string("\(subject(tutor.program)) \(tutor.id)"),
            "peserta": .list(names.map { .record(["nama": .string($0), "jenis_kelamin": .string(rng.chance(0.5) ? "L" : "P"), "terdaftar_dapodik": .bool(true)]) }),
        ]])
    }

    func subject(_ program: String) -> String {
        switch program {
        case "paud": return "Kelompok B (PAUD)"
        case "kesetaraan": return "Paket C"
        case "keaksaraan": return "Keaksaraan Dasar"
        default: return "Kursus"
        }
    }

    // MARK: The year's events

    /// The scripted events of the year, each on its day: a dismissal through the sanctions (warning in
    /// September, dissatisfaction in October, dismissal in November), a suspension in September lifted
    /// in October, a resignation in September replaced from the reserve list.
    mutating func events(before month: Int, round: Int64, team: Team, _ w: inout Work) throws {
        guard let dismissed = w.dismissed, let suspended = w.suspended,
              let d = w.tutors.first(where: { $0.id == dismissed }), let s = w.tutors.first(where: { $0.id == suspended }) else { return }
        let head = { (t: (id: Int64, program: String, skb: String, owner: String)) in team.skbHeads[t.skb]! }
        switch month {
        case 9:
            try moveTo(2019, 9, 3)
            try fire(d.id, "tegur", head(d), reason: "Laporan dan kinerja Agustus di bawah batas (demo)", forms: ["tb_sanksi": sanction("TGR", d.id, "Tidak menyusun dan menyampaikan laporan pekerjaan sesuai Pasal 2 ayat (1) h; kinerja Agustus kurang")])
            try moveTo(2019, 9, 10)
            try fire(s.id, "skors", head(s), reason: "Diduga melakukan tindak pidana; menunggu proses hukum (demo)", forms: ["tb_sanksi": sanction("SKR", s.id, "Diduga melakukan tindak pidana kejahatan (Pasal 6 ayat 1)")])
            try moveTo(2019, 9, 16)
            try resignAndReplace(round: round, team: team, &w)
        case 10:
            try moveTo(2019, 10, 2)
            try fire(d.id, "nyatakan_tidak_puas", head(d), reason: "Teguran September tidak diindahkan (demo)", forms: ["tb_sanksi": sanction("TPS", d.id, "Tetap tidak melaksanakan kewajiban Pasal 2 ayat (1) sesudah teguran tertulis")])
            try moveTo(2019, 10, 15)
            try fire(s.id, "pulihkan", head(s), reason: "Dugaan tidak terbukti; penyidikan dihentikan (demo)")
        case 11:
            try moveTo(2019, 11, 4)
            try fire(d.id, "berhentikan", head(d), reason: "Sanksi ketiga Pasal 5 sesudah teguran dan pernyataan tidak puas (demo)", forms: ["tb_pemberhentian": [
                "nomor": .string("PHK-\(d.id)/2019"), "tanggal": .string(clock.date.iso), "dasar": .string("f"),
                "uraian": .string("Tidak melaksanakan kewajiban Pasal 2 ayat (1): laporan pekerjaan tidak disampaikan dan pembelajaran tidak dilaksanakan sesuai jadwal"),
                "bukti": .string("ktp.txt"),
            ]])
        default: return
        }
    }

    func sanction(_ kind: String, _ id: Int64, _ text: String) -> [String: Value] {
        ["nomor": .string("\(kind)-\(id)/2019"), "tanggal": .string(clock.date.iso), "uraian": .string(text)]
    }

    /// Moves the clock forward to 08:00 of that date (or the next working day), never back.
    mutating func moveTo(_ year: Int, _ month: Int, _ day: Int) throws {
        let target = CivilDate(year: year, month: month, day: day)!
        let working = WorkingDays(reference: try engine.referenceTables()).onOrAfter(target)
        let at = Timestamp(startOf: working).seconds + 8 * 3600
        if at > clock.seconds { advance(hours: Int((at - clock.seconds + 3599) / 3600)) }
    }

    /// A tutor with a reserve behind him in his SKB and programme resigns (BAB III B 7: dismissed, not
    /// paid); the Kepala UPT appoints the next reserve into the vacancy, who signs both agreements.
    mutating func resignAndReplace(round: Int64, team: Team, _ w: inout Work) throws {
        let reserves = try engine.list(InstanceFilter(workflow: "tb_pelamar", state: "cadangan", parent: round), limit: Int.max)
        func group(_ r: InstanceRecord) -> String { r.variables["peringkat_kelompok"]?.displayText ?? "" }
        let taken = Set([w.dismissed, w.suspended].compactMap { $0 })
        var leaving: InstanceRecord?
        for t in w.tutors where !taken.contains(t.id) {
            let r = try engine.record(t.id)
            if reserves.contains(where: { group($0) == group(r) }) { leaving = r; break }
        }
        guard let leaving else { return }
        func place(_ r: InstanceRecord) -> Double { if case .number(let n)? = r.variables["peringkat"] { return n } else { return .infinity } }
        let next = reserves.filter { group($0) == group(leaving) }.min { place($0) < place($1) }!
        w.resigned = leaving.id
        try fire(leaving.id, "mundur", leaving.owner, reason: "Pindah ke luar daerah; mengundurkan diri sebelum kontrak berakhir (demo)")
        advance(hours: 48)
        try toWorkingDay()
        try fire(next.id, "gantikan", team.head, reason: "Mengisi lowongan #\(leaving.id) (mengundurkan diri) dari daftar cadangan, disetujui Kepala UPT (demo)")
        let program = try engine.show(next.id).forms["tb_portofolio"]?["program"]?.displayText ?? ""
        try fire(next.id, "ttd_perjanjian_kerja", team.skbHeads[next.org]!, forms: ["tb_kontrak": [
            "nomor": .string("PK-P\(next.id)/\(next.org.uppercased())/2019"), "tanggal": .string(clock.date.iso),
            "tempat": .string("Kantor \(skbName(next.org, team))"), "mulai": .string("2019-10-01"), "selesai": .string("2019-12-31"),
            "program": .string(program), "nama_bank": .string("Bank Contoh"), "nomor_rekening": .string(String(rng.int(1_000_000_000...9_999_999_999))),
        ].merging(fee(program, org: next.org, team)) { $1 }])
        try fire(next.id, "ttd_pks", team.ppk)
        let tutor = (id: next.id, program: program, skb: next.org, owner: next.owner)
        w.tutors.append(tutor)
        w.replacement = next.id
        try prepareTutor(tutor, team: team, &w)
        if options.workDocuments != .none {
            try document("tutor_bantu/perjanjian_kerja", next.id, listed: false)
            try document("tutor_bantu/pks", next.id, listed: false)
        }
    }

    // MARK: Each month

    /// On the month's last working days each tutor in force opens his month and sends the attendance of
    /// his sessions (and, mostly, his report); a tutor who missed last month's report sends it late.
    mutating func reportMonth(_ month: Int, team: Team, _ w: inout Work) throws {
        let last = CivilDate(year: 2019, month: month, day: 1)!.adding(months: 1).adding(days: -1)
        var reportDay = last
        let calendar = WorkingDays(reference: try engine.referenceTables())
        while calendar.reasonNotWorking(reportDay) != nil { reportDay = reportDay.adding(days: -1) }
        if month == 12 { reportDay = CivilDate(year: 2019, month: 12, day: 20)! }
        try moveTo(2019, month, reportDay.day)
        // Late reports of last month come first.
        for (id, sends) in w.lateReports.sorted(by: { $0.key < $1.key }) where sends {
            let record = try engine.record(id)
            guard record.state == "menunggu_laporan", let parent = record.parent,
                  let tutor = w.tutors.first(where: { $0.id == parent }) else { continue }
            try fire(id, "kirim_laporan", tutor.owner, forms: ["tb_laporan_bulanan": workReport(month: month - 1, late: true)])
        }
        w.lateReports = [:]
        var requests: [FireRequest] = []
        var opened: [(month: Int64, tutor: Int64)] = []
        try engine.batch {
            for tutor in w.tutors {
                let record = try engine.show(tutor.id)
                guard record.record.state == "berkontrak", !w.packageDone.contains(tutor.id),
                      let mulai = record.forms["tb_kontrak"]?["mulai"].flatMap({ CivilDate(iso: $0.displayText) }) else { continue }
                // The suspended tutor teaches again from the day he is reinstated.
                var from = max(mulai, CivilDate(year: 2019, month: month, day: 1)!)
                if tutor.id == w.suspended, month == 10 { from = max(from, CivilDate(year: 2019, month: 10, day: 15)!) }
                let sheet = attendance(tutor: tutor, month: month, from: from,
                                       to: reportDay, calendar: calendar, &w)
                guard let sheet else { continue }
                let id = try engine.start(workflow: "tb_bulan", org: tutor.skb, actor: tutor.owner, parent: tutor.id, now: clock).id
                opened.append((id, tutor.id))
                // One tutor-month in twenty comes without its report; half of those send it next month.
                let missing = rng.chance(0.05) || (tutor.id == w.dismissed && month == 9)
                var forms: [String: [String: Value]] = ["tb_presensi": sheet]
                if missing { w.lateReports[id] = rng.chance(0.5) && tutor.id != w.dismissed } else { forms["tb_laporan_bulanan"] = workReport(month: month, late: false) }
                requests.append(FireRequest(instance: id, event: "lapor", actor: tutor.owner, forms: forms))
            }
        }
        _ = try fireAll(requests)
    }

    /// The month's Format 13 sheet for a tutor: a session on each scheduled working day from `from` to
    /// `to`, the tutor mostly present, each learner's attendance drawn per session and summed both ways.
    /// Kesetaraan and Keaksaraan stop at the agreement's 360 JP; Kursus at its package's hours, marking
    /// the package's end. Nil when there is no session.
    mutating func attendance(tutor: (id: Int64, program: String, skb: String, owner: String), month: Int, from: CivilDate, to: CivilDate,
                             calendar: WorkingDays, _ w: inout Work) -> [String: Value]? {
        guard from <= to else { return nil }
        let slots = Self.slots(tutor.program)
        let roster = w.rosters[tutor.id] ?? []
        let limit = tutor.program == "paud" ? Int.max : (tutor.program == "kursus" ? packageHours(tutor) : 360)
        var done = w.taught[tutor.id] ?? 0
        var sessions: [Value] = []
        var perLearner = Array(repeating: [0, 0, 0, 0], count: roster.count)
        var endsPackage = false
        var day = from
        // A weak month for the tutor on the sanctions path: present one session in two.
        let weak = tutor.id == w.dismissed
        while day <= to && done < limit {
            let weekday = (day.dayNumber - CivilDate(year: 2000, month: 1, day: 3)!.dayNumber) % 7 + 1
            if let slot = slots.first(where: { $0.day == weekday }), calendar.reasonNotWorking(day) == nil || weekday == 6 {
                let code = weak ? (rng.chance(0.5) ? "H" : "A") : (rng.chance(0.03) ? rng.pick(["S", "I"]) : "H")
                let jp = code == "H" ? min(slot.jp, limit - done) : slot.jp
                var counts = [0, 0, 0, 0]
                for k in roster.indices {
                    let c = rng.chance(0.9) ? 0 : rng.int(1...3)
                    counts[c] += 1
                    perLearner[k][c] += 1
                }
                sessions.append(.record(["tanggal": .string(day.iso), "materi": .string(subject(tutor.program)), "jp": .number(Double(jp)),
                                         "kehadiran": .string(code), "peserta_h": .number(Double(counts[0])), "peserta_s": .number(Double(counts[1])),
                                         "peserta_i": .number(Double(counts[2])), "peserta_a": .number(Double(counts[3]))]))
                if code == "H" { done += jp }
                if tutor.program == "kursus" && done == limit { endsPackage = true }
            }
            day = day.adding(days: 1)
        }
        guard !sessions.isEmpty else { return nil }
        w.taught[tutor.id] = done
        if endsPackage { w.packageDone.insert(tutor.id) }
        var sheet: [String: Value] = [
            "tahun": .number(2019), "bulan": .number(Double(month)), "sesi": .list(sessions),
            "peserta": .list(roster.indices.map { k in .record(["nama": .string(roster[k]), "rekap_h": .number(Double(perLearner[k][0])),
                                                                  "rekap_s": .number(Double(perLearner[k][1])), "rekap_i": .number(Double(perLearner[k][2])),
                                                                  "rekap_a": .number(Double(perLearner[k][3]))]) }),
        ]
        if endsPackage { sheet["akhir_paket"] = .bool(true) }
        return sheet
    }

    /// The Format 18 A hours of the tutor's course package.
    func packageHours(_ tutor: (id: Int64, program: String, skb: String, owner: String)) -> Int {
        let key = (try? engine.show(tutor.id).forms["tb_kontrak"]?["jenis_kursus"]?.displayText) ?? nil
        return key.flatMap { try? engine.referenceTables().lookup("tutor_bantu/biaya_kursus_kunci", "kunci", $0, "jumlah_jp") }.flatMap(Int.init) ?? 88
    }

    func workReport(month: Int, late: Bool) -> [String: Value] {
        ["tanggal": .string(clock.date.iso), "kegiatan": .string("Pembelajaran sesuai jadwal bulan \(IndonesianFormat.months[month - 1]) (demo)"),
         "perkembangan": .string("Sebagian besar peserta didik mencapai tujuan pembelajaran bulan ini (demo)"),
         "kendala": .string(late ? "Laporan terlambat disampaikan (demo)" : "Tidak ada kendala berarti (demo)"),
         "tindak_lanjut": .string("Melanjutkan materi sesuai jadwal (demo)")]
    }

    /// Early next month (for December, its last days): the heads confirm and assess, each SKB reports
    /// and lists its payments, the PPK approves, the treasurer transfers and closes the lists, and the
    /// UPT reports to the Director General.
    mutating func payMonth(_ month: Int, team: Team, _ w: inout Work) throws {
        if month == 12 { try moveTo(2019, 12, 23) } else { try moveTo(2019, month + 1, 2) }
        var confirmations: [FireRequest] = []
        for tutor in w.tutors {
            for m in try engine.list(InstanceFilter(workflow: "tb_bulan", state: "dilaporkan", parent: tutor.id), limit: 100) {
                let weak = tutor.id == w.dismissed
                let scores = [(17, 25), (17, 25), (16, 25)].map { Value.number(Double(weak ? 8 : rng.int($0.0...$0.1))) }
                confirmations.append(FireRequest(instance: m.id, event: "sahkan", actor: team.skbHeads[tutor.skb]!, forms: ["tb_penilaian_bulanan": [
                    "kehadiran_sesuai": .bool(true), "laporan_sesuai": .bool(true), "administrasi": scores[0], "kesungguhan": scores[1],
                    "profesionalisme": scores[2], "catatan": .string(weak ? "Perlu pembinaan: kehadiran dan laporan (demo)" : "Baik (demo)"),
                ]]))
            }
        }
        _ = try fireAll(confirmations)
        advance(hours: 24)
        try toWorkingDay()
        let uptName = try engine.referenceTables().lookup("tutor_bantu/kop", "organisasi", options.upt, "nama_pendek") ?? options.upt
        var lists: [(skb: String, id: Int64)] = []
        for (skb, year) in w.skbYear.sorted(by: { $0.key < $1.key }) {
            let id = try engine.start(workflow: "tb_skb_bulan", org: skb, actor: team.skbHeads[skb]!, parent: year, now: clock).id
            try fire(id, "kirim", team.skbHeads[skb]!, forms: ["tb_laporan_skb": [
                "tahun": .number(2019), "bulan": .number(Double(month)), "nomor": .string("LAP-\(month)/\(skb.uppercased())/2019"),
                "tanggal": .string(clock.date.iso), "ringkasan": .string("Pembelajaran berjalan sesuai jadwal; daftar hadir dan laporan terlampir (demo)"),
                "permasalahan": .string("Beberapa laporan bulanan terlambat; telah diingatkan (demo)"),
            ]])
            lists.append((skb, id))
        }
        for list in lists {
            try fire(list.id, "setujui", team.ppk, forms: ["tb_persetujuan_bayar": [
                "nomor": .string("DN-\(month)/\(list.skb.uppercased())/2019"), "tanggal": .string(clock.date.iso)]])
        }
        advance(hours: 24)
        try toWorkingDay()
        var payments: [FireRequest] = []
        for list in lists {
            let lines = try engine.record(list.id).variables["rincian_bayar"]
            guard case .list(let rows)? = lines else { continue }
            for row in rows {
                guard case .record(let r) = row, case .number(let n)? = r["id"] else { continue }
                let month = try engine.record(Int64(n))
                guard let parent = month.parent,
                      ["berkontrak", "kontrak_selesai"].contains(try engine.record(parent).state) else { continue }
                payments.append(FireRequest(instance: Int64(n), event: "bayar", actor: w.treasurer, forms: ["tb_transfer": [
                    "tanggal": .string(clock.date.iso), "nomor_bukti": .string("SP2D-\(month.id)/\(uptName.count)/2019")]]))
            }
        }
        _ = try fireAll(payments)
        for list in lists { try fire(list.id, "tutup", w.treasurer) }
        let report = try engine.start(workflow: "tb_upt_bulan", org: options.upt, actor: team.head, parent: w.upt, now: clock).id
        try fire(report, "kirim", team.head, forms: ["tb_laporan_upt": [
            "tahun": .number(2019), "bulan": .number(Double(month)), "nomor": .string("LAP-UPT-\(month)/2019"), "tanggal": .string(clock.date.iso),
            "catatan": .string("Pelaksanaan bulan \(IndonesianFormat.months[month - 1]) sesuai rencana (demo)"),
        ]])
        guard options.workDocuments != .none else { return }
        try document("tutor_bantu/laporan_upt_bulanan", report, listed: month == 12)
        for list in lists {
            try document("tutor_bantu/daftar_pembayaran", list.id, listed: month == 12 && list.skb == lists.first?.skb)
            try document("tutor_bantu/laporan_skb_bulanan", list.id, listed: month == 12 && list.skb == lists.first?.skb)
        }
        var jobs: [DocumentRenderer.Job] = []
        for tutor in w.tutors where sampled(tutor.skb, team) {
            for m in try engine.list(InstanceFilter(workflow: "tb_bulan", parent: tutor.id), limit: 100) where m.variables["bulan"] == .number(Double(month)) {
                jobs.append(DocumentRenderer.Job("tutor_bantu/daftar_hadir", m.id))
                if m.state != "menunggu_laporan" {
                    jobs.append(DocumentRenderer.Job("tutor_bantu/laporan_pekerjaan", m.id))
                }
                if m.state == "dibayar" { jobs.append(DocumentRenderer.Job("tutor_bantu/kuitansi", m.id)) }
            }
        }
        // The season's first receipt is the one listed in the summary.
        let receipt = try renderAll(jobs).first { ($0.htmlPath as NSString).lastPathComponent.hasPrefix("kuitansi-") }
        if let receipt, summary.documents.allSatisfy({ !$0.contains("kuitansi") }) {
            summary.documents.append(receipt.htmlPath)
        }
    }

    // MARK: The end of the year

    /// The heads assess each tutor at the end of the contract (BAB IV D 2) and file the final reports
    /// (Format 17); the contracts end on their date; the UPT closes its year and the round.
    mutating func closeYear(round: Int64, team: Team, _ w: inout Work) throws {
        try moveTo(2019, 12, 27)
        for tutor in w.tutors where try engine.record(tutor.id).state == "berkontrak" {
            try fire(tutor.id, "nilai_akhir", team.skbHeads[tutor.skb]!, forms: ["tb_penilaian_akhir": [
                "disiplin": .number(Double(rng.int(65...98))), "profesionalisme": .number(Double(rng.int(65...98))),
                "prestasi": .number(Double(rng.int(60...98))), "catatan": .string("Penilaian akhir kontrak (demo)")]])
        }
        advance(hours: 24)
        try toWorkingDay()
        for (skb, id) in w.skbYear.sorted(by: { $0.key < $1.key }) {
            let n = team.skbs.firstIndex(of: skb)! + 1
            try fire(id, "laporan_akhir", team.skbHeads[skb]!, forms: ["tb_laporan_akhir": [
                "nama_skb": .string(skbName(skb, team)), "npsn": .string(String(format: "6%07d", 1000 + n)), "akreditasi": .string("B"),
                "nama_kepala": .string(team.names[team.skbHeads[skb]!] ?? ""), "alamat": .string("Jl. Contoh \(n) (fiktif)"),
                "kabupaten_kota": .string("Kabupaten Contoh \(n)"), "provinsi": .string("Kalimantan Selatan"), "kode_pos": .string("70\(String(format: "%03d", n))"),
                "telepon": .string("(0511) 555\(String(format: "%03d", n))"), "email": .string("skb\(n)@contoh.id"),
                "rekomendasi_dinas": .string("421/\(n)/Disdik/2019, 4 Februari 2019 (fiktif)"), "perbup": .string("Perbup Nomor \(n) Tahun 2017 (fiktif)"),
                "npwp_lembaga": .string("01.234.567.8-\(String(format: "%03d", n)).000"), "rekening_lembaga": .string("Bank Contoh 00\(n)12345 (fiktif)"),
                "nomor_akreditasi": .string("BAN PAUD-PNF \(n)/2018 (fiktif)"),
                "program_reguler": .list([.record(["program": .string("PAUD (KB)"), "peserta": .number(30), "pamong": .number(2), "nonpamong": .number(1), "jam": .number(360), "bulan": .number(12)])]),
                "rencana": .list(["PAUD", "Kesetaraan", "Keaksaraan", "Kursus"].map { .record(["program": .string($0), "jam": .number($0 == "PAUD" ? 180 : 270), "pertemuan": .number(80), "bulan": .number(6)]) }),
                "masalah": .list([.record(["program": .string("Semua program"), "permasalahan": .string("Laporan bulanan sebagian pendidik terlambat"),
                                           "solusi": .string("Pengingat tanggal 25 setiap bulan; honorarium ditahan sampai laporan disahkan")])]),
                "saran_tutor": .string("Menyerahkan laporan bulanan tepat waktu (demo)"), "saran_paud": .string("Menambah alat permainan edukatif (demo)"),
                "saran_instruktur": .string("Menyelaraskan paket dengan SKL (demo)"), "saran_upt": .string("Pembekalan lebih awal (demo)"),
                "saran_ditjen": .string("Melanjutkan program pada tahun berikutnya (demo)"), "tempat": .string("Kabupaten Contoh \(n)"), "tanggal": .string(clock.date.iso),
            ]])
        }
        // The contracts end at the close of 31 December (their timers), then the year and the round close.
        try moveTo(2020, 1, 2)
        _ = try engine.tick(now: clock)
        try fire(w.upt, "tutup", team.head)
        try fire(round, "tutup_putaran", team.head)
        if options.workDocuments != .none {
            for (skb, id) in w.skbYear.sorted(by: { $0.key < $1.key }) { try document("tutor_bantu/laporan_akhir", id, listed: skb == team.skbs.first) }
            try document("tutor_bantu/laporan_kinerja", w.upt)
        }
        let upt = try engine.record(w.upt).variables
        func number(_ v: Value?) -> Double { if case .number(let n)? = v { return n } else { return 0 } }
        summary.budget = (allocation: Int64(number(upt["pagu"])), paid: Int64(number(upt["terbayar"])), percent: number(upt["capaian_anggaran"]))
    }
}
