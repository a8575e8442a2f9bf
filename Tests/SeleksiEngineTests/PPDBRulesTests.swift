import Foundation
import SeleksiCore
import Testing

@testable import SeleksiEngine

/// A PPDB round on the shipped ppdb_putaran / ppdb_pendaftar XML and seed/ppdb tables, in a real
/// SQLite database: the fictional district's office and schools as organisations, one committee
/// member per school, the round announced on 22 April 2024 (registration 3–7 June, results 20 June,
/// re-registration until 26 June).
struct PPDBFixture {
    let temp = TempFolder()
    let engine: Engine
    var round: Int64 = 0
    let office = "dinas-pendidikan-contoh"
    let schools = ["sdn-contoh-1", "sdn-contoh-2", "sdn-contoh-3", "sdn-contoh-4", "smpn-contoh-1", "smpn-contoh-2", "smpn-contoh-3",
                   "sman-contoh-1"]
    var parents = 0

    init(announce: Bool = true, prestasi: Bool = true) throws {
        engine = try Engine.initialise(path: temp.file("db.sqlite"), root: Repo.root, seedPath: Repo.path("seed"),
                                       options: .init(simulation: true), now: at("2024-04-01T07:00")).0
        temp.write("berkas.txt", "berkas sintetis untuk uji PPDB\n")
        engine.attachments = Attachments(folder: temp.path)
        let now = at("2024-04-01T08:00")
        try engine.addOrganisation(id: office, name: "Dinas Pendidikan Contoh (fiktif)", kind: "dinas", parent: nil, now: now)
        for (id, role) in [("kadis", "kepala_dinas"), ("operator", "operator_dinas")] {
            try engine.addActor(id: id, name: "\(id) (fiktif)", nip: nil, now: now)
            try engine.grant(actor: id, role: role, org: office, now: now)
        }
        for s in schools {
            try engine.addOrganisation(id: s, name: "\(s) (fiktif)", kind: "sekolah", parent: office, now: now)
            try engine.addActor(id: "\(s)-panitia", name: "Panitia \(s) (fiktif)", nip: nil, now: now)
            try engine.grant(actor: "\(s)-panitia", role: "panitia_sekolah", org: s, now: now)
        }
        round = try engine.start(workflow: "ppdb_putaran", org: office, actor: "operator", now: at("2024-04-22T08:00")).id
        if announce {
            try fire(round, "umumkan_pendaftaran", "kadis", "2024-04-22T09:00",
                     forms: ["ppdb_jadwal": PPDBFixture.schedule(prestasi: prestasi), "ppdb_kuota": ["rincian": .list(PPDBFixture.quotas())]])
        }
    }

    static func schedule(prestasi: Bool = true, zoning: String = "2024-03-11") -> [String: Value] {
        ["tahun": .number(2024), "nomor_keputusan_zonasi": .string("1/ZONASI/2024"), "tanggal_pengumuman_zonasi": .string(zoning),
         "mulai_pendaftaran": .string("2024-06-03"), "selesai_pendaftaran": .string("2024-06-07"),
         "tanggal_pengumuman_hasil": .string("2024-06-20"), "batas_daftar_ulang": .string("2024-06-26"),
         "jalur_prestasi": .bool(prestasi), "daring": .bool(true)]
    }

    /// Zoning at the minimum share rounded up (an SD's rest to zoning), affirmation at 15% rounded up,
    /// transfer at 5% rounded down: capacities 56/28/28/28 (SD), 64/32/32 (SMP), 36 (SMA).
    static func quotas(_ change: [String: [String: Value]] = [:]) -> [Value] {
        let rows: [(String, Int, Int, Int)] = [("sdn-contoh-1", 45, 9, 2), ("sdn-contoh-2", 22, 5, 1), ("sdn-contoh-3", 22, 5, 1),
                                              ("sdn-contoh-4", 22, 5, 1), ("smpn-contoh-1", 32, 10, 3), ("smpn-contoh-2", 16, 5, 1),
                                              ("smpn-contoh-3", 16, 5, 1), ("sman-contoh-1", 18, 6, 1)]
        return rows.map { id, zoning, affirmation, transfer in
            .record(["sekolah": .string(id), "zonasi": .number(Double(zoning)), "afirmasi": .number(Double(affirmation)),
                     "perpindahan": .number(Double(transfer))].merging(change[id] ?? [:]) { $1 })
        }
    }

    @discardableResult
    func fire(_ id: Int64, _ event: String, _ actor: String, _ time: String, reason: String? = nil,
              forms: [String: [String: Value]] = [:]) throws -> FireResult {
        try engine.fire(FireRequest(instance: id, event: event, actor: actor, reason: reason, forms: forms), now: at(time))
    }

    /// Registration opens by its timer at the start of 3 June.
    func open() throws { _ = try engine.tick(now: at("2024-06-03T00:30")) }
    func closeRegistration() throws { _ = try engine.tick(now: at("2024-06-08T01:00")) }

    /// A complete application: a child of the right age for the school's level, living in
    /// `village`, by zoning with a family card issued two years before.
    static func form(level: String = "SD", born: String? = nil, village: String = "kel-contoh-01", channel: String = "zonasi",
                     nik: String? = nil) -> [String: Value] {
        let birth = born ?? (level == "SD" ? "2017-03-10" : (level == "SMP" ? "2011-05-20" : "2008-08-15"))
        var f: [String: Value] = [
            "nama": .string("Anak Contoh (fiktif)"), "nik": .string(nik ?? PPDBFixture.nik(birth)), "tanggal_lahir": .string(birth),
            "bukti_lahir": .string("akta"), "berkas_bukti_lahir": .string("berkas.txt"), "disabilitas": .bool(false),
            "kelurahan": .string(village), "dari_luar_negeri": .bool(false), "jalur": .string(channel),
        ]
        if level != "SD" {
            f["bukti_kelulusan"] = .string("ijazah")
            f["berkas_kelulusan"] = .string("berkas.txt")
        }
        switch channel {
        case "zonasi":
            f["dokumen_domisili"] = .string("kk")
            f["tanggal_terbit_kk"] = .string("2022-01-10")
            f["berkas_kk"] = .string("berkas.txt")
            f["kabkota_domisili"] = .string("Kabupaten Contoh")
        case "afirmasi":
            f["kategori_afirmasi"] = .string("tidak_mampu")
            f["program_penanganan"] = .string("Program Indonesia Pintar")
            f["berkas_bukti_program"] = .string("berkas.txt")
            f["berkas_pernyataan_orang_tua"] = .string("berkas.txt")
        case "perpindahan":
            f["dasar_perpindahan"] = .string("pindah_tugas")
            f["penerbit_penugasan"] = .string("instansi")
            f["berkas_surat_penugasan"] = .string("berkas.txt")
        default:
            f["rapor"] = .list((1...5).map { .record(["semester": .number(Double($0)), "rata_rata": .number(85)]) })
            f["berkas_peringkat_rapor"] = .string("berkas.txt")
        }
        return f
    }

    /// A synthetic NIK whose digits 7–12 carry the birth date; the serial makes each one new.
    static let serials = SerialCounter()
    static func nik(_ born: String) -> String {
        let serial = serials.next()
        let d = CivilDate(iso: born)!
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "637101" + two(d.day) + two(d.month) + two(d.year % 100) + String(format: "%04d", serial % 10000)
    }

    /// A parent registers a child at `school`; the instance is returned whether the application was
    /// accepted or refused (a refused one stays a draft), with the refusal if any.
    mutating func apply(_ school: String, _ form: [String: Value], at time: String = "2024-06-04T10:00") throws -> (id: Int64, refused: String?) {
        parents += 1
        let parent = "ortu-\(parents)"
        try engine.addActor(id: parent, name: "Orang Tua \(parents) (fiktif)", nip: nil, now: at(time))
        let id = try engine.start(workflow: "ppdb_pendaftar", org: school, actor: parent, parent: round, now: at(time)).id
        do {
            try fire(id, "daftar", parent, time, forms: ["ppdb_pendaftaran": form])
            return (id, nil)
        } catch EngineError.refused(let r, let v) {
            return (id, r.message.id + v.map { " [\($0.path)] " + $0.message.id }.joined())
        }
    }

    /// Applies and expects acceptance.
    mutating func admit(_ school: String, _ form: [String: Value], at time: String = "2024-06-04T10:00") throws -> Int64 {
        let (id, refused) = try apply(school, form, at: time)
        #expect(refused == nil, "refused: \(refused ?? "")")
        return id
    }

    func verify(_ id: Int64, _ school: String, distance: Int, at time: String = "2024-06-10T09:00") throws {
        try fire(id, "verifikasi", "\(school)-panitia", time,
                 forms: ["ppdb_verifikasi": ["keputusan": .string("memenuhi"), "jarak_meter": .number(Double(distance))]])
    }

    func select() throws { try fire(round, "seleksi", "operator", "2024-06-12T09:00") }

    func state(_ id: Int64) throws -> String { try engine.show(id).record.state }
    func variable(_ id: Int64, _ name: String) throws -> Value? { try engine.show(id).record.variables[name] }
    func rank(_ id: Int64) throws -> Int? {
        if case .number(let n)? = try variable(id, "peringkat") { return Int(n) }
        return nil
    }

    /// The refusal a command meets (guard messages and form violations), or nil when accepted.
    func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch EngineError.refused(let r, let v) {
            return r.message.id + v.map { " [\($0.path)] " + $0.message.id }.joined()
        } catch {
            return "error: \(error)"
        }
    }
}

/// Numbers for synthetic NIKs, one after another across the tests that run at once.
final class SerialCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

/// Each rule of Permendikbud 1/2021 that ppdb_putaran, ppdb_pendaftar and their forms state, at its
/// boundary: the test fails if the rule is dropped from the XML.
@Suite("PPDB: Permendikbud 1/2021 rules at their boundaries")
struct PPDBRulesTests {
    // MARK: Pasal 13: quotas per school

    func announce(_ f: PPDBFixture, quotas: [Value], schedule: [String: Value] = PPDBFixture.schedule(),
                  at time: String = "2024-04-22T09:00") -> String? {
        f.refusal {
            try f.fire(f.round, "umumkan_pendaftaran", "kadis", time,
                       forms: ["ppdb_jadwal": schedule, "ppdb_kuota": ["rincian": .list(quotas)]])
        }
    }

    @Test func zoningTakesAtLeastSeventyPercentAtSDAndFiftyAtSMP() throws {
        let f = try PPDBFixture(announce: false)
        // sdn-contoh-2 holds 28: 70% is 19.6, so 19 seats are too few and 20 enough.
        let sd = announce(f, quotas: PPDBFixture.quotas(["sdn-contoh-2": ["zonasi": .number(19), "afirmasi": .number(8)]]))
        #expect(sd?.contains("rincian[2].zonasi") == true)
        #expect(sd?.contains("paling sedikit 70%") == true)
        // smpn-contoh-2 holds 32: 16 is exactly 50%, 15 is not.
        let smp = announce(f, quotas: PPDBFixture.quotas(["smpn-contoh-2": ["zonasi": .number(15)]]))
        #expect(smp?.contains("rincian[6].zonasi") == true)
        #expect(announce(f, quotas: PPDBFixture.quotas(["sdn-contoh-2": ["zonasi": .number(20), "afirmasi": .number(7)]])) == nil)
    }

    @Test func affirmationTakesAtLeastFifteenPercentAndTransferAtMostFive() throws {
        let f = try PPDBFixture(announce: false)
        // 28 seats: 15% is 4.2 (4 too few), 5% is 1.4 (2 too many).
        let few = announce(f, quotas: PPDBFixture.quotas(["sdn-contoh-3": ["zonasi": .number(23), "afirmasi": .number(4)]]))
        #expect(few?.contains("rincian[3].afirmasi") == true)
        let many = announce(f, quotas: PPDBFixture.quotas(["sdn-contoh-3": ["zonasi": .number(21), "perpindahan": .number(2)]]))
        #expect(many?.contains("rincian[3].perpindahan") == true)
        #expect(many?.contains("paling banyak 5%") == true)
    }

    @Test func quotasFitTheCapacityOneRowPerSchoolAndSDHasNoAchievementSeats() throws {
        let f = try PPDBFixture(announce: false)
        let over = announce(f, quotas: PPDBFixture.quotas(["smpn-contoh-2": ["zonasi": .number(30)]]))
        #expect(over?.contains("rincian[6].sisa") == true)
        let twice = announce(f, quotas: PPDBFixture.quotas() + [PPDBFixture.quotas()[0]])
        #expect(twice?.contains("sekolah_berbeda") == true)
        // An SD's seats left beyond the three channels would have no channel (Pasal 14).
        let sdLeft = announce(f, quotas: PPDBFixture.quotas(["sdn-contoh-1": ["zonasi": .number(40)]]))
        #expect(sdLeft?.contains("Pasal 14") == true)
    }

    // MARK: Pasal 20 ayat (5), 28 ayat (3): announcement dates

    @Test func registrationIsAnnouncedByTheFirstWeekOfMayAMonthAfterTheZoning() throws {
        let f = try PPDBFixture(announce: false)
        #expect(announce(f, quotas: PPDBFixture.quotas(), schedule: PPDBFixture.schedule(zoning: "2024-03-23"))?
            .contains("Pasal 20 ayat (5)") == true)
        #expect(announce(f, quotas: PPDBFixture.quotas(), at: "2024-05-08T09:00")?.contains("minggu pertama bulan Mei") == true)
        let onTime = try PPDBFixture(announce: false)
        #expect(announce(onTime, quotas: PPDBFixture.quotas(), schedule: PPDBFixture.schedule(zoning: "2024-04-07"), at: "2024-05-07T09:00") == nil)
    }

    @Test func offlineRegistrationNeedsTheMissingNetworkAsItsReason() throws {
        let f = try PPDBFixture(announce: false)
        var offline = PPDBFixture.schedule()
        offline["daring"] = .bool(false)
        #expect(announce(f, quotas: PPDBFixture.quotas(), schedule: offline)?.contains("alasan_luring") == true)
        offline["alasan_luring"] = .string("Jaringan internet tidak tersedia di kecamatan (fiktif)")
        #expect(announce(f, quotas: PPDBFixture.quotas(), schedule: offline, at: "2024-04-22T09:30") == nil)
    }

    @Test func aSchoolsDecreeFollowsItsTeachersCouncil() throws {
        var f = try PPDBFixture()
        try f.open()
        try f.closeRegistration()
        try f.select()
        let rows: [Value] = f.schools.map {
            .record(["sekolah": .string($0), "nomor_keputusan": .string("1/\($0)"), "tanggal": .string("2024-06-19"),
                     "tanggal_rapat_dewan_guru": .string("2024-06-19"), "penetap": .string("pejabat_berwenang"),
                     "nama_penetap": .string("Pejabat (fiktif)")])
        }
        var late = rows
        if case .record(var first) = late[0] { first["tanggal_rapat_dewan_guru"] = .string("2024-06-20"); late[0] = .record(first) }
        let refused = f.refusal { try f.fire(f.round, "umumkan_hasil", "operator", "2024-06-20T09:00", forms: ["ppdb_penetapan": ["keputusan": .list(late)]]) }
        #expect(refused?.contains("rapat tidak sesudah keputusan") == true)
        try f.fire(f.round, "umumkan_hasil", "operator", "2024-06-20T09:05", forms: ["ppdb_penetapan": ["keputusan": .list(rows)]])
        #expect(try f.state(f.round) == "daftar_ulang")
    }

    @Test func registrationOpensAndClosesByItsTimers() throws {
        var f = try PPDBFixture()
        let early = try f.apply("sdn-contoh-1", PPDBFixture.form(), at: "2024-06-02T10:00")
        #expect(early.refused?.contains("tidak sedang dibuka") == true)
        try f.open()
        #expect(try f.state(f.round) == "pendaftaran")
        let id = try f.admit("sdn-contoh-1", PPDBFixture.form())
        try f.closeRegistration()
        #expect(try f.state(f.round) == "verifikasi")
        #expect(try f.state(early.id) == "tidak_mendaftar")
        #expect(try f.state(id) == "terdaftar")
    }

    // MARK: Pasal 4, 5, 6, 11: ages on 1 July

    @Test func classOneSDIsSixOnFirstJulyOrFiveAndAHalfWithARecommendation() throws {
        var f = try PPDBFixture()
        try f.open()
        _ = try f.admit("sdn-contoh-1", PPDBFixture.form(born: "2018-07-01"))  // 6 years exactly
        let young = try f.apply("sdn-contoh-1", PPDBFixture.form(born: "2018-07-02"))  // 5 years 11 months
        #expect(young.refused?.contains("Pasal 4") == true)
        var recommended = PPDBFixture.form(born: "2019-01-01")  // 66 months
        recommended["penerbit_rekomendasi"] = .string("psikolog")
        recommended["berkas_rekomendasi"] = .string("berkas.txt")
        _ = try f.admit("sdn-contoh-1", recommended)
        recommended["tanggal_lahir"] = .string("2019-01-02")  // 65 months: too young even so
        recommended["nik"] = .string(PPDBFixture.nik("2019-01-02"))
        #expect(try f.apply("sdn-contoh-1", recommended).refused?.contains("Pasal 4") == true)
        // The teachers' council recommends only when no psychologist is available (ayat (5)).
        var council = PPDBFixture.form(born: "2019-01-01")
        council["penerbit_rekomendasi"] = .string("dewan_guru")
        council["psikolog_tidak_tersedia"] = .bool(false)
        council["berkas_rekomendasi"] = .string("berkas.txt")
        #expect(try f.apply("sdn-contoh-1", council).refused?.contains("psikolog_tidak_tersedia") == true)
    }

    @Test func smpTakesAtMostFifteenAndSMATwentyOneUnlessDisabled() throws {
        var f = try PPDBFixture()
        try f.open()
        _ = try f.admit("smpn-contoh-1", PPDBFixture.form(level: "SMP", born: "2008-07-02"))  // 15 on 1 July
        let sixteen = try f.apply("smpn-contoh-1", PPDBFixture.form(level: "SMP", born: "2008-07-01"))
        #expect(sixteen.refused?.contains("Pasal 5 huruf a") == true)
        var disabled = PPDBFixture.form(level: "SMP", born: "2008-07-01")
        disabled["disabilitas"] = .bool(true)
        _ = try f.admit("smpn-contoh-1", disabled)  // Pasal 11 huruf a
        _ = try f.admit("sman-contoh-1", PPDBFixture.form(level: "SMA", born: "2002-07-02"))  // 21
        let old = try f.apply("sman-contoh-1", PPDBFixture.form(level: "SMA", born: "2002-07-01"))  // 22
        #expect(old.refused?.contains("Pasal 6 ayat (1) huruf a") == true)
    }

    // MARK: Pasal 5 huruf b, 8, 9, 11 huruf b: completed schooling, schools abroad

    @Test func smpNeedsProofOfCompletionUnlessDisabledAndAbroadNeedsAPermit() throws {
        var f = try PPDBFixture()
        try f.open()
        var noDiploma = PPDBFixture.form(level: "SMP")
        noDiploma["bukti_kelulusan"] = nil
        noDiploma["berkas_kelulusan"] = nil
        #expect(try f.apply("smpn-contoh-1", noDiploma).refused?.contains("Pasal 5 huruf b") == true)
        noDiploma["disabilitas"] = .bool(true)
        noDiploma["nik"] = .string(PPDBFixture.nik("2011-05-20"))
        _ = try f.admit("smpn-contoh-1", noDiploma)
        var abroad = PPDBFixture.form(level: "SMP")
        abroad["dari_luar_negeri"] = .bool(true)
        #expect(try f.apply("smpn-contoh-1", abroad).refused?.contains("berkas_izin_belajar") == true)
        abroad["berkas_izin_belajar"] = .string("berkas.txt")
        _ = try f.admit("smpn-contoh-1", abroad)
    }

    // MARK: Pasal 17–19: domicile and zones

    @Test func zoningIsForTheZonesResidentsAndOutsideItOnlyAffirmationOrAchievement() throws {
        var f = try PPDBFixture()
        try f.open()
        // kel-contoh-05 lies in zona-sd-selatan; sdn-contoh-1 in zona-sd-utara.
        let outside = try f.apply("sdn-contoh-1", PPDBFixture.form(village: "kel-contoh-05"))
        #expect(outside.refused?.contains("Pasal 17 ayat (1)") == true)
        let transfer = try f.apply("sdn-contoh-1", PPDBFixture.form(village: "kel-contoh-05", channel: "perpindahan"))
        #expect(transfer.refused?.contains("Pasal 19 ayat (2)") == true)
        _ = try f.admit("sdn-contoh-1", PPDBFixture.form(village: "kel-contoh-05", channel: "afirmasi"))
        _ = try f.admit("smpn-contoh-3", PPDBFixture.form(level: "SMP", village: "kel-contoh-01", channel: "prestasi"))
    }

    @Test func theFamilyCardIsAYearOldOrADisasterJustifiesADomicileStatement() throws {
        var f = try PPDBFixture()
        try f.open()
        var recent = PPDBFixture.form()
        recent["tanggal_terbit_kk"] = .string("2023-06-05")  // less than a year before 4 June 2024
        #expect(try f.apply("sdn-contoh-1", recent).refused?.contains("Pasal 17 ayat (2)") == true)
        recent["tanggal_terbit_kk"] = .string("2023-06-04")
        recent["nik"] = .string(PPDBFixture.nik("2017-03-10"))
        _ = try f.admit("sdn-contoh-1", recent)
        var statement = PPDBFixture.form()
        statement["dokumen_domisili"] = .string("skd")
        statement["keadaan_tertentu"] = .string("bencana_alam")
        statement["tanggal_terbit_skd"] = .string("2024-05-01")
        statement["domisili_sejak"] = .string("2023-06-01")  // less than a year at issue
        statement["berkas_skd"] = .string("berkas.txt")
        #expect(try f.apply("sdn-contoh-1", statement).refused?.contains("Pasal 18 ayat (2)") == true)
        statement["domisili_sejak"] = .string("2023-05-01")
        statement["nik"] = .string(PPDBFixture.nik("2017-03-10"))
        _ = try f.admit("sdn-contoh-1", statement)
    }

    @Test func oneChannelPerZoneButAnotherZoneByAffirmation() throws {
        var f = try PPDBFixture()
        try f.open()
        let nik = PPDBFixture.nik("2017-03-10")
        _ = try f.admit("sdn-contoh-1", PPDBFixture.form(nik: nik))
        let again = try f.apply("sdn-contoh-2", PPDBFixture.form(channel: "afirmasi", nik: nik))  // same zone
        #expect(again.refused?.contains("Pasal 19 ayat (1)") == true)
        _ = try f.admit("sdn-contoh-3", PPDBFixture.form(channel: "afirmasi", nik: nik))  // the other zone
    }

    // MARK: Pasal 13 ayat (4), 14, 23 ayat (2), 24: channels' own rules

    @Test func achievementIsNotForSDNorWhenTheOfficeKeepsItClosed() throws {
        var f = try PPDBFixture()
        try f.open()
        let sd = try f.apply("sdn-contoh-1", PPDBFixture.form(channel: "prestasi"))
        #expect(sd.refused?.contains("Pasal 14") == true)
        var closed = try PPDBFixture(prestasi: false)
        try closed.open()
        let smp = try closed.apply("smpn-contoh-1", PPDBFixture.form(level: "SMP", channel: "prestasi"))
        #expect(smp.refused?.contains("Pasal 13 ayat (4)") == true)
    }

    @Test func achievementNeedsFiveSemestersOrProofsSixMonthsToThreeYearsOld() throws {
        var f = try PPDBFixture()
        try f.open()
        var four = PPDBFixture.form(level: "SMP", channel: "prestasi")
        four["rapor"] = .list((1...4).map { .record(["semester": .number(Double($0)), "rata_rata": .number(80)]) })
        #expect(try f.apply("smpn-contoh-1", four).refused?.contains("5 semester") == true)
        var none = PPDBFixture.form(level: "SMP", channel: "prestasi")
        none["rapor"] = .list([])
        none["berkas_peringkat_rapor"] = nil
        #expect(try f.apply("smpn-contoh-1", none).refused?.contains("dasar_prestasi") == true)
        func proof(_ date: String) -> Value {
            .list([.record(["nama_prestasi": .string("Juara (fiktif)"), "bidang": .string("akademik"), "tanggal_terbit": .string(date),
                            "berkas": .string("berkas.txt")])])
        }
        none["prestasi"] = proof("2024-01-05")  // five months before 4 June
        #expect(try f.apply("smpn-contoh-1", none).refused?.contains("Pasal 24 ayat (3)") == true)
        none["prestasi"] = proof("2021-06-03")  // more than three years
        #expect(try f.apply("smpn-contoh-1", none).refused?.contains("Pasal 24 ayat (3)") == true)
        none["prestasi"] = proof("2023-12-04")
        _ = try f.admit("smpn-contoh-1", none)
    }

    @Test func aTeachersChildAppliesAtTheSchoolWhereTheParentTeaches() throws {
        var f = try PPDBFixture()
        try f.open()
        var child = PPDBFixture.form(channel: "perpindahan")
        child["dasar_perpindahan"] = .string("anak_guru")
        child["sekolah_tempat_mengajar"] = .string("sdn-contoh-2")
        #expect(try f.apply("sdn-contoh-1", child).refused?.contains("Pasal 23 ayat (2)") == true)
        child["sekolah_tempat_mengajar"] = .string("sdn-contoh-1")
        child["nik"] = .string(PPDBFixture.nik("2017-03-10"))
        let id = try f.admit("sdn-contoh-1", child)
        #expect(try f.variable(id, "anak_guru") == .number(1))
    }

    @Test func affirmationForALowIncomeFamilyBringsTheProgrammeProofAndTheParentsStatement() throws {
        var f = try PPDBFixture()
        try f.open()
        var poor = PPDBFixture.form(channel: "afirmasi")
        poor["berkas_pernyataan_orang_tua"] = nil
        #expect(try f.apply("sdn-contoh-1", poor).refused?.contains("berkas_pernyataan_orang_tua") == true)
    }
}
