import Foundation
import SeleksiCore
import Testing

@testable import SeleksiEngine

/// Where the shipped workflows read the guideline (Juknis 12/2019) as issue 8 asks: each rule at its
/// boundary, on the shipped XML and a real SQLite database in a temporary folder.
@Suite("Tutor Bantu: the guideline's rules at their boundaries")
struct GuidelineRulesTests {
    func refusal(_ error: any Error) -> (code: String, message: String, paths: [String])? {
        guard case EngineError.refused(let r, let v) = error else { return nil }
        return (r.code.rawValue, r.message.id, v.map(\.path))
    }

    // MARK: 1. Age "antara 21 s.d 60 tahun" (L129)

    @Test func sixtyYearsAnd364DaysIsEligibleAndSixtyOneIsNot() throws {
        var f = try TutorBantuFixture()
        // The case: born 1959-04-01, aged 60 at the 2019 reference date.
        let sixty = try f.apply(f.portfolio(born: "1959-04-01"))
        #expect(try f.variable(sixty, "syarat_usia") == .bool(true))
        let lastDay = try f.apply(f.portfolio(born: "1958-07-02"))  // 60 years 364 days on 2019-07-01
        #expect(try f.variable(lastDay, "umur") == .number(60))
        #expect(try f.variable(lastDay, "usulan_kelayakan") == .string("memenuhi"))
        let sixtyOne = try f.apply(f.portfolio(born: "1958-07-01"))  // 61 exactly
        #expect(try f.variable(sixtyOne, "syarat_usia") == .bool(false))
        #expect(try f.variable(sixtyOne, "alasan_usulan")?.displayText.contains("usia") == true)
    }

    // MARK: 2. Kursus: SMA, or a skill educator's certificate from a recognised issuer (L143)

    func kursus(_ education: String, issuer: String?, f: TutorBantuFixture) -> [String: Value] {
        var answers = f.portfolio(program: "kursus", education: education)
        if let issuer {
            answers["sertifikat_keahlian"] = .list([
                .record([
                    "nama_sertifikat": .string("Sertifikat Pendidik Tata Busana (fiktif)"), "tahun": .number(2016),
                    "tingkat": .string("nasional"),
                    "penerbit": .string(issuer), "lembaga": .string("Lembaga Contoh (fiktif)"),
                    "berkas": .string("lampiran.txt"),
                ])
            ])
        }
        return answers
    }

    @Test func aKursusInstructorBelowSMAIsEligibleOnlyWithACertificateFromARecognisedIssuer() throws {
        var f = try TutorBantuFixture()
        let lsk = try f.apply(kursus("SMP", issuer: "lsk", f: f))
        #expect(try f.variable(lsk, "syarat_pendidikan") == .bool(true))
        let bnsp = try f.apply(kursus("SD", issuer: "bnsp", f: f))
        #expect(try f.variable(bnsp, "syarat_pendidikan") == .bool(true))
        let other = try f.apply(kursus("SMP", issuer: "lainnya", f: f))
        #expect(try f.variable(other, "syarat_pendidikan") == .bool(false))
        #expect(
            try f.variable(other, "alasan_usulan")?.displayText.contains(
                "sertifikat pendidik keterampilan dari lembaga yang diakui") == true)
        let none = try f.apply(kursus("SMP", issuer: nil, f: f))
        #expect(try f.variable(none, "syarat_pendidikan") == .bool(false))
        let sma = try f.apply(kursus("SMA", issuer: nil, f: f))
        #expect(try f.variable(sma, "syarat_pendidikan") == .bool(true))
        // The route is the Kursus programme's only: Keaksaraan still needs SMA.
        var keaksaraan = kursus("SMP", issuer: "lsk", f: f)
        keaksaraan["program"] = .string("keaksaraan")
        let k = try f.apply(keaksaraan)
        #expect(try f.variable(k, "syarat_pendidikan") == .bool(false))
    }

    // MARK: 3. The team: led by the Kepala UPT, UPT officials with partner organisations (L158–167, L239, L920)

    func formTeam(_ f: TutorBantuFixture, _ members: Value) throws {
        try f.fire(
            f.round, "bentuk_tim", "kepala",
            forms: [
                "tb_sk_tim": [
                    "nomor": .string("1/SK/2019"), "tanggal": .string("2019-06-10"), "tempat": .string("Banjarbaru"),
                    "anggota": members,
                ]
            ])
    }

    func quotaSet() throws -> TutorBantuFixture {
        let f = try TutorBantuFixture(open: false)
        try f.fire(
            f.round, "tetapkan_kuota", "kepala",
            forms: [
                "tb_kuota": [
                    "rincian": .list([
                        .record([
                            "skb": .string(f.skb1), "program": .string("paud"), "jumlah": .number(1),
                            "jam_atau_bulan": .string("30 JP per bulan"),
                        ])
                    ])
                ]
            ])
        return f
    }

    @Test func twoChairsAreRefused() throws {
        let f = try quotaSet()
        guard case .list(var rows) = TutorBantuFixture.members(["kepala", "tim1", "tim2"]),
            case .record(var second) = rows[2]
        else { return }
        second["kedudukan"] = .string("Ketua")
        rows[2] = .record(second)
        #expect { try formTeam(f, .list(rows)) } throws: {
            refusal($0)?.message.contains("tepat satu anggota berkedudukan Ketua") == true
        }
    }

    @Test func theKepalaUPTAsAnOrdinaryMemberIsRefused() throws {
        let f = try quotaSet()
        // tim2 (a UPT pamong) chairs; the Kepala UPT who issues the decree is listed as a member.
        #expect { try formTeam(f, TutorBantuFixture.members(["kepala", "tim1", "tim2"], chair: 2)) } throws: {
            refusal($0)?.message.contains("ketuanya harus Kepala UPT yang menetapkan SK ini") == true
        }
    }

    @Test func aTeamWithoutAPartnerOrganisationIsRefusedAndAComposedTeamIsFormed() throws {
        let f = try quotaSet()
        // Only the UPT: the Kepala UPT and a pamong (the fixture's helper puts odd rows in a partner organisation).
        #expect { try formTeam(f, TutorBantuFixture.members(["kepala", "tim2"]).onlyUPT) } throws: {
            refusal($0)?.message.contains("paling sedikit satu anggota dari organisasi mitra") == true
        }
        // A partner member must name a partner organisation of the seed.
        guard case .list(var rows) = TutorBantuFixture.members(["kepala", "tim1"]), case .record(var partner) = rows[1]
        else { return }
        partner["mitra"] = .string("arisan-rt")
        rows[1] = .record(partner)
        #expect { try formTeam(f, .list(rows)) } throws: { refusal($0)?.paths == ["tb_sk_tim.anggota[2].mitra"] }
        try formTeam(f, TutorBantuFixture.members(["kepala", "tim1", "tim2"]))
        #expect(try f.engine.show(f.round).record.state == "tim")
    }

    @Test func theDecreeGivesItsListedMembersTheTeamRoleAndNamesNoUnknownActor() throws {
        let f = try quotaSet()
        // A partner organisation's member registered for this round, holding no role yet.
        try f.engine.addActor(id: "mitra1", name: "Anggota Mitra (fiktif)", nip: nil, now: f.now)
        #expect(try f.engine.roles(of: "mitra1", in: f.upt, at: f.now).isEmpty)
        #expect { try formTeam(f, TutorBantuFixture.members(["kepala", "tidak-terdaftar"])) } throws: {
            refusal($0)?.message.contains("harus terdaftar sebagai pelaku") == true
        }
        try formTeam(f, TutorBantuFixture.members(["kepala", "mitra1", "tim2"]))
        // The decree itself makes him a rater of this round, at the round's UPT (audited as its own row).
        #expect(try f.engine.roles(of: "mitra1", in: f.upt, at: f.now).contains("tim_seleksi"))
        #expect(try f.engine.verifyAudit().rows > 0)
    }

    // MARK: 7. Format 3: a minimum of learners per tutor, from the seed's ratio table (L646, L651)

    func needs(_ rows: [[String: Value]]) throws -> [Value] {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let outcome = FormValidator(
            try engine.currentForm("tb_analisis_kebutuhan"), reference: try engine.referenceTables()
        )
        .validate(["baris": .list(rows.map(Value.record))], today: CivilDate(iso: "2019-06-01")!)
        #expect(outcome.isValid, "\(outcome.violations.map(\.message.id))")
        guard case .list(let out)? = outcome.data["baris"] else { return [] }
        return out.map { row in
            if case .record(let r) = row { return r["jumlah_standar"] ?? .null } else { return .null }
        }
    }

    @Test func twentyOneKesetaraanLearnersJustifyTwoClassTutorsNotThree() throws {
        let rows: [[String: Value]] = [19, 20, 21, 29, 30].map {
            [
                "standar": .string("kesetaraan-tutor-kelas"), "peserta_didik": .number(Double($0)),
                "jumlah_ada": .number(0),
            ]
        }
        #expect(try needs(rows) == [1, 2, 2, 2, 3].map { .number($0) })
    }

    @Test func paudRatiosAreAMaximumOfChildrenPerTeacherAndSubjectTutorsCountPerGroup() throws {
        let rows: [[String: Value]] = [
            ["standar": .string("paud-guru-4-6"), "peserta_didik": .number(30), "jumlah_ada": .number(0)],
            ["standar": .string("paud-guru-4-6"), "peserta_didik": .number(31), "jumlah_ada": .number(0)],
            ["standar": .string("keaksaraan-tutor-kelas"), "peserta_didik": .number(10), "jumlah_ada": .number(0)],
            [
                "standar": .string("kesetaraan-tutor-mapel"), "peserta_didik": .number(40), "jumlah_satuan": .number(4),
                "jumlah_ada": .number(1),
            ],
        ]
        #expect(try needs(rows) == [2, 3, 1, 4].map { .number($0) })
    }

    // MARK: 10. Priorities in the tie-break (L138, L148)

    @Test func onEqualScoresASarjanaPAUDComesBeforeAnEarlierApplicantWithout() throws {
        var f = try TutorBantuFixture()
        var plain = f.portfolio()
        plain["kualifikasi"] = .list([
            .record([
                "jenjang": .string("S1"), "perguruan_tinggi": .string("Universitas Contoh"),
                "tahun_lulus": .number(2012),
                "bidang_ilmu": .string("pendidikan_masyarakat"),
            ])
        ])
        var priority = f.portfolio()
        priority["kualifikasi"] = .list([
            .record([
                "jenjang": .string("S1"), "perguruan_tinggi": .string("Universitas Contoh"),
                "tahun_lulus": .number(2012),
                "bidang_ilmu": .string("psikologi_anak"),
            ])
        ])
        let first = try f.apply(plain)
        let second = try f.apply(priority)
        #expect(try f.variable(first, "prioritas") == .number(0))
        #expect(try f.variable(second, "prioritas") == .number(1))
        try f.toScoring([first, second])
        for id in [first, second] {
            for (rater, total) in [("tim1", 70), ("tim2", 72), ("kepala", 71)] {
                try f.fire(id, "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total)])
            }
        }
        try f.fire(f.round, "peringkat", "kepala")
        #expect(try f.state(second) == "direkomendasikan")
        #expect(try f.state(first) == "cadangan")
    }

    @Test func aKesetaraanTutorHasPriorityOnlyForADegreeInTheSubjectTaught() throws {
        var f = try TutorBantuFixture()
        func applicant(_ subject: String, _ field: String, _ level: String = "S1") -> [String: Value] {
            var a = f.portfolio(program: "kesetaraan", education: level)
            a["mapel_diampu"] = .string(subject)
            a["kualifikasi"] = .list([
                .record([
                    "jenjang": .string(level), "perguruan_tinggi": .string("Universitas Contoh"),
                    "tahun_lulus": .number(2012),
                    "bidang_ilmu": .string(field),
                ])
            ])
            return a
        }
        #expect(try f.variable(try f.apply(applicant("matematika", "matematika")), "prioritas") == .number(1))
        #expect(try f.variable(try f.apply(applicant("matematika", "ipa")), "prioritas") == .number(0))
        #expect(try f.variable(try f.apply(applicant("kelas_paket_a", "pgsd")), "prioritas") == .number(1))
        #expect(try f.variable(try f.apply(applicant("matematika", "matematika", "D3")), "prioritas") == .number(0))
    }

    // MARK: 11. Documents required at application (L129–132)

    @Test func theHealthStatementMustComeFromAGovernmentDoctorAndEveryCertificateWithItsCopy() throws {
        var f = try TutorBantuFixture()
        var answers = f.portfolio()
        answers["penerbit_surat_sehat"] = nil
        #expect { try f.apply(answers) } throws: { refusal($0)?.paths == ["tb_portofolio.penerbit_surat_sehat"] }
        answers["penerbit_surat_sehat"] = .string("klinik_swasta")
        #expect { try f.apply(answers) } throws: { refusal($0)?.paths == ["tb_portofolio.penerbit_surat_sehat"] }
        var certificate = kursus("SMA", issuer: "lsp", f: f)
        guard case .list(var rows)? = certificate["sertifikat_keahlian"], case .record(var row) = rows[0] else {
            return
        }
        row["berkas"] = nil
        rows[0] = .record(row)
        certificate["sertifikat_keahlian"] = .list(rows)
        #expect { try f.apply(certificate) } throws: {
            refusal($0)?.paths == ["tb_portofolio.sertifikat_keahlian[1].berkas"]
        }
    }

    @Test func aRoundThatNeedsTheNPWPRefusesAPortfolioWithoutItAndAGivenNPWPNeedsItsCopy() throws {
        var f = try TutorBantuFixture()
        var answers = f.portfolio()
        answers["npwp"] = nil
        answers["berkas_npwp"] = nil
        #expect { try f.apply(answers) } throws: { refusal($0)?.message.contains("mewajibkan NPWP") == true }
        var noCopy = f.portfolio()
        noCopy["berkas_npwp"] = nil
        #expect { try f.apply(noCopy) } throws: { refusal($0)?.paths == ["tb_portofolio.berkas_npwp"] }
    }

    @Test func aRoundThatDoesNotNeedTheNPWPAcceptsAPortfolioWithoutIt() throws {
        var f = try TutorBantuFixture(npwpRequired: false)
        var answers = f.portfolio()
        answers["npwp"] = nil
        answers["berkas_npwp"] = nil
        let id = try f.apply(answers)
        #expect(try f.state(id) == "diajukan")
    }
}

extension Value {
    /// A team list with every member from the UPT.
    var onlyUPT: Value {
        guard case .list(let rows) = self else { return self }
        return .list(
            rows.map { row in
                guard case .record(var r) = row else { return row }
                r["unsur"] = .string("upt")
                r["mitra"] = nil
                r["lembaga"] = .string("UPT")
                return .record(r)
            })
    }
}
