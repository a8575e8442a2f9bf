import Foundation
import SeleksiCore
import SeleksiStore
@testable import SeleksiEngine

/// A small Tutor Bantu round on the shipped definitions: UPT Kalimantan Selatan (allocation 52), two
/// synthetic SKBs, a team of four, registration open with reference date 2019-07-01.
struct TutorBantuFixture {
    let temp = TempFolder()
    let engine: Engine
    let upt = "upt-bp-kalimantan-selatan"
    let skb1 = "skb-uji-1", skb2 = "skb-uji-2"
    let team = ["kepala", "tim1", "tim2", "tim3"]
    var round: Int64 = 0
    var now = at("2019-06-10T08:00")
    var applicantCount = 0

    /// `seed` edits a copy of the repository's seed/ before the database is made (a smaller budget).
    init(quota: [(skb: String, program: String, count: Int)]? = nil, open: Bool = true, aggregation: String = "rata_rata",
         npwpRequired: Bool = true, seed: ((TempFolder) -> Void)? = nil) throws {
        var seedPath = Repo.path("seed")
        if let seed {
            temp.copyDefinitions()
            seed(temp)
            seedPath = temp.file("seed")
        }
        engine = try Engine.initialise(path: temp.file("db.sqlite"), root: Repo.root, seedPath: seedPath,
                                       options: .init(simulation: true), now: at("2019-06-01T08:00")).0
        engine.attachments = Attachments(folder: temp.path)
        let setup = at("2019-06-01T08:00")
        try engine.addOrganisation(id: skb1, name: "SKB Uji 1 (fiktif)", kind: "skb", parent: upt, now: setup)
        try engine.addOrganisation(id: skb2, name: "SKB Uji 2 (fiktif)", kind: "skb", parent: upt, now: setup)
        for (id, roles) in [("operator", ["operator"]), ("kepala", ["kepala_upt", "tim_seleksi"]), ("tim1", ["tim_seleksi"]), ("tim2", ["tim_seleksi"]),
                            ("tim3", ["tim_seleksi"]), ("ppk", ["ppk"]), ("kpa", ["kpa"])] {
            try engine.addActor(id: id, name: "Pelaku \(id) (fiktif)", nip: nil, now: setup)
            for r in roles { try engine.grant(actor: id, role: r, org: upt, now: setup) }
        }
        for skb in [skb1, skb2] {
            try engine.addActor(id: "\(skb)-kepala", name: "Kepala \(skb) (fiktif)", nip: nil, now: setup)
            try engine.grant(actor: "\(skb)-kepala", role: "kepala_skb", org: skb, now: setup)
        }
        // tim3 also teaches at SKB 2.
        try engine.grant(actor: "tim3", role: "pamong", org: skb2, now: setup)
        round = try engine.start(workflow: "tb_putaran", org: upt, actor: "operator", now: now).id
        guard open else { return }
        let rows = (quota ?? [(skb1, "paud", 1), (skb1, "keaksaraan", 2), (skb2, "paud", 1)]).map { q -> Value in
            .record(["skb": .string(q.skb), "program": .string(q.program), "jumlah": .number(Double(q.count)), "jam_atau_bulan": .string("12 bulan")])
        }
        try fire(round, "tetapkan_kuota", "kepala", forms: ["tb_kuota": ["rincian": .list(rows)]])
        try fire(round, "bentuk_tim", "kepala", forms: ["tb_sk_tim": [
            "nomor": .string("1/SK/2019"), "tanggal": .string("2019-06-10"), "tempat": .string("Banjarbaru"),
            "anggota": TutorBantuFixture.members(team),
        ]])
        try fire(round, "buka_pendaftaran", "operator", forms: ["tb_jadwal": [
            "tahun_anggaran": .number(2019), "tanggal_acuan": .string("2019-07-01"), "batas_pendaftaran": .string("2019-06-24"),
            "jumlah_penilai": .number(3), "batas_selisih": .number(15), "agregasi": .string(aggregation), "npwp_wajib": .bool(npwpRequired),
        ]])
    }

    /// A team list for the SK Tim (Format 5): the first is the chair, from the UPT (the Kepala UPT who
    /// issues the decree); the others alternate between a partner organisation and the UPT.
    static func members(_ ids: [String], chair: Int = 0) -> Value {
        .list(ids.enumerated().map { i, id in
            let partner = i != chair && i % 2 == 1
            var row: [String: Value] = ["pelaku": .string(id), "nama": .string(id), "jabatan": .string(partner ? "Pengurus" : "Pamong Belajar"),
                                        "unsur": .string(partner ? "mitra" : "upt"), "lembaga": .string(partner ? "HIMPAUDI" : "UPT"),
                                        "kedudukan": .string(i == chair ? "Ketua" : "Anggota")]
            if partner { row["mitra"] = .string("himpaudi") }
            return .record(row)
        })
    }

    @discardableResult
    func fire(_ instance: Int64, _ event: String, _ actor: String, reason: String? = nil, forms: [String: [String: Value]] = [:]) throws -> FireResult {
        try engine.fire(FireRequest(instance: instance, event: event, actor: actor, reason: reason, forms: forms), now: now)
    }

    /// A complete, eligible portfolio for a PAUD educator born `born`.
    func portfolio(born: String = "1990-07-31", program: String = "paud", education: String = "S1",
                   experience: [(String, String?)] = [("2014-01-06", "2018-12-31")]) -> [String: Value] {
        temp.write("lampiran.txt", "berkas sintetis\n")
        let file = "lampiran.txt"
        let date = CivilDate(iso: born)!
        let nik = "6371\(String(format: "%02d", 1))\(String(format: "%02d", date.day + 40))\(String(format: "%02d", date.month))\(String(format: "%02d", date.year % 100))0001"
        return [
            "program": .string(program), "nama": .string("Dewi Contoh (fiktif)"), "nik": .string(nik), "jenis_kelamin": .string("P"),
            "tempat_lahir": .string("Banjarbaru"), "tanggal_lahir": .string(born), "alamat": .string("Jl. Contoh 1"), "telepon": .string("081200001111"),
            "email": .string("dewi@contoh.id"), "npwp": .string("01.234.567.8-901.000"),
            "pendidikan_terakhir": .string(education), "status_asn": .bool(false), "menerima_honor_sejenis": .bool(false),
            "kualifikasi": .list([.record(["jenjang": .string(education), "perguruan_tinggi": .string("Universitas Contoh"), "tahun_lulus": .number(2012)])]),
            "pengalaman": .list(experience.map { .record(["tempat_kerja": .string("PAUD Contoh"), "bidang": .string("PAUD"), "relevan": .bool(true),
                                                          "mulai": .string($0.0), "selesai": $0.1.map(Value.string) ?? .null]) }),
            "berkas_ktp": .string(file), "berkas_ijazah": .string(file), "berkas_sertifikat_pendidik": .string(file),
            "berkas_npwp": .string(file), "penerbit_surat_sehat": .string("puskesmas"),
            "berkas_surat_sehat": .string(file), "berkas_skck": .string(file), "pernyataan_kebenaran": .bool(true),
        ]
    }

    let statement: [String: Value] = ["pekerjaan": .string("Guru"), "skb_tujuan": .string("SKB Uji"), "sanggup_mematuhi": .bool(true), "tanggal": .string("2019-06-11")]

    /// Registers and submits an applicant; returns the instance.
    mutating func apply(_ answers: [String: Value], skb: String? = nil) throws -> Int64 {
        applicantCount += 1
        let actor = "calon\(applicantCount)"
        try engine.addActor(id: actor, name: "Pelamar \(applicantCount) (fiktif)", nip: nil, now: now)
        let id = try engine.start(workflow: "tb_pelamar", org: skb ?? skb1, actor: actor, parent: round, now: now).id
        // Each applicant is a different person: the NIK's last four digits (its serial) are his number.
        var answers = answers
        if case .string(let nik)? = answers["nik"], nik.count == 16 {
            answers["nik"] = .string(String(nik.prefix(12)) + String(format: "%04d", applicantCount))
        }
        try fire(id, "ajukan", actor, forms: ["tb_portofolio": answers, "tb_pernyataan": statement])
        return id
    }

    /// Forwards the applicants, closes registration, verifies them as eligible and opens scoring.
    mutating func toScoring(_ ids: [Int64]) throws {
        for id in ids { try fire(id, "usulkan", "\(try engine.show(id).record.org)-kepala") }
        now = at("2019-06-25T08:00")
        _ = try engine.tick(now: now)
        for id in ids { try fire(id, "verifikasi", "tim1", forms: ["tb_verifikasi": ["keputusan": .string("memenuhi"), "dokumen_asli_sesuai": .bool(true)]]) }
        try fire(round, "mulai_penilaian", "kepala")
    }

    /// Scores every applicant in `scores` (three agreeing raters), ranks, signs the minutes, issues the
    /// SK, and has the PPK set and the KPA ratify the recipients: the round stands in `pengumuman`.
    func toRatification(_ scores: [Int64: Int]) throws {
        for (id, total) in scores.sorted(by: { $0.key < $1.key }) {
            for (rater, delta) in [("tim1", -1), ("tim2", 1), ("kepala", 0)] {
                try fire(id, "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total + delta)])
            }
        }
        try fire(round, "peringkat", "kepala")
        try fire(round, "isi_berita_acara", "operator", forms: ["tb_berita_acara": [
            "tanggal": .string("2019-06-28"), "tempat": .string("Aula"), "provinsi": .string("Kalimantan Selatan"),
            "pukul_mulai": .string("08.00"), "pukul_selesai": .string("15.30"),
        ]])
        for member in team { try fire(round, "tanda_tangan_ba", member) }
        try fire(round, "tetapkan_sk", "kepala", forms: ["tb_sk_penetapan": [
            "nomor": .string("2/SK/2019"), "tanggal": .string("2019-06-29"), "tempat": .string("Banjarbaru")]])
        try fire(round, "tetapkan_penerima", "ppk")
        try fire(round, "sahkan", "kpa")
    }

    /// The actor who registered an applicant (its owner).
    func owner(_ id: Int64) throws -> String { try engine.show(id).record.owner }

    func variable(_ id: Int64, _ name: String) throws -> Value? { try engine.show(id).record.variables[name] }
    func state(_ id: Int64) throws -> String { try engine.show(id).record.state }

    static func sheet(_ total: Int) -> [String: Value] {
        // Fill the components up to `total` in rubric order.
        var left = total
        var out: [String: Value] = [:]
        for (name, maximum) in [("kualifikasi", 20), ("diklat", 15), ("pengalaman", 25), ("lomba", 10), ("sertifikat", 10), ("forum_ilmiah", 5),
                                ("organisasi", 5), ("tugas_tambahan", 5), ("penghargaan", 3), ("daerah_khusus", 2)] {
            let v = min(maximum, left)
            out[name] = .number(Double(v))
            left -= v
        }
        return out
    }
}
