import Foundation
import SeleksiCore
import SeleksiStore
@testable import SeleksiEngine

/// The Tutor Bantu at work on the shipped definitions: a ratified round at SKB Uji 1 with a PAUD tutor
/// (and a PAUD reserve), a Kesetaraan tutor planned for `jpPlan` hours and a Kursus instructor (Tata Busana
/// II, 88 JP), all contracted from 8 July 2019; the UPT's year opened and briefed, SKB 1's agreement signed
/// and its tutors coached; each tutor's schedule (Monday to Thursday) and study group set.
struct WorkPhaseFixture {
    var f: TutorBantuFixture
    var paud: Int64 = 0, reserve: Int64 = 0, kesetaraan: Int64 = 0, kursus: Int64 = 0
    var upt: Int64 = 0, skbYear: Int64 = 0
    /// With `withSKB2`: a PAUD tutor at SKB Uji 2 and that SKB's year.
    var paud2: Int64 = 0, skb2Year: Int64 = 0
    let head = "skb-uji-1-kepala"
    var engine: Engine { f.engine }

    init(jpPlan: Int = 360, seed: ((TempFolder) -> Void)? = nil, prepareTutors: Bool = true, withSKB2: Bool = false) throws {
        f = try TutorBantuFixture(quota: [("skb-uji-1", "paud", 1), ("skb-uji-1", "kesetaraan", 1), ("skb-uji-1", "kursus", 1),
                                          ("skb-uji-2", "paud", 1)], seed: seed)
        paud = try f.apply(f.portfolio())
        reserve = try f.apply(f.portfolio())
        var answers = f.portfolio(program: "kesetaraan")
        answers["mapel_diampu"] = .string("matematika")
        kesetaraan = try f.apply(answers)
        kursus = try f.apply(f.portfolio(program: "kursus", education: "SMA"))
        var ids = [paud, reserve, kesetaraan, kursus]
        var scores = [paud: 80, reserve: 70, kesetaraan: 75, kursus: 72]
        if withSKB2 {
            paud2 = try f.apply(f.portfolio(), skb: f.skb2)
            ids.append(paud2)
            scores[paud2] = 78
        }
        try f.toScoring(ids)
        try f.toRatification(scores)
        try f.fire(f.round, "umumkan", "operator")
        f.now = at("2019-07-05T09:00")
        let fees: [(Int64, String, [String: Value])] = [
            (paud, "paud", ["honor_per_bulan": .number(1_500_000)]),
            (kesetaraan, "kesetaraan", ["tarif_per_jp": .number(50_000), "jp_rencana": .number(Double(jpPlan))]),
            (kursus, "kursus", ["jenis_kursus": .string("Tata Busana — Jenjang II"), "honor_paket": .number(6_600_000)]),
        ]
        for (id, programme, fee) in fees + (withSKB2 ? [(paud2, "paud", ["honor_per_bulan": .number(1_500_000)])] : []) {
            try f.fire(id, "ttd_perjanjian_kerja", "\(try engine.show(id).record.org)-kepala", forms: ReplacementAndHonorariumTests.contract(programme, fee))
            try f.fire(id, "ttd_pks", "ppk")
        }
        try engine.addActor(id: "bendahara", name: "Bendahara (fiktif)", nip: nil, now: f.now)
        try engine.grant(actor: "bendahara", role: "bendahara", org: f.upt, now: f.now)
        upt = try engine.start(workflow: "tb_pelaksanaan", org: f.upt, actor: "kepala", now: f.now).id
        try f.fire(upt, "mulai", "kpa", forms: ["tb_pelaksanaan": ["tahun": .number(2019), "nomor_dipa": .string("DIPA-1")]])
        try f.fire(upt, "pembekalan", "operator", forms: ["tb_pembekalan": [
            "tanggal": .string("2019-07-05"), "tempat": .string("Aula UPT"), "materi": .string("Juknis"), "peserta_skb": .number(1),
            "peserta_pendidik": .number(3)]])
        skbYear = try engine.start(workflow: "tb_skb_kerja", org: f.skb1, actor: head, parent: upt, now: f.now).id
        try f.fire(skbYear, "serahkan_pakta", head, forms: ["tb_pakta": Self.pact])
        try f.fire(skbYear, "ttd_pks", "ppk", forms: ["tb_pks_skb": [
            "nomor": .string("PKS-1"), "tanggal": .string("2019-07-05"), "tempat": .string("Banjarbaru"), "pengadilan_negeri": .string("PN Banjarbaru")]])
        try f.fire(skbYear, "pembinaan_awal", head, forms: ["tb_pembinaan_awal": [
            "tanggal": .string("2019-07-05"), "tempat": .string("SKB Uji 1"), "materi": .string("Persamaan persepsi"), "jumlah_pendidik": .number(3)]])
        if withSKB2 {
            let head2 = "skb-uji-2-kepala"
            skb2Year = try engine.start(workflow: "tb_skb_kerja", org: f.skb2, actor: head2, parent: upt, now: f.now).id
            try f.fire(skb2Year, "serahkan_pakta", head2, forms: ["tb_pakta": Self.pact])
            try f.fire(skb2Year, "ttd_pks", "ppk", forms: ["tb_pks_skb": [
                "nomor": .string("PKS-2"), "tanggal": .string("2019-07-05"), "tempat": .string("Banjarbaru"), "pengadilan_negeri": .string("PN Banjarbaru")]])
            try f.fire(skb2Year, "pembinaan_awal", head2, forms: ["tb_pembinaan_awal": [
                "tanggal": .string("2019-07-05"), "tempat": .string("SKB Uji 2"), "materi": .string("Persamaan persepsi"), "jumlah_pendidik": .number(1)]])
            try f.fire(paud2, "tetapkan_jadwal", head2, forms: ["tb_jadwal_belajar": Self.schedule])
            try f.fire(paud2, "daftarkan_rombel", head2, forms: ["tb_rombel": Self.group(12)])
        }
        guard prepareTutors else { return }
        for (id, size) in [(paud, 12), (kesetaraan, 10), (kursus, 10)] {
            try f.fire(id, "tetapkan_jadwal", head, forms: ["tb_jadwal_belajar": Self.schedule])
            try f.fire(id, "daftarkan_rombel", head, forms: ["tb_rombel": Self.group(size)])
        }
    }

    static let pact: [String: Value] = [
        "nama": .string("Kepala SKB Uji"), "nip": .string("197001011990031001"), "pangkat_golongan": .string("Penata, III/c"),
        "tempat_lahir": .string("Banjarbaru"), "tanggal_lahir": .string("1970-01-01"), "jabatan": .string("Kepala SKB Uji 1"),
        "alamat_skb": .string("Jl. SKB 1"), "alamat_rumah": .string("Jl. Rumah 1"), "telepon": .string("081200002222"),
        "email": .string("skb1@contoh.id"), "kabupaten_kota": .string("Banjarbaru"), "tempat": .string("Banjarbaru"),
        "tanggal": .string("2019-07-05"), "pakta_integritas": .bool(true), "tanggung_jawab_mutlak": .bool(true),
    ]

    /// Monday to Thursday, 2 JP each.
    static let schedule: [String: Value] = [
        "nomor": .string("JDW-1"), "tanggal": .string("2019-07-05"),
        "slot": .list((1...4).map { .record(["materi": .string("Materi"), "hari": .string(String($0)), "jam": .string("08.00–09.10"), "jp": .number(2)]) }),
    ]

    static func group(_ size: Int) -> [String: Value] {
        ["nama_rombel": .string("Rombel"), "peserta": .list((1...size).map {
            .record(["nama": .string("Peserta \($0)"), "jenis_kelamin": .string($0 % 2 == 0 ? "L" : "P"), "terdaftar_dapodik": .bool(true)])
        })]
    }

    /// A Format 13 sheet of `year-month` with a session of `jp` hours on each date, every learner present.
    static func sheet(month: Int, dates: [String], jp: Int = 2, learners: Int, tutor: String = "H", endOfPackage: Bool = false) -> [String: Value] {
        var out: [String: Value] = [
            "tahun": .number(2019), "bulan": .number(Double(month)),
            "sesi": .list(dates.map { .record(["tanggal": .string($0), "materi": .string("Materi"), "jp": .number(Double(jp)), "kehadiran": .string(tutor),
                                               "peserta_h": .number(Double(learners)), "peserta_s": .number(0), "peserta_i": .number(0), "peserta_a": .number(0)]) }),
            "peserta": .list((1...learners).map { .record(["nama": .string("Peserta \($0)"), "rekap_h": .number(Double(dates.count)), "rekap_s": .number(0),
                                                          "rekap_i": .number(0), "rekap_a": .number(0)]) }),
        ]
        if endOfPackage { out["akhir_paket"] = .bool(true) }
        return out
    }

    /// Monday to Thursday of August 2019: 17 days.
    static let august = ["2019-08-01", "2019-08-05", "2019-08-06", "2019-08-07", "2019-08-08", "2019-08-12", "2019-08-13", "2019-08-14", "2019-08-15",
                         "2019-08-19", "2019-08-20", "2019-08-21", "2019-08-22", "2019-08-26", "2019-08-27", "2019-08-28", "2019-08-29"]

    static let report: [String: Value] = ["tanggal": .string("2019-08-30"), "kegiatan": .string("Pembelajaran sesuai jadwal"),
                                          "perkembangan": .string("Baik")]

    static let assessment: [String: Value] = ["kehadiran_sesuai": .bool(true), "laporan_sesuai": .bool(true), "administrasi": .number(20),
                                              "kesungguhan": .number(20), "profesionalisme": .number(20)]

    /// Opens the tutor's month and sends the sheet (with the report unless `report` is false).
    func report(_ tutor: Int64, _ sheet: [String: Value], report: Bool = true) throws -> Int64 {
        let owner = try f.owner(tutor)
        let id = try engine.start(workflow: "tb_bulan", org: try engine.show(tutor).record.org, actor: owner, parent: tutor, now: f.now).id
        var forms: [String: [String: Value]] = ["tb_presensi": sheet]
        if report { forms["tb_laporan_bulanan"] = Self.report }
        try f.fire(id, "lapor", owner, forms: forms)
        return id
    }

    /// The SKB's report and payment list of `month`, approved by the PPK; returns the list.
    func approveList(month: Int, skb2: Bool = false) throws -> Int64 {
        let head = skb2 ? "skb-uji-2-kepala" : self.head
        let list = try engine.start(workflow: "tb_skb_bulan", org: skb2 ? f.skb2 : f.skb1, actor: head, parent: skb2 ? skb2Year : skbYear, now: f.now).id
        try f.fire(list, "kirim", head, forms: ["tb_laporan_skb": [
            "tahun": .number(2019), "bulan": .number(Double(month)), "nomor": .string("L-\(month)"), "tanggal": .string(f.now.date.iso),
            "ringkasan": .string("Berjalan")]])
        try f.fire(list, "setujui", "ppk", forms: ["tb_persetujuan_bayar": ["nomor": .string("DN-\(month)"), "tanggal": .string(f.now.date.iso)]])
        return list
    }

    func pay(_ month: Int64) throws {
        try f.fire(month, "bayar", "bendahara", forms: ["tb_transfer": ["tanggal": .string(f.now.date.iso), "nomor_bukti": .string("SP2D-\(month)")]])
    }

    func number(_ id: Int64, _ name: String) throws -> Double? {
        if case .number(let n)? = try f.variable(id, name) { return n }
        return nil
    }
}
