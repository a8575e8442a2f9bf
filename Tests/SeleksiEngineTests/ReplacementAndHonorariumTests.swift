import Foundation
import SeleksiCore
import Testing

@testable import SeleksiEngine

/// Issue 8, items 4–6: a replacement only into a real vacancy of the same SKB and programme (L228);
/// the contract's months, not the standard's 12; the honorarium model of each programme and the caps
/// of Format 18 on the right quantity (L217–221, L279–284).
@Suite("Tutor Bantu: replacements from the reserve list and the honorarium of each programme")
struct ReplacementAndHonorariumTests {
    func refusal(_ error: any Error) -> String? {
        guard case EngineError.refused(let r, let v) = error else { return nil }
        return ([r.message.id] + v.map { "\($0.path): \($0.message.id)" }).joined(separator: "\n")
    }

    /// Three PAUD applicants at SKB 1 (quota 1) and one at SKB 2 (quota 1), ratified: #a appointed at
    /// SKB 1 with reserves #b (2nd) and #c (3rd); #d appointed at SKB 2 with no reserve.
    func ratifiedRound() throws -> (f: TutorBantuFixture, a: Int64, b: Int64, c: Int64, d: Int64) {
        var f = try TutorBantuFixture()
        let a = try f.apply(f.portfolio())
        let b = try f.apply(f.portfolio())
        let c = try f.apply(f.portfolio())
        let d = try f.apply(f.portfolio(), skb: f.skb2)
        try f.toScoring([a, b, c, d])
        try f.toRatification([a: 80, b: 70, c: 60, d: 75])
        #expect(try [a, b, c, d].map { try f.state($0) } == ["ditetapkan", "cadangan", "cadangan", "ditetapkan"])
        return (f, a, b, c, d)
    }

    @Test func aReserveCannotBeAppointedWhileNobodyHasGone() throws {
        let (f, _, b, _, _) = try ratifiedRound()
        #expect { try f.fire(b, "gantikan", "kepala", reason: "Usul SKB") } throws: {
            refusal($0)?.contains("Tidak ada lowongan pada SKB dan program ini") == true
        }
        #expect(try f.state(b) == "cadangan")
    }

    @Test func aWithdrawalOpensOneVacancyFilledByTheNextReserveOfTheSameGroupWithinTheQuota() throws {
        let (f, a, b, c, d) = try ratifiedRound()
        try f.fire(a, "mundur", try f.owner(a), reason: "Pindah ke luar daerah")
        // The reserve ranked third waits for the second.
        #expect { try f.fire(c, "gantikan", "kepala", reason: "Persetujuan Kepala UPT") } throws: {
            refusal($0)?.contains("cadangan dengan peringkat lebih tinggi") == true
        }
        // The Kepala UPT approves in writing; nobody else may.
        #expect { try f.fire(b, "gantikan", "tim1", reason: "Usul") } throws: {
            refusal($0)?.contains("tidak berwenang") == true
        }
        #expect { try f.fire(b, "gantikan", "kepala") } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .reasonRequired
        }
        try f.fire(b, "gantikan", "kepala", reason: "Mengisi lowongan #\(a), persetujuan Kepala UPT")
        #expect(try f.state(b) == "ditetapkan")
        #expect(try f.engine.show(b).decisions.last?.value.displayText.contains("mengisi lowongan") == true)
        // The quota of SKB 1's PAUD group (1) is filled again: the third reserve cannot follow.
        #expect { try f.fire(c, "gantikan", "kepala", reason: "Cadangan berikutnya") } throws: {
            refusal($0)?.contains("Tidak ada lowongan") == true
        }
        // A vacancy at SKB 2 is not SKB 1's: #d stays, and nothing at SKB 1 changes.
        #expect(try f.state(d) == "ditetapkan")
    }

    @Test func aReserveOfAnotherSKBCannotFillAVacancy() throws {
        let (f, _, b, _, d) = try ratifiedRound()
        try f.fire(d, "mundur", try f.owner(d), reason: "Sakit")
        #expect { try f.fire(b, "gantikan", "kepala", reason: "Lowongan di SKB 2") } throws: {
            refusal($0)?.contains("Tidak ada lowongan pada SKB dan program ini") == true
        }
    }

    @Test func aDismissalAfterTheContractOpensAVacancyButNotBeforeRatification() throws {
        var f = try TutorBantuFixture()
        let a = try f.apply(f.portfolio())
        let b = try f.apply(f.portfolio())
        try f.toScoring([a, b])
        for (id, total) in [(a, 80), (b, 70)] {
            for (rater, delta) in [("tim1", -1), ("tim2", 1), ("kepala", 0)] {
                try f.fire(id, "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total + delta)])
            }
        }
        try f.fire(f.round, "peringkat", "kepala")
        // Ranked, not yet ratified: no replacement even after a withdrawal.
        try f.fire(a, "mundur", try f.owner(a), reason: "Mengundurkan diri")
        #expect { try f.fire(b, "gantikan", "kepala", reason: "Pengganti") } throws: {
            refusal($0)?.contains("setelah KPA mengesahkan penerima") == true
        }
    }

    @Test func aContractedTutorWhoResignsIsDismissedWithoutPayAndTheReserveReplacesHim() throws {
        let (f, a, b, _, _) = try ratifiedRound()
        try f.fire(f.round, "umumkan", "operator")
        try f.fire(
            a, "ttd_perjanjian_kerja", "\(f.skb1)-kepala",
            forms: Self.contract("paud", ["honor_per_bulan": .number(1_500_000)]))
        try f.fire(a, "ttd_pks", "ppk")
        #expect(try f.state(a) == "berkontrak")
        try f.fire(a, "mundur", try f.owner(a), reason: "Mengundurkan diri pada bulan September")
        #expect(try f.state(a) == "diberhentikan")
        #expect(try f.engine.show(a).decisions.last?.value.displayText.contains("honorarium tidak dibayarkan") == true)
        try f.fire(b, "gantikan", "kepala", reason: "Mengisi lowongan, persetujuan Kepala UPT")
        #expect(try f.state(b) == "ditetapkan")
    }

    // MARK: 5–6. The contract: its months, its honorarium model, the caps of Format 18

    static func contract(_ programme: String, _ fee: [String: Value], mulai: String = "2019-07-08") -> [String: [String:
        Value]]
    {
        [
            "tb_kontrak": [
                "nomor": .string("PK-1"), "tanggal": .string("2019-07-05"), "tempat": .string("SKB Uji 1"),
                "program": .string(programme),
                "mulai": .string(mulai), "selesai": .string("2019-12-31"), "nama_bank": .string("Bank Contoh"),
                "nomor_rekening": .string("1234567890"),
            ].merging(fee) { $1 }
        ]
    }

    /// One applicant of `programme` at SKB 1 appointed (quota 1), ready for the SKB's agreement.
    func appointed(_ programme: String) throws -> (TutorBantuFixture, Int64) {
        var f = try TutorBantuFixture(quota: [(skb: "skb-uji-1", program: programme, count: 1)])
        var answers = f.portfolio(program: programme, education: "S1")
        if programme == "kesetaraan" { answers["mapel_diampu"] = .string("matematika") }
        let id = try f.apply(answers)
        try f.toScoring([id])
        try f.toRatification([id: 75])
        try f.fire(f.round, "umumkan", "operator")
        #expect(try f.state(id) == "ditetapkan")
        return (f, id)
    }

    @Test func aPAUDContractFromJulyRunsSixMonthsNotTwelve() throws {
        let (f, id) = try appointed("paud")
        try f.fire(
            id, "ttd_perjanjian_kerja", "\(f.skb1)-kepala",
            forms: Self.contract("paud", ["honor_per_bulan": .number(1_500_000)]))
        #expect(try f.variable(id, "jam_mengajar") == .string("30 JP per bulan selama 6 bulan"))
        #expect(try f.engine.show(id).forms["tb_kontrak"]?["lama_bulan"] == .number(6))
        #expect(try f.engine.show(id).forms["tb_kontrak"]?["nilai_kontrak"] == .number(9_000_000))
    }

    @Test func kesetaraanIsPaidPerHourAtMostRp50000WithinOne360HourPackage() throws {
        let (f, id) = try appointed("kesetaraan")
        let head = "\(f.skb1)-kepala"
        #expect {
            try f.fire(
                id, "ttd_perjanjian_kerja", head,
                forms: Self.contract("kesetaraan", ["tarif_per_jp": .number(50_001), "jp_rencana": .number(360)]))
        } throws: {
            refusal($0)?.contains("Rp50.000 per JP") == true
        }
        #expect {
            try f.fire(
                id, "ttd_perjanjian_kerja", head,
                forms: Self.contract("kesetaraan", ["tarif_per_jp": .number(50_000), "jp_rencana": .number(361)]))
        } throws: {
            refusal($0)?.contains("melampaui satu paket 360 JP") == true
        }
        // A monthly fee is not Kesetaraan's model: the rate and the hours are required.
        #expect {
            try f.fire(
                id, "ttd_perjanjian_kerja", head,
                forms: Self.contract("kesetaraan", ["honor_per_bulan": .number(1_500_000)]))
        } throws: {
            guard let r = refusal($0) else { return false }
            return r.contains("tb_kontrak.tarif_per_jp") && r.contains("tb_kontrak.jp_rencana")
        }
        try f.fire(
            id, "ttd_perjanjian_kerja", head,
            forms: Self.contract("kesetaraan", ["tarif_per_jp": .number(50_000), "jp_rencana": .number(360)]))
        #expect(try f.variable(id, "jam_mengajar") == .string("360 JP"))
        #expect(
            try f.engine.show(id).forms["tb_kontrak"]?["satuan_honor"]?.displayText.contains("jam pelajaran") == true)
    }

    @Test func aKursusContractNamesItsCourseTypeAndIsCappedByThatPackage() throws {
        let (f, id) = try appointed("kursus")
        let head = "\(f.skb1)-kepala"
        #expect {
            try f.fire(
                id, "ttd_perjanjian_kerja", head, forms: Self.contract("kursus", ["honor_paket": .number(6_000_000)]))
        } throws: {
            refusal($0)?.contains("tb_kontrak.jenis_kursus") == true
        }
        #expect {
            try f.fire(
                id, "ttd_perjanjian_kerja", head,
                forms: Self.contract(
                    "kursus", ["jenis_kursus": .string("Menjahit Bebas"), "honor_paket": .number(6_000_000)]))
        } throws: {
            refusal($0)?.contains("tidak ada di Format 18 A") == true
        }
        // Tata Busana — Jenjang II: 88 JP, at most Rp6.600.000 per package.
        let course: Value = .string("Tata Busana — Jenjang II")
        #expect {
            try f.fire(
                id, "ttd_perjanjian_kerja", head,
                forms: Self.contract("kursus", ["jenis_kursus": course, "honor_paket": .number(6_600_001)]))
        } throws: {
            refusal($0)?.contains("biaya maksimal paket jenis kursus") == true
        }
        // The programme must be the one applied for.
        #expect {
            try f.fire(
                id, "ttd_perjanjian_kerja", head, forms: Self.contract("paud", ["honor_per_bulan": .number(1_000_000)]))
        } throws: {
            refusal($0)?.contains("tidak sama dengan program lamaran") == true
        }
        try f.fire(
            id, "ttd_perjanjian_kerja", head,
            forms: Self.contract("kursus", ["jenis_kursus": course, "honor_paket": .number(6_600_000)]))
        #expect(try f.variable(id, "jam_mengajar") == .string("1 paket Tata Busana — Jenjang II (88 JP)"))
    }
}
