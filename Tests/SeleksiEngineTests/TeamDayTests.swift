import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiEngine

/// The team's and the head's day: what waits for whom, why a round step is refused, who is short of
/// raters, and mistakes mended with a reason — on the shipped Tutor Bantu workflows.
@Suite("A selection team's day")
struct TeamDayTests {
    let verdict: [String: [String: Value]] = [
        "tb_verifikasi": ["keputusan": .string("memenuhi"), "dokumen_asli_sesuai": .bool(true)]
    ]

    /// Applicants at SKB 1 (and one at SKB 2), proposed, registration closed: the round is in verification.
    func verificationRound(atSKB1: Int = 2, atSKB2: Int = 1) throws -> (TutorBantuFixture, [Int64]) {
        var f = try TutorBantuFixture()
        var ids: [Int64] = []
        for _ in 0..<atSKB1 { ids.append(try f.apply(f.portfolio())) }
        for _ in 0..<atSKB2 { ids.append(try f.apply(f.portfolio(), skb: f.skb2)) }
        for id in ids { try f.fire(id, "usulkan", "\(try f.engine.show(id).record.org)-kepala") }
        f.now = at("2019-06-25T08:00")
        _ = try f.engine.tick(now: f.now)
        return (f, ids)
    }

    func scoringRound() throws -> (TutorBantuFixture, [Int64]) {
        let (f, ids) = try verificationRound()
        for id in ids { try f.fire(id, "verifikasi", "tim1", forms: verdict) }
        try f.fire(f.round, "mulai_penilaian", "kepala")
        return (f, ids)
    }

    @Test func aTeamMembersTasksAreTheApplicantsWaitingForHisVerdictAndNothingOnceGiven() throws {
        let (f, ids) = try verificationRound()
        let tasks = try f.engine.tasks(for: "tim1", now: f.now)
        #expect(tasks.items.map(\.instance) == ids)
        #expect(
            tasks.items.allSatisfy {
                $0.possibility.event == "verifikasi" && $0.possibility.formsToFill == ["tb_verifikasi"]
            })
        #expect(tasks.items.first?.ownerName == "Pelamar 1 (fiktif)")
        #expect(tasks.items.first?.orgName == "SKB Uji 1 (fiktif)")
        // The head holds the team's role too, but the round waits for nothing of his yet but verification.
        #expect(
            try f.engine.tasks(for: "kepala", now: f.now).items.map(\.possibility.event) == [
                "verifikasi", "verifikasi", "verifikasi",
            ])
        for id in ids { try f.fire(id, "verifikasi", "tim1", forms: verdict) }
        #expect(try f.engine.tasks(for: "tim1", now: f.now).items.isEmpty)
        // Now the head may start scoring, and it is his task; nobody is short of raters before scoring opens.
        let head = try f.engine.tasks(for: "kepala", now: f.now)
        #expect(head.items.map(\.possibility.event) == ["mulai_penilaian"])
        #expect(head.items.first?.ownerName == "Putaran Rekrutmen Pendidik/Tutor Bantu SKB")
        #expect(head.alerts.isEmpty)
    }

    @Test func aRaterFromTheApplicantsSKBOrOneWhoDeclaredAConflictHasNoTaskThereAndASheetGivenEndsIt() throws {
        let (f, ids) = try scoringRound()
        // tim3 teaches at SKB 2: not the SKB 2 applicant.
        #expect(try f.engine.tasks(for: "tim3", now: f.now).items.map(\.instance) == [ids[0], ids[1]])
        try f.fire(ids[0], "nyatakan_konflik", "tim2", reason: "Pelamar adalah saudara sepupu")
        try f.fire(ids[1], "nilai", "tim2", forms: ["tb_skor": TutorBantuFixture.sheet(70)])
        #expect(try f.engine.tasks(for: "tim2", now: f.now).items.map(\.instance) == [ids[2]])
        // Declaring a conflict is a key in a review, never a task.
        #expect(
            try f.engine.possibilities(instance: ids[2], actor: "tim2", now: f.now).map(\.event).sorted() == [
                "nilai", "nyatakan_konflik",
            ])
    }

    @Test func aRefusedRankingNamesEveryApplicantThatBlocksItAndWhy() throws {
        let (f, ids) = try scoringRound()
        for rater in ["tim1", "tim2", "kepala"] {
            try f.fire(ids[0], "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(70)])
        }
        try f.fire(ids[1], "nilai", "tim1", forms: ["tb_skor": TutorBantuFixture.sheet(70)])
        #expect { try f.fire(f.round, "peringkat", "kepala") } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            let text = r.message.id
            return r.blockingChildren == [ids[1], ids[2]]
                && text.contains("#\(ids[1]) Pelamar 2 (fiktif), SKB Uji 1 (fiktif)")
                && text.contains("1 dari 3 lembar tb_skor")
                && text.contains("#\(ids[2]) Pelamar 3 (fiktif), SKB Uji 2 (fiktif)")
                && !text.contains("#\(ids[0]) ")
        }
        // The audit row keeps numbers, not names.
        let row = try f.engine.history(f.round).last!
        #expect(row.reason?.contains("#\(ids[1])") == true)
        #expect(row.reason?.contains("Pelamar 2") == false)
    }

    @Test func aConflictThatLeavesTooFewRatersIsShownToTheHeadWithTheRemedy() throws {
        let (f, ids) = try scoringRound()
        let atSKB2 = ids[2]
        // Raters for SKB 2: kepala, tim1, tim2 (tim3 teaches there). tim1 steps aside: two left for three.
        #expect(try f.engine.raterShortage(instance: atSKB2, now: f.now) == nil)
        try f.fire(atSKB2, "nyatakan_konflik", "tim1", reason: "Pelamar adalah tetangga dan murid lama")
        let shortage = try #require(try f.engine.raterShortage(instance: atSKB2, now: f.now))
        #expect(shortage.required == 3)
        #expect(shortage.available == ["kepala", "tim2"])
        #expect(Set(shortage.barred.map(\.actor)) == ["tim1", "tim3"])
        #expect(shortage.remedy.id.contains("seleksi actor grant ID tim_seleksi --org upt-bp-kalimantan-selatan"))
        let head = try f.engine.tasks(for: "kepala", now: f.now)
        #expect(head.alerts.map(\.instance) == [atSKB2])
        #expect(try f.engine.tasks(for: "tim2", now: f.now).alerts.isEmpty)
        let progress = try f.engine.progress(round: f.round, viewer: "kepala", now: f.now)
        #expect(progress.shortages.map(\.instance) == [atSKB2])
    }

    @Test func theHeadSeesEveryRatersScoreAndTheDisagreementARaterSeesOnlyWhereHeRated() throws {
        let (f, ids) = try scoringRound()
        for (rater, total) in [("tim1", 50), ("tim2", 80), ("tim3", 60)] {
            try f.fire(ids[0], "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total)])
        }
        try f.fire(ids[1], "nilai", "tim2", forms: ["tb_skor": TutorBantuFixture.sheet(66)])
        let head = try f.engine.progress(round: f.round, viewer: "kepala", now: f.now)
        let view = try #require(head.ratings.first)
        #expect(view.scoresVisible)
        #expect(view.raters.map(\.id) == ["kepala", "tim1", "tim2", "tim3"])
        let disagreement = try #require(view.disagreements.first)
        #expect(disagreement.instance == ids[0] && disagreement.spread == 30 && disagreement.tolerance == 15)
        #expect(disagreement.scores.map(\.score) == [50, 80, 60])
        let row1 = try #require(view.rows.first { $0.instance == ids[1] })
        #expect(row1.cells == [.waiting, .waiting, .sheet(66), .waiting])
        let row2 = try #require(view.rows.first { $0.instance == ids[2] })
        #expect(
            row2.cells[3]
                == .barred(
                    LocalizedText(
                        id: "Penilai berasal dari SKB pelamar dan tidak boleh menilainya",
                        en: "The rater belongs to the applicant's SKB")))
        // tim1 rated the first applicant only: he sees its scores, not the second's.
        let rater = try f.engine.progress(round: f.round, viewer: "tim1", now: f.now).ratings[0]
        #expect(!rater.scoresVisible)
        #expect(rater.disagreements.first?.scores.map(\.score) == [50, 80, 60])
        #expect(rater.rows.first { $0.instance == ids[1] }?.cells[2] == .sheet(nil))
        // The round's next step is refused now, naming who holds it up.
        let next = try #require(head.next.first { $0.event == "peringkat" })
        #expect(next.refusal != nil && next.blockingCount == 3)
    }

    @Test func aSheetCorrectedAfterTheCountIsCountedAgainAndAWithdrawnOneReopensTheApplicant() throws {
        let (f, ids) = try scoringRound()
        let id = ids[0]
        for (rater, total) in [("tim1", 70), ("tim2", 74), ("kepala", 72)] {
            try f.fire(id, "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(total)])
        }
        #expect(try f.state(id) == "dinilai")
        #expect(try f.variable(id, "skor") == .number(72))
        try f.engine.submit(
            Engine.SubmitRequest(
                instance: id, form: "tb_skor", action: .correct, answers: TutorBantuFixture.sheet(76), actor: "tim1",
                reason: "Salah jumlah pada komponen pengalaman"), now: f.now)
        #expect(try f.state(id) == "dinilai")
        #expect(try f.variable(id, "skor") == .number(74))
        try f.engine.submit(
            Engine.SubmitRequest(
                instance: id, form: "tb_skor", action: .withdraw, actor: "tim2",
                reason: "Ternyata kerabat pelamar"), now: f.now)
        #expect(try f.state(id) == "layak")
        // The sheets that count, by id alone (what a command reads), are those read whole: tim1's
        // correction and kepala's sheet, not tim2's withdrawn one.
        let counted = try f.engine.store.latestPerActor(instance: id, form: "tb_skor")
        #expect(counted.map(\.actor) == ["kepala", "tim1"])
        #expect(try f.engine.store.latestPerActorIDs(instance: id, form: "tb_skor").map(\.id) == counted.map(\.id))
        #expect(try f.engine.store.latestPerActorIDs(instance: id, form: "tb_skor").map(\.actor) == ["kepala", "tim1"])
        // Every version is kept, with its reason.
        let versions = try f.engine.submissionVersions(id, form: "tb_skor")
        #expect(versions.map(\.kind) == [.submit, .submit, .submit, .correct, .withdraw])
        #expect(versions[3].reason == "Salah jumlah pada komponen pengalaman")
        // After the ranking, nothing more is amended.
        try f.fire(id, "nilai", "tim3", forms: ["tb_skor": TutorBantuFixture.sheet(74)])
        for other in ids.dropFirst() {
            for rater in ["tim1", "tim2", "kepala"] {
                try f.fire(other, "nilai", rater, forms: ["tb_skor": TutorBantuFixture.sheet(60)])
            }
        }
        try f.fire(f.round, "peringkat", "kepala")
        #expect {
            try f.engine.submit(
                Engine.SubmitRequest(
                    instance: id, form: "tb_skor", action: .correct, answers: TutorBantuFixture.sheet(80),
                    actor: "tim1", reason: "terlambat"), now: f.now)
        } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .notPermitted
        }
    }

    @Test func theHeadReopensAVerdictWithAReasonDuringVerificationOnly() throws {
        let (f, ids) = try verificationRound(atSKB1: 1, atSKB2: 0)
        let id = ids[0]
        try f.fire(
            id, "verifikasi", "tim1", reason: "Ijazah tidak dilegalisasi",
            forms: ["tb_verifikasi": ["keputusan": .string("tidak_memenuhi"), "dokumen_asli_sesuai": .bool(false)]])
        #expect(try f.state(id) == "tidak_layak")
        #expect { try f.fire(id, "buka_ulang_verifikasi", "tim1", reason: "keliru sekali") } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .roleMissing
        }
        #expect { try f.fire(id, "buka_ulang_verifikasi", "kepala") } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .reasonRequired
        }
        try f.fire(id, "buka_ulang_verifikasi", "kepala", reason: "Ijazah legalisir ternyata ada di berkas fisik")
        #expect(try f.state(id) == "diusulkan")
        // It is a verification task again; the new verdict is a new version, with its reason.
        #expect(try f.engine.tasks(for: "tim2", now: f.now).items.map(\.instance).contains(id))
        #expect { try f.fire(id, "verifikasi", "tim2", forms: verdict) } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .reasonRequired
        }
        try f.fire(id, "verifikasi", "tim2", reason: "Diverifikasi ulang atas berkas fisik", forms: verdict)
        #expect(try f.state(id) == "layak")
        #expect(try f.engine.submissionVersions(id, form: "tb_verifikasi").map(\.kind) == [.submit, .correct])
        #expect(try f.engine.show(id).decisions.map(\.name) == ["kelayakan", "buka_ulang", "kelayakan"])
    }

    @Test func onceScoringStartsANotEligibleVerdictIsFinal() throws {
        let (f, ids) = try verificationRound(atSKB1: 2, atSKB2: 0)
        try f.fire(ids[0], "verifikasi", "tim1", forms: verdict)
        try f.fire(
            ids[1], "verifikasi", "tim1", reason: "SKCK kedaluwarsa",
            forms: ["tb_verifikasi": ["keputusan": .string("tidak_memenuhi"), "dokumen_asli_sesuai": .bool(true)]])
        try f.fire(f.round, "mulai_penilaian", "kepala")
        #expect(try f.state(ids[1]) == "gugur")
        #expect { try f.fire(ids[0], "buka_ulang_verifikasi", "kepala", reason: "ingin diperiksa lagi") } throws: {
            error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .guardFailed
        }
    }

    @Test func aTrialRunsTheCommandButWritesNothing() throws {
        let (f, ids) = try scoringRound()
        let before = try f.engine.verifyAudit().rows
        let request = FireRequest(
            instance: ids[0], event: "nilai", actor: "tim1", forms: ["tb_skor": TutorBantuFixture.sheet(70)])
        guard case .success(let result) = try f.engine.trial(request, now: f.now) else {
            Issue.record("trial refused")
            return
        }
        #expect(result.finalState == "layak")
        guard
            case .failure(let e) = try f.engine.trial(
                FireRequest(
                    instance: ids[2], event: "nilai", actor: "tim3", forms: ["tb_skor": TutorBantuFixture.sheet(70)]),
                now: f.now), case .refused(let r, _) = e
        else {
            Issue.record("trial accepted")
            return
        }
        #expect(r.message.id.contains("SKB pelamar"))
        #expect(try f.engine.verifyAudit().rows == before)
        #expect(try f.engine.tasks(for: "tim1", now: f.now).items.map(\.instance) == ids)
    }
}
