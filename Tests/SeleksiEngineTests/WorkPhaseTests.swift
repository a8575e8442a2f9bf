import Foundation
import SeleksiCore
import Testing

@testable import SeleksiEngine

/// Issue 9: the Tutor Bantu at work, each rule of the guideline as the workflows enforce it — attendance
/// (Format 13) within the agreement and the schedule (Format 12), study groups of the programme's minimum
/// (L222–226), the honorarium from the data (L217–221, L279–288) within Format 18 and the UPT's
/// allocation, one payment per month or package, none during a suspension or after an ending (L228,
/// Format 8 Pasal 6–8), dismissal on a ground with its reason and evidence, replacement into a vacancy.
@Suite("Tutor Bantu at work: attendance, honorarium, sanctions, endings")
struct WorkPhaseTests {
    func refusal(_ error: any Error) -> String? {
        guard case EngineError.refused(let r, let v) = error else { return nil }
        return ([r.message.id] + v.map { "\($0.path): \($0.message.id)" }).joined(separator: "\n")
    }

    func refused(_ text: String, _ body: () throws -> Void) {
        #expect { try body() } throws: { error in
            let message = refusal(error) ?? "\(error)"
            if !message.contains(text) { Issue.record("expected «\(text)», got «\(message)»") }
            return message.contains(text)
        }
    }

    // MARK: A month from attendance to receipt

    @Test func aPAUDMonthIsPaidFromItsConfirmedAttendanceToTheTutorsAccount() throws {
        var w = try WorkPhaseFixture()
        w.f.now = at("2019-08-30T10:00")
        let month = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: WorkPhaseFixture.august, learners: 12))
        #expect(try w.f.state(month) == "dilaporkan")
        #expect(try w.number(month, "jp_diajar") == 34)
        // Not payable before the head confirms it, nor before the PPK approves the list.
        refused("belum disahkan Kepala SKB") { try w.pay(month) }
        w.f.now = at("2019-09-02T09:00")
        try w.f.fire(month, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        // 34 JP reach the 30-JP target (Format 18 B): the whole monthly fee; the assessment is 25 + 60 = 85, "Baik".
        #expect(try w.number(month, "honorarium") == 1_500_000)
        #expect(try w.f.variable(month, "predikat") == .string("Baik"))
        refused("belum tercantum dalam daftar pembayaran") { try w.pay(month) }
        w.f.now = at("2019-09-03T09:00")
        let list = try w.approveList(month: 8)
        #expect(try w.number(list, "jumlah_bayar") == 1_500_000)
        try w.pay(month)
        #expect(try w.f.state(month) == "dibayar")
        #expect(try w.number(month, "dibayar") == 1_500_000)
        // A second payment of the same month is refused, and so is a second record of it.
        refused("tidak berlaku pada status 'dibayar'") { try w.pay(month) }
        refused("sudah ada untuk pendidik/tutor ini") {
            _ = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: ["2019-08-29"], learners: 12))
        }
        // The history says who did what: the tutor reported, the head confirmed, the treasurer paid.
        let path = try w.engine.history(month).filter { $0.outcome == "accepted" }.map { "\($0.event ?? "")/\($0.actor)" }
        #expect(path.suffix(3) == ["lapor/\(try w.f.owner(w.paud))", "sahkan/\(w.head)", "bayar/bendahara"])
    }

    @Test func aPAUDMonthBelowThe30HourTargetIsPaidInProportionRoundedDown() throws {
        var w = try WorkPhaseFixture()
        w.f.now = at("2019-08-30T10:00")
        // 7 sessions × 2 JP = 14 JP: 1.500.000 × 14 ÷ 30 = 700.000.
        let month = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: Array(WorkPhaseFixture.august.prefix(7)), learners: 12))
        try w.f.fire(month, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        #expect(try w.number(month, "honorarium") == 700_000)
    }

    @Test func kesetaraanIsPaidPerHourTaughtAndNotForHoursAboveTheAgreement() throws {
        var w = try WorkPhaseFixture(jpPlan: 40)
        w.f.now = at("2019-08-30T10:00")
        // 17 sessions × 2 JP = 34 JP, of which one session the tutor was sick: 32 JP taught × Rp50.000.
        var sheet = WorkPhaseFixture.sheet(month: 8, dates: WorkPhaseFixture.august, learners: 10)
        if case .list(var rows)? = sheet["sesi"], case .record(var first) = rows[0] {
            first["kehadiran"] = .string("S")
            rows[0] = .record(first)
            sheet["sesi"] = .list(rows)
        }
        let august = try w.report(w.kesetaraan, sheet)
        try w.f.fire(august, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        #expect(try w.number(august, "jp_diajar") == 32)
        #expect(try w.number(august, "honorarium") == 1_600_000)
        // September's 10 JP would make 42 of the agreement's 40.
        w.f.now = at("2019-09-30T10:00")
        refused("melampaui rencana JP dalam perjanjian") {
            _ = try w.report(w.kesetaraan, WorkPhaseFixture.sheet(month: 9, dates: ["2019-09-02", "2019-09-03", "2019-09-04", "2019-09-05", "2019-09-09"],
                                                                  learners: 10))
        }
        _ = try w.report(w.kesetaraan, WorkPhaseFixture.sheet(month: 9, dates: ["2019-09-02", "2019-09-03", "2019-09-04", "2019-09-05"], learners: 10))
    }

    @Test func aKursusIsPaidOnceAtTheEndOfItsPackage() throws {
        var w = try WorkPhaseFixture()
        w.f.now = at("2019-08-30T10:00")
        // August: 17 sessions × 4 JP = 68 of the package's 88 JP; nothing to pay yet.
        let august = try w.report(w.kursus, WorkPhaseFixture.sheet(month: 8, dates: WorkPhaseFixture.august, jp: 4, learners: 10))
        try w.f.fire(august, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        #expect(try w.f.state(august) == "nihil")
        w.f.now = at("2019-09-30T10:00")
        let five = ["2019-09-02", "2019-09-03", "2019-09-04", "2019-09-05", "2019-09-09"]
        // The end of the package only when all 88 JP are taught (68 + 5 × 4 = 88).
        refused("Akhir paket hanya untuk Kursus") {
            _ = try w.report(w.kursus, WorkPhaseFixture.sheet(month: 9, dates: Array(five.prefix(4)), jp: 4, learners: 10, endOfPackage: true))
        }
        let september = try w.report(w.kursus, WorkPhaseFixture.sheet(month: 9, dates: five, jp: 4, learners: 10, endOfPackage: true))
        try w.f.fire(september, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        #expect(try w.number(september, "honorarium") == 6_600_000)
        // Hours past the package are refused, and so is a second end of package.
        w.f.now = at("2019-10-31T10:00")
        refused("melampaui JP paket jenis kursus") {
            _ = try w.report(w.kursus, WorkPhaseFixture.sheet(month: 10, dates: ["2019-10-01"], jp: 4, learners: 10))
        }
        // Nor a second end of the same package, even with no hours added (the tutor absent): one payment per package.
        refused("sekali per paket") {
            _ = try w.report(w.kursus, WorkPhaseFixture.sheet(month: 10, dates: ["2019-10-01"], jp: 4, learners: 10, tutor: "A", endOfPackage: true))
        }
        // PAUD has no package to end.
        refused("Akhir paket hanya untuk Kursus") {
            _ = try w.report(w.paud, WorkPhaseFixture.sheet(month: 10, dates: ["2019-10-01"], learners: 12, endOfPackage: true))
        }
    }

    @Test func aMonthBelowTheAssessmentThresholdIsConfirmedButNotPaid() throws {
        var w = try WorkPhaseFixture()
        w.f.now = at("2019-08-30T10:00")
        let month = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: WorkPhaseFixture.august, learners: 12))
        var low = WorkPhaseFixture.assessment
        for aspect in ["administrasi", "kesungguhan", "profesionalisme"] { low[aspect] = .number(10) }
        try w.f.fire(month, "sahkan", w.head, forms: ["tb_penilaian_bulanan": low])
        // 25 (attendance) + 30 = 55: "Kurang", below "Cukup" (61).
        #expect(try w.f.variable(month, "predikat") == .string("Kurang"))
        #expect(try w.f.state(month) == "nihil")
    }

    // MARK: Bad attendance

    @Test func attendanceOutsideTheAgreementOrOffTheScheduleIsRefused() throws {
        var w = try WorkPhaseFixture()
        w.f.now = at("2019-07-31T10:00")
        // The agreement starts on 8 July: a session on 4 July (a Thursday) is outside it.
        refused("di luar masa perjanjian kerja") {
            _ = try w.report(w.paud, WorkPhaseFixture.sheet(month: 7, dates: ["2019-07-04", "2019-07-08"], learners: 12))
        }
        // 9 August 2019 is a Friday: the schedule has Monday to Thursday only.
        w.f.now = at("2019-08-30T10:00")
        refused("tidak ada dalam jadwal pembelajaran") {
            _ = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: ["2019-08-08", "2019-08-09"], learners: 12))
        }
        // A date of another month on August's sheet is the form's own error.
        refused("di luar bulan daftar hadir ini") {
            _ = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: ["2019-09-02"], learners: 12))
        }
        // Learners not in the registered group.
        refused("tepat peserta rombongan belajar") {
            _ = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: ["2019-08-08"], learners: 11))
        }
        // Only the tutor himself reports, and only under his own agreement.
        let other = try w.f.owner(w.kesetaraan)
        let id = try w.engine.start(workflow: "tb_bulan", org: w.f.skb1, actor: other, parent: w.paud, now: w.f.now).id
        refused("pendidik/tutor yang bersangkutan sendiri") {
            try w.f.fire(id, "lapor", other, forms: ["tb_presensi": WorkPhaseFixture.sheet(month: 8, dates: ["2019-08-08"], learners: 12),
                                                     "tb_laporan_bulanan": WorkPhaseFixture.report])
        }
    }

    @Test func noAttendanceBeforeTheScheduleAndStudyGroupAreSet() throws {
        var w = try WorkPhaseFixture(prepareTutors: false)
        w.f.now = at("2019-07-31T10:00")
        refused("belum ditetapkan Kepala SKB") {
            _ = try w.report(w.paud, WorkPhaseFixture.sheet(month: 7, dates: ["2019-07-08"], learners: 12))
        }
    }

    @Test func aStudyGroupBelowTheProgrammesMinimumIsRefused() throws {
        let w = try WorkPhaseFixture(prepareTutors: false)
        refused("kurang dari batas minimal program ini") {
            try w.f.fire(w.paud, "daftarkan_rombel", w.head, forms: ["tb_rombel": WorkPhaseFixture.group(11)])
        }
        refused("kurang dari batas minimal program ini") {
            try w.f.fire(w.kesetaraan, "daftarkan_rombel", w.head, forms: ["tb_rombel": WorkPhaseFixture.group(9)])
        }
        try w.f.fire(w.paud, "daftarkan_rombel", w.head, forms: ["tb_rombel": WorkPhaseFixture.group(12)])
        try w.f.fire(w.kesetaraan, "daftarkan_rombel", w.head, forms: ["tb_rombel": WorkPhaseFixture.group(10)])
        #expect(try w.number(w.paud, "peserta_rombel") == 12)
    }

    // MARK: The report holds the payment

    @Test func aMonthWithoutItsReportIsHeldUntilTheReportComesAndIsConfirmed() throws {
        var w = try WorkPhaseFixture()
        w.f.now = at("2019-08-30T10:00")
        let month = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: WorkPhaseFixture.august, learners: 12), report: false)
        #expect(try w.f.state(month) == "menunggu_laporan")
        refused("tidak berlaku pada status 'menunggu_laporan'") {
            try w.f.fire(month, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        }
        refused("belum disahkan Kepala SKB") { try w.pay(month) }
        w.f.now = at("2019-09-03T09:00")
        let august = try w.approveList(month: 8)
        guard case .list(let held)? = try w.f.variable(august, "rincian_tahan"), case .list(let lines)? = try w.f.variable(august, "rincian_bayar") else {
            Issue.record("the list has no lines")
            return
        }
        #expect(held.count == 1 && lines.isEmpty)
        // The report comes late; confirmed, the month joins September's list and is paid.
        try w.f.fire(month, "kirim_laporan", try w.f.owner(w.paud), forms: ["tb_laporan_bulanan": WorkPhaseFixture.report])
        try w.f.fire(month, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        w.f.now = at("2019-10-01T09:00")
        _ = try w.approveList(month: 9)
        try w.pay(month)
        #expect(try w.number(month, "dibayar") == 1_500_000)
    }

    // MARK: Suspension, endings

    @Test func nothingIsPaidDuringASuspensionNorForItsMonthNorAfterAResignation() throws {
        var w = try WorkPhaseFixture()
        w.f.now = at("2019-08-30T10:00")
        let august = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: WorkPhaseFixture.august, learners: 12))
        let kAugust = try w.report(w.kesetaraan, WorkPhaseFixture.sheet(month: 8, dates: WorkPhaseFixture.august, learners: 10))
        w.f.now = at("2019-09-02T09:00")
        for m in [august, kAugust] { try w.f.fire(m, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment]) }
        _ = try w.approveList(month: 8)
        // Suspended on 5 September, suspected of a crime (Pasal 6): August is not paid while it lasts.
        w.f.now = at("2019-09-05T09:00")
        refused("alasan tertulis") {
            try w.f.fire(w.paud, "skors", w.head, forms: ["tb_sanksi": ["nomor": .string("S-1"), "tanggal": .string("2019-09-05"), "uraian": .string("Dugaan")]])
        }
        try w.f.fire(w.paud, "skors", w.head, reason: "Diduga melakukan tindak pidana",
                     forms: ["tb_sanksi": ["nomor": .string("S-1"), "tanggal": .string("2019-09-05"), "uraian": .string("Dugaan tindak pidana")]])
        refused("sedang diberhentikan sementara") { try w.pay(august) }
        refused("tidak sedang berlaku") {
            _ = try w.report(w.paud, WorkPhaseFixture.sheet(month: 9, dates: ["2019-09-02"], learners: 12))
        }
        // A suspended tutor still holds his place: the reserve has no vacancy.
        refused("Tidak ada lowongan") { try w.f.fire(w.reserve, "gantikan", "kepala", reason: "Pengganti") }
        // Reinstated on 16 September: August is paid; September, touched by the suspension, is not.
        w.f.now = at("2019-09-16T09:00")
        try w.f.fire(w.paud, "pulihkan", w.head, reason: "Penyidikan dihentikan")
        try w.pay(august)
        w.f.now = at("2019-09-30T10:00")
        let september = try w.report(w.paud, WorkPhaseFixture.sheet(month: 9, dates: ["2019-09-16", "2019-09-17", "2019-09-18"], learners: 12))
        try w.f.fire(september, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        #expect(try w.f.variable(september, "diskors") == .bool(true))
        #expect(try w.f.state(september) == "nihil")
        // The Kesetaraan tutor resigns before his August month is paid: dismissed, not paid (L228).
        try w.f.fire(w.kesetaraan, "mundur", try w.f.owner(w.kesetaraan), reason: "Pindah kerja")
        refused("telah diberhentikan, mengundurkan diri") { try w.pay(kAugust) }
        refused("tidak berlaku pada status 'diberhentikan'") { try w.f.fire(w.kesetaraan, "tegur", w.head, reason: "x") }
    }

    @Test func deathEndsTheAgreementAndOpensTheVacancy() throws {
        var w = try WorkPhaseFixture()
        w.f.now = at("2019-08-30T10:00")
        let august = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: WorkPhaseFixture.august, learners: 12))
        try w.f.fire(august, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        _ = try w.approveList(month: 8)
        try w.f.fire(w.paud, "meninggal", w.head, reason: "Surat keterangan kematian dari kelurahan")
        #expect(try w.f.state(w.paud) == "meninggal")
        refused("meninggal") { try w.pay(august) }
        try w.f.fire(w.reserve, "gantikan", "kepala", reason: "Mengisi lowongan karena pendidik meninggal dunia")
        #expect(try w.f.state(w.reserve) == "ditetapkan")
    }

    @Test func theContractEndsOnItsDateAndItsLastMonthIsStillPaid() throws {
        var w = try WorkPhaseFixture()
        w.f.now = at("2019-12-30T10:00")
        let december = try w.report(w.paud, WorkPhaseFixture.sheet(month: 12, dates: ["2019-12-02", "2019-12-03"], learners: 12))
        try w.f.fire(december, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        _ = try w.approveList(month: 12)
        w.f.now = at("2020-01-02T09:00")
        _ = try w.engine.tick(now: w.f.now)
        #expect(try w.f.state(w.paud) == "kontrak_selesai")
        try w.pay(december)
        #expect(try w.f.state(december) == "dibayar")
    }

    @Test func theEndOfContractAssessmentScoresThreeAspectsAndRecommendsAnExtensionFrom76() throws {
        let w = try WorkPhaseFixture()
        try w.f.fire(w.paud, "nilai_akhir", w.head, forms: ["tb_penilaian_akhir": [
            "disiplin": .number(80), "profesionalisme": .number(75), "prestasi": .number(74)]])
        // (80 + 75 + 74) ÷ 3 = 76,33: recommended.
        #expect(try w.number(w.paud, "skor_akhir") == 76.33)
        #expect(try w.f.variable(w.paud, "diperpanjang") == .bool(true))
        try w.f.fire(w.kesetaraan, "nilai_akhir", w.head, forms: ["tb_penilaian_akhir": [
            "disiplin": .number(80), "profesionalisme": .number(75), "prestasi": .number(72)]])
        #expect(try w.f.variable(w.kesetaraan, "diperpanjang") == .bool(false))
        refused("tb_penilaian_akhir.disiplin") {
            try w.f.fire(w.kursus, "nilai_akhir", w.head, forms: ["tb_penilaian_akhir": [
                "disiplin": .number(101), "profesionalisme": .number(75), "prestasi": .number(72)]])
        }
    }

    // MARK: Sanctions and dismissal

    @Test func aDismissalNeedsAGroundAWrittenReasonAndEvidenceAndForNeglectTheEarlierSanctions() throws {
        let w = try WorkPhaseFixture()
        w.f.temp.write("bukti.txt", "bukti sintetis\n")
        let letter: [String: Value] = ["nomor": .string("PHK-1"), "tanggal": .string("2019-09-10"), "dasar": .string("f"),
                                       "uraian": .string("Tidak melaksanakan pembelajaran sesuai jadwal selama tiga minggu"), "bukti": .string("bukti.txt")]
        refused("memerlukan formulir 'tb_pemberhentian'") { try w.f.fire(w.paud, "berhentikan", w.head, reason: "Lalai") }
        var party = letter
        party["dasar"] = .string("d")
        party["uraian"] = .string("Menjadi pengurus partai politik sejak Agustus")
        refused("alasan tertulis") { try w.f.fire(w.kesetaraan, "berhentikan", w.head, forms: ["tb_pemberhentian": party]) }
        var noGround = letter
        noGround["dasar"] = nil
        refused("tb_pemberhentian.dasar") { try w.f.fire(w.paud, "berhentikan", w.head, reason: "Lalai", forms: ["tb_pemberhentian": noGround]) }
        var noEvidence = letter
        noEvidence["bukti"] = nil
        refused("tb_pemberhentian.bukti") { try w.f.fire(w.paud, "berhentikan", w.head, reason: "Lalai", forms: ["tb_pemberhentian": noEvidence]) }
        // Neglect of duties (Pasal 7 f) is the third sanction of Pasal 5.
        refused("didahului teguran tertulis dan pernyataan tidak puas") {
            try w.f.fire(w.paud, "berhentikan", w.head, reason: "Lalai", forms: ["tb_pemberhentian": letter])
        }
        let warning: [String: Value] = ["nomor": .string("T-1"), "tanggal": .string("2019-09-02"), "uraian": .string("Laporan tidak disampaikan")]
        refused("didahului teguran tertulis (Format 8 Pasal 5 a–b)") {
            try w.f.fire(w.paud, "nyatakan_tidak_puas", w.head, reason: "Tidak puas", forms: ["tb_sanksi": warning])
        }
        try w.f.fire(w.paud, "tegur", w.head, reason: "Teguran pertama", forms: ["tb_sanksi": warning])
        try w.f.fire(w.paud, "nyatakan_tidak_puas", w.head, reason: "Tidak berubah", forms: ["tb_sanksi": warning])
        try w.f.fire(w.paud, "berhentikan", w.head, reason: "Sanksi ketiga", forms: ["tb_pemberhentian": letter])
        #expect(try w.f.state(w.paud) == "diberhentikan")
        #expect(try w.engine.show(w.paud).decisions.last?.value.displayText.contains("Pasal 7 f") == true)
        // Another ground stands on its own, with its evidence: a party membership (d).
        try w.f.fire(w.kesetaraan, "berhentikan", w.head, reason: "Pasal 7 d", forms: ["tb_pemberhentian": party])
        #expect(try w.f.state(w.kesetaraan) == "diberhentikan")
        // The dismissal opened the PAUD vacancy, which the reserve fills with the head's approval.
        try w.f.fire(w.reserve, "gantikan", "kepala", reason: "Mengisi lowongan #\(w.paud)")
        #expect(try w.f.state(w.reserve) == "ditetapkan")
    }

    // MARK: The UPT's allocation

    @Test func aPaymentThatWouldTakeTheUPTPastItsAllocationIsRefused() throws {
        // A national budget of Rp59.500.000 for 1.547 tutors gives Kalimantan Selatan (52) Rp2.000.000.
        var w = try WorkPhaseFixture(seed: { temp in
            temp.write("seed/tutor_bantu/anggaran_2019.csv", "tahun,anggaran_rupiah,jumlah_skb,jumlah_tenaga,sumber\n2019,59500000,371,1547,uji\n")
        }, withSKB2: true)
        #expect(try w.number(w.upt, "pagu") == 2_000_000)
        w.f.now = at("2019-08-30T10:00")
        // SKB 1: Kesetaraan 20 JP × Rp50.000 = Rp1.000.000; SKB 2: PAUD Rp1.500.000. Each list alone fits.
        let k = try w.report(w.kesetaraan, WorkPhaseFixture.sheet(month: 8, dates: Array(WorkPhaseFixture.august.prefix(10)), learners: 10))
        let p = try w.report(w.paud2, WorkPhaseFixture.sheet(month: 8, dates: WorkPhaseFixture.august, learners: 12))
        w.f.now = at("2019-09-02T09:00")
        try w.f.fire(k, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        try w.f.fire(p, "sahkan", "skb-uji-2-kepala", forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        _ = try w.approveList(month: 8)
        _ = try w.approveList(month: 8, skb2: true)
        // SKB 1's PAUD tutor reports August only after SKB 1's August list: it waits for September's.
        let late = try w.report(w.paud, WorkPhaseFixture.sheet(month: 8, dates: WorkPhaseFixture.august, learners: 12))
        try w.pay(k)
        // Both lists were approved, but together they pass the budget: the second transfer is refused.
        refused("melampaui pagu honorarium UPT") { try w.pay(p) }
        #expect(try w.f.state(p) == "disahkan")
        // A list that would pass the budget is refused when the PPK approves it.
        try w.f.fire(late, "sahkan", w.head, forms: ["tb_penilaian_bulanan": WorkPhaseFixture.assessment])
        w.f.now = at("2019-10-01T09:00")
        refused("melampaui pagu honorarium UPT") { _ = try w.approveList(month: 9) }
    }

    @Test func thePagusOfTheTwentyNineUPTsAreWholeRupiahAndAddUpToAtMostTheBudget() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let tables = try engine.referenceTables()
        let budget = Int(tables.lookup("tutor_bantu/anggaran_2019", "tahun", "2019", "anggaran_rupiah")!)!
        let tutors = Int(tables.lookup("tutor_bantu/anggaran_2019", "tahun", "2019", "jumlah_tenaga")!)!
        let shares = (tables.tables["tutor_bantu/alokasi_2019"] ?? []).map { budget * Int($0["jumlah_tenaga"]!)! / tutors }
        #expect(shares.count == 29)
        #expect(shares.reduce(0, +) <= budget)
        #expect(budget - shares.reduce(0, +) < 29)
        #expect(shares[17] == 843_169_747)  // BP PAUD-Dikmas Kalimantan Selatan, 52 tutors
    }
}
