import Foundation
import SeleksiCore
import Testing
@testable import SeleksiEngine

@Suite("Tutor Bantu: the guideline's rules on the shipped workflows")
struct TutorBantuRulesTests {
    @Test func theSeedAllocationMatchesTheGuidelinesTotals() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let tables = try engine.referenceTables().tables
        let allocation = try #require(tables["tutor_bantu/alokasi_2019"])
        #expect(allocation.count == 29)
        #expect(allocation.reduce(0) { $0 + Int($1["skb_penerima"]!)! } == 371)
        #expect(allocation.reduce(0) { $0 + Int($1["jumlah_tenaga"]!)! } == 1547)
        #expect(tables["tutor_bantu/anggaran_2019"]?.first?["anggaran_rupiah"] == "25084300000")
        #expect(tables["tutor_bantu/upt"]?.count == 34)
        #expect(Set(tables["tutor_bantu/biaya_kursus"]!.map { $0["no"]! }).count == 50)
        #expect(tables["tutor_bantu/program"]?.first { $0["id"] == "paud" }?["batas_honor_rupiah"] == "1500000")
    }

    @Test func anApplicantAged20Years364DaysAtTheReferenceDateIsNotEligible() throws {
        var f = try TutorBantuFixture()
        let young = try f.apply(f.portfolio(born: "1998-07-02"))
        #expect(try f.variable(young, "umur") == .number(20))
        #expect(try f.variable(young, "usulan_kelayakan") == .string("tidak_memenuhi"))
        #expect(try f.variable(young, "alasan_usulan")?.displayText.contains("usia") == true)
        let exactly21 = try f.apply(f.portfolio(born: "1998-07-01"))
        #expect(try f.variable(exactly21, "usulan_kelayakan") == .string("memenuhi"))
    }

    @Test func anApplicantSixtyYearsAndADayOldIsStillEligible() throws {
        // "21 s.d 60 tahun" includes 60: eligible until the 61st birthday (GuidelineRulesTests has the boundary).
        var f = try TutorBantuFixture()
        let old = try f.apply(f.portfolio(born: "1959-06-30"))
        #expect(try f.variable(old, "syarat_usia") == .bool(true))
        let sixty = try f.apply(f.portfolio(born: "1959-07-01"))
        #expect(try f.variable(sixty, "syarat_usia") == .bool(true))
    }

    @Test func aNIKWhoseBirthDateContradictsTheFormIsRefused() throws {
        var f = try TutorBantuFixture()
        var answers = f.portfolio()
        answers["tanggal_lahir"] = .string("1990-07-30")
        #expect { try f.apply(answers) } throws: { error in
            guard case EngineError.refused(_, let v) = error else { return false }
            return v.map(\.path) == ["tb_portofolio.nik"]
        }
    }

    @Test func overlappingExperienceCountsOnceAndTwoYearsAreNeeded() throws {
        var f = try TutorBantuFixture()
        // 2016-01-01..2016-12-31 and 2016-07-01..2017-06-30 overlap: 547 days, under 730.
        let overlapping = try f.apply(f.portfolio(experience: [("2016-01-01", "2016-12-31"), ("2016-07-01", "2017-06-30")]))
        #expect(try f.variable(overlapping, "pengalaman_hari") == .number(547))
        #expect(try f.variable(overlapping, "syarat_pengalaman") == .bool(false))
        // Ongoing experience is counted up to the reference date.
        let ongoing = try f.apply(f.portfolio(experience: [("2017-07-01", nil)]))
        #expect(try f.variable(ongoing, "pengalaman_hari") == .number(731))
        #expect(try f.variable(ongoing, "syarat_pengalaman") == .bool(true))
    }

    @Test func experienceThatEndsInTheFutureIsRefused() throws {
        var f = try TutorBantuFixture()
        #expect { try f.apply(f.portfolio(experience: [("2015-01-01", "2020-01-01")])) } throws: { error in
            guard case EngineError.refused(_, let v) = error else { return false }
            return v.contains { $0.path == "tb_portofolio.pengalaman[1].selesai" && $0.message.id.contains("masa depan") }
        }
    }

    @Test func aPortfolioMissingARequiredAttachmentIsRefused() throws {
        var f = try TutorBantuFixture()
        var answers = f.portfolio()
        answers["berkas_skck"] = nil
        answers["status_asn"] = .bool(true)  // an ASN must add the statement of working outside office hours
        #expect { try f.apply(answers) } throws: { error in
            guard case EngineError.refused(_, let v) = error else { return false }
            return Set(v.map(\.path)) == ["tb_portofolio.berkas_skck", "tb_portofolio.berkas_pernyataan_asn"]
        }
    }

    @Test func aQuotaAboveTheUPTsAllocationIsRefused() throws {
        let f = try TutorBantuFixture(open: false)
        let rows: [Value] = [.record(["skb": .string(f.skb1), "program": .string("paud"), "jumlah": .number(50), "jam_atau_bulan": .string("12 bulan")]),
                             .record(["skb": .string(f.skb2), "program": .string("paud"), "jumlah": .number(3), "jam_atau_bulan": .string("12 bulan")])]
        #expect { try f.fire(f.round, "tetapkan_kuota", "kepala", forms: ["tb_kuota": ["rincian": .list(rows)]]) } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .guardFailed && r.message.id.contains("melebihi alokasi")
        }
    }

    @Test func theTeamConfirmsTheProposedVerdictOrOverridesItWithAWrittenReason() throws {
        var f = try TutorBantuFixture()
        let eligible = try f.apply(f.portfolio())
        let young = try f.apply(f.portfolio(born: "1998-07-02"))
        for id in [eligible, young] { try f.fire(id, "usulkan", "\(f.skb1)-kepala") }
        f.now = at("2019-06-25T08:00")
        _ = try f.engine.tick(now: f.now)
        try f.fire(eligible, "verifikasi", "tim1", forms: ["tb_verifikasi": ["keputusan": .string("memenuhi"), "dokumen_asli_sesuai": .bool(true)]])
        #expect(try f.state(eligible) == "layak")
        // Overriding the proposal without a reason is refused, and audited.
        let verdict: [String: [String: Value]] = ["tb_verifikasi": ["keputusan": .string("memenuhi"), "dokumen_asli_sesuai": .bool(true)]]
        #expect { try f.fire(young, "verifikasi", "tim2", forms: verdict) } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .reasonRequired
        }
        try f.fire(young, "verifikasi", "tim2", reason: "Akta kelahiran menunjukkan tanggal lahir berbeda; dikoreksi", forms: verdict)
        #expect(try f.state(young) == "layak")
        let decision = try f.engine.show(young).decisions.last!
        #expect(decision.value.displayText.contains("menimpa usulan"))
        #expect(decision.reason?.contains("Akta kelahiran") == true)
    }

    /// Three eligible applicants at SKB 1 (PAUD), verified, with scoring open.
    func scoringRound() throws -> (TutorBantuFixture, [Int64]) {
        var f = try TutorBantuFixture()
        var ids: [Int64] = []
        for _ in 0..<3 { ids.append(try f.apply(f.portfolio())) }
        for id in ids { try f.fire(id, "usulkan", "\(f.skb1)-kepala") }
        f.now = at("2019-06-25T08:00")
        _ = try f.engine.tick(now: f.now)
        for id in ids { try f.fire(id, "verifikasi", "tim1", forms: ["tb_verifikasi": ["keputusan": .string("memenuhi"), "dokumen_asli_sesuai": .bool(true)]]) }
        try f.fire(f.round, "mulai_penilaian", "kepala")
        return (f, ids)
    }

    @Test func aRaterScoringOutsideTheRubricTwiceOrWithAConflictIsRefused() throws {
        let (f, ids) = try scoringRound()
        let a = ids[0]
        var outOfRange = TutorBantuFixture.sheet(70)
        outOfRange["kualifikasi"] = .number(25)
        #expect { try f.fire(a, "nilai", "tim1", forms: ["tb_skor": outOfRange]) } throws: { error in
            guard case EngineError.refused(_, let v) = error else { return false }
            return v.map(\.path) == ["tb_skor.kualifikasi"]
        }
        try f.fire(a, "nilai", "tim1", forms: ["tb_skor": TutorBantuFixture.sheet(70)])
        #expect { try f.fire(a, "nilai", "tim1", forms: ["tb_skor": TutorBantuFixture.sheet(80)]) } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .alreadySubmitted
        }
        try f.fire(a, "nyatakan_konflik", "tim2", reason: "Pelamar adalah sepupu saya")
        #expect { try f.fire(a, "nilai", "tim2", forms: ["tb_skor": TutorBantuFixture.sheet(80)]) } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .guardFailed && r.message.id.contains("konflik")
        }
        // Every refusal is in the log, between the accepted commands.
        #expect(Array(try f.engine.history(a).map(\.outcome).suffix(5)) ==
                ["refused:invalid-submission", "accepted", "refused:already-submitted", "accepted", "refused:guard-failed"])
    }

    @Test func aRaterFromTheApplicantsSKBCannotScoreIt() throws {
        var f = try TutorBantuFixture()
        let atSKB2 = try f.apply(f.portfolio(), skb: f.skb2)
        try f.fire(atSKB2, "usulkan", "\(f.skb2)-kepala")
        f.now = at("2019-06-25T08:00")
        _ = try f.engine.tick(now: f.now)
        try f.fire(atSKB2, "verifikasi", "tim1", forms: ["tb_verifikasi": ["keputusan": .string("memenuhi"), "dokumen_asli_sesuai": .bool(true)]])
        try f.fire(f.round, "mulai_penilaian", "kepala")
        #expect { try f.fire(atSKB2, "nilai", "tim3", forms: ["tb_skor": TutorBantuFixture.sheet(60)]) } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.message.id.contains("SKB pelamar")
        }
    }

    @Test func scoresAreAggregatedAndDisagreementGoesToDiscussion() throws {
        let (f, ids) = try scoringRound()
        for (rater, total) in [("tim1", 70), ("tim2", 74), ("kepala", 72)] { try f.fire(ids[0], "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total)]) }
        #expect(try f.state(ids[0]) == "dinilai")
        #expect(try f.variable(ids[0], "skor") == .number(72))
        for (rater, total) in [("tim1", 50), ("tim2", 80), ("kepala", 60)] { try f.fire(ids[1], "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total)]) }
        #expect(try f.state(ids[1]) == "diskusi")
        #expect(try f.variable(ids[1], "selisih") == .number(30))
        // Ranking before every eligible applicant is scored is refused.
        #expect { try f.fire(f.round, "peringkat", "kepala") } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.message.id.contains("belum selesai dinilai")
        }
        try f.fire(ids[1], "selesai_diskusi", "kepala", reason: "Dibahas; penilai 2 menilai ulang pengalaman")
        #expect(try f.variable(ids[1], "skor") == .number(63.33))
    }

    @Test func rankingFillsTheQuotaInScoreOrderWithADeterministicTieBreak() throws {
        let (f, ids) = try scoringRound()
        // Quota for SKB 1 PAUD is 1. Two applicants tie on 72; the earlier registration wins.
        for id in ids.prefix(2) {
            for (rater, total) in [("tim1", 70), ("tim2", 74), ("kepala", 72)] { try f.fire(id, "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total)]) }
        }
        for (rater, total) in [("tim1", 60), ("tim2", 61), ("kepala", 62)] { try f.fire(ids[2], "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total)]) }
        try f.fire(f.round, "peringkat", "kepala")
        #expect(try ids.map { try f.state($0) } == ["direkomendasikan", "cadangan", "cadangan"])
        #expect(try ids.map { try f.variable($0, "peringkat") } == [.number(1), .number(2), .number(3)])
    }

    @Test func aDecreeCannotBeIssuedWhileASignatureIsMissingFromTheMinutes() throws {
        let (f, ids) = try scoringRound()
        for id in ids { for (rater, total) in [("tim1", 70), ("tim2", 72), ("kepala", 71)] { try f.fire(id, "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total)]) } }
        try f.fire(f.round, "peringkat", "kepala")
        try f.fire(f.round, "isi_berita_acara", "operator", forms: ["tb_berita_acara": [
            "tanggal": .string("2019-06-28"), "tempat": .string("Aula"), "provinsi": .string("Kalimantan Selatan"), "pukul_mulai": .string("08.00"), "pukul_selesai": .string("15.30"),
        ]])
        for member in ["kepala", "tim1", "tim2"] { try f.fire(f.round, "tanda_tangan_ba", member) }
        #expect { try f.fire(f.round, "tetapkan_sk", "kepala", forms: ["tb_sk_penetapan": ["nomor": .string("2/SK/2019"), "tanggal": .string("2019-06-29"), "tempat": .string("Banjarbaru")]]) } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .notAllowedInState
        }
        #expect(try f.engine.show(f.round).record.state == "berita_acara")
        try f.fire(f.round, "tanda_tangan_ba", "tim3")
        #expect(try f.engine.show(f.round).record.state == "penetapan")
    }
}

@Suite("Independent scoring stays blind")
struct BlindScoringTests {
    @Test func aRaterSeesNoOtherScoreBeforeSubmittingHisOwn() throws {
        let (f, ids) = try TutorBantuRulesTests().scoringRound()
        try f.fire(ids[0], "nilai", "tim1", forms: ["tb_skor": TutorBantuFixture.sheet(70)])
        #expect(try f.engine.show(ids[0], viewer: "tim2").forms["tb_skor"] == nil)
        #expect(try f.engine.show(ids[0]).forms["tb_skor"] == nil)
        try f.fire(ids[0], "nilai", "tim2", forms: ["tb_skor": TutorBantuFixture.sheet(74)])
        let seen = try #require(try f.engine.show(ids[0], viewer: "tim2").forms["tb_skor"]?["penilaian"])
        guard case .list(let sheets) = seen else { Issue.record("expected the sheets"); return }
        #expect(sheets.count == 2)
    }
}

@Suite("SKB proposals (Formats 2, 3, 10) before the quota")
struct SKBProposalTests {
    @Test func theQuotaWaitsForEveryFiledProposalToBeAnalysed() throws {
        let f = try TutorBantuFixture(open: false)
        let head = "\(f.skb1)-kepala"
        let proposal = try f.engine.start(workflow: "tb_usulan_skb", org: f.skb1, actor: head, parent: f.round, now: f.now).id
        let file = f.temp.write("surat.txt", "surat sintetis\n")
        let needs: [String: Value] = ["baris": .list([.record(["standar": .string("paud-guru-4-6"), "peserta_didik": .number(8), "jumlah_ada": .number(1)])])]
        var forms: [String: [String: Value]] = [
            "tb_usulan_skb": ["nama_skb": .string("SKB Uji 1"), "npsn": .string("60000001"), "akreditasi": .string("B"), "nama_kepala": .string("Kepala"),
                              "alamat": .string("Jl. Uji"), "kabupaten_kota": .string("Kab. Uji"), "provinsi": .string("Kalimantan Selatan"),
                              "telepon": .string("081200002222"), "email": .string("skb@contoh.id"), "npwp_lembaga": .string("012345678901000"),
                              "rekomendasi_dinas": .string(file), "perbup_alih_fungsi": .string(file),
                              "kebutuhan": .list([.record(["program": .string("paud"), "jumlah_ada": .number(1), "jumlah_dibutuhkan": .number(2)])])],
            "tb_analisis_kebutuhan": needs, "tb_pendidik_ada": ["pendidik": .list([])],
        ]
        // A PAUD group of 8 learners is below the minimum of 12 (BAB III B 5).
        #expect { try f.fire(proposal, "ajukan_usulan", head, forms: forms) } throws: { error in
            guard case EngineError.refused(_, let v) = error else { return false }
            return v.map(\.path) == ["tb_analisis_kebutuhan.baris[1].peserta_didik"]
        }
        forms["tb_analisis_kebutuhan"] = ["baris": .list([.record(["standar": .string("paud-guru-4-6"), "peserta_didik": .number(40),
                                                                  "jumlah_ada": .number(1)])])]
        try f.fire(proposal, "ajukan_usulan", head, forms: forms)
        #expect(try f.variable(proposal, "kebutuhan") == .number(2))  // ceil(40 / 15) − 1
        let quota: [String: [String: Value]] = ["tb_kuota": ["rincian": .list([.record(["skb": .string(f.skb1), "program": .string("paud"), "jumlah": .number(2), "jam_atau_bulan": .string("12 bulan")])])]]
        #expect { try f.fire(f.round, "tetapkan_kuota", "kepala", forms: quota) } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.message.id.contains("belum diajukan atau belum dianalisis")
        }
        try f.fire(proposal, "analisis", "operator")
        try f.fire(f.round, "tetapkan_kuota", "kepala", forms: quota)
        #expect(try f.engine.show(f.round).record.state == "kuota")
    }
}

@Suite("Tutor Bantu: minimum education and the choice of aggregation")
struct EducationAndAggregationTests {
    @Test func eachProgrammeHasItsMinimumEducation() throws {
        var f = try TutorBantuFixture()
        // PAUD and Kesetaraan need at least S1; Keaksaraan and Kursus at least SMA (BAB II D 2).
        let paudD3 = try f.apply(f.portfolio(program: "paud", education: "D3"))
        #expect(try f.variable(paudD3, "syarat_pendidikan") == .bool(false))
        var kesetaraan = f.portfolio(program: "kesetaraan", education: "S2")
        kesetaraan["mapel_diampu"] = .string("matematika")
        let kesetaraanS2 = try f.apply(kesetaraan)
        #expect(try f.variable(kesetaraanS2, "syarat_pendidikan") == .bool(true))
        let keaksaraanSMA = try f.apply(f.portfolio(program: "keaksaraan", education: "SMA"))
        #expect(try f.variable(keaksaraanSMA, "syarat_pendidikan") == .bool(true))
    }

    @Test func theRoundCanCombineScoresByMedian() throws {
        var f = try TutorBantuFixture(aggregation: "median")
        let id = try f.apply(f.portfolio())
        try f.fire(id, "usulkan", "\(f.skb1)-kepala")
        f.now = at("2019-06-25T08:00")
        _ = try f.engine.tick(now: f.now)
        try f.fire(id, "verifikasi", "tim1", forms: ["tb_verifikasi": ["keputusan": .string("memenuhi"), "dokumen_asli_sesuai": .bool(true)]])
        try f.fire(f.round, "mulai_penilaian", "kepala")
        for (rater, total) in [("tim1", 60), ("tim2", 62), ("kepala", 70)] { try f.fire(id, "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total)]) }
        #expect(try f.variable(id, "skor") == .number(62))
    }
}

@Suite("Tutor Bantu: contracts within the caps of Format 18")
struct ContractCapTests {
    /// One PAUD applicant at SKB 1 taken to `ditetapkan`.
    func appointed() throws -> (TutorBantuFixture, Int64) {
        let (f, ids) = try TutorBantuRulesTests().scoringRound()
        for id in ids { for (rater, total) in [("tim1", 70), ("tim2", 72), ("kepala", 71)] { try f.fire(id, "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total)]) } }
        try f.fire(f.round, "peringkat", "kepala")
        try f.fire(f.round, "isi_berita_acara", "operator", forms: ["tb_berita_acara": [
            "tanggal": .string("2019-06-28"), "tempat": .string("Aula"), "provinsi": .string("Kalimantan Selatan"), "pukul_mulai": .string("08.00"), "pukul_selesai": .string("15.30"),
        ]])
        for member in f.team { try f.fire(f.round, "tanda_tangan_ba", member) }
        try f.fire(f.round, "tetapkan_sk", "kepala", forms: ["tb_sk_penetapan": ["nomor": .string("2/SK/2019"), "tanggal": .string("2019-06-29"), "tempat": .string("Banjarbaru")]])
        try f.fire(f.round, "tetapkan_penerima", "ppk")
        try f.fire(f.round, "sahkan", "kpa")
        let appointed = try #require(try ids.first { try f.state($0) == "ditetapkan" })
        return (f, appointed)
    }

    func contract(_ fee: Double) -> [String: [String: Value]] {
        ["tb_kontrak": ["nomor": .string("PK-1"), "tanggal": .string("2019-07-05"), "tempat": .string("SKB Uji 1"), "program": .string("paud"), "mulai": .string("2019-07-08"),
                        "selesai": .string("2019-12-31"), "honor_per_bulan": .number(fee), "nama_bank": .string("Bank Contoh"), "nomor_rekening": .string("1234567890")]]
    }

    @Test func aPAUDFeeAboveRp1500000AMonthIsRefused() throws {
        let (f, id) = try appointed()
        #expect { try f.fire(id, "ttd_perjanjian_kerja", "\(f.skb1)-kepala", forms: contract(1_600_000)) } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.message.id.contains("Rp1.500.000 per bulan")
        }
        try f.fire(id, "ttd_perjanjian_kerja", "\(f.skb1)-kepala", forms: contract(1_500_000))
        try f.fire(id, "ttd_pks", "ppk")
        #expect(try f.state(id) == "berkontrak")
    }
}
