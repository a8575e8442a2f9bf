import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiEngine

@Suite("Running the demo workflows on a real SQLite file")
struct WorkflowRunTests {
    @Test func anApplicationGoesFromDraftToAcceptedAndTheHistoryShowsWhoAndWhy() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let round = try engine.start(workflow: "demo_putaran", org: "upt-demo", actor: "operator1", now: at("2026-01-05T08:00"))
        try engine.fire(FireRequest(instance: round.id, event: "buka", actor: "operator1"), now: at("2026-01-05T09:00"))
        let app = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", parent: round.id, now: at("2026-01-06T09:00"))
        try engine.fire(FireRequest(instance: app.id, event: "ajukan", actor: "pelamar1", forms: ["demo_pendaftaran": try exampleAnswers()]), now: at("2026-01-07T09:00"))
        try engine.fire(FireRequest(instance: app.id, event: "verifikasi", actor: "penilai2"), now: at("2026-01-08T09:00"))
        let scores: [String: Value] = ["skor_pendidikan": .number(25), "skor_pengalaman": .number(30), "skor_wawancara": .number(20)]
        try engine.fire(FireRequest(instance: app.id, event: "nilai", actor: "penilai1", forms: ["demo_penilaian": scores]), now: at("2026-01-09T09:00"))
        try engine.fire(FireRequest(instance: app.id, event: "terima", actor: "kepala1"), now: at("2026-01-10T09:00"))

        let detail = try engine.show(app.id)
        #expect(detail.record.state == "diterima")
        #expect(detail.record.variables["skor"] == .number(75))
        #expect(detail.forms["demo_penilaian"]?["total"] == .number(75))
        #expect(detail.forms["demo_pendaftaran"]?["lama_pengalaman_hari"] == .number(2550))
        #expect(detail.decisions.map(\.value) == [.string("memenuhi syarat"), .string("diterima")])
        let history = try engine.history(app.id)
        #expect(history.map(\.event) == ["demo_pelamar", "ajukan", "verifikasi", "nilai", "terima"])
        #expect(history.map(\.actor) == ["pelamar1", "pelamar1", "penilai2", "penilai1", "kepala1"])
        #expect(history[1].dataHash != nil)
        #expect(try engine.verifyAudit().rows >= 8)
    }

    @Test func anInvalidSubmissionListsEveryViolationAndStoresNothing() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let app = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-06T09:00"))
        var answers = try exampleAnswers()
        answers["nik"] = .string("3273017107910001")        // birth year 91 ≠ 1990
        answers["ipk"] = .string("4,5")
        answers["pendidikan"] = .list([])
        answers["ijazah"] = .string(temp.file("missing.pdf"))
        answers["catatan_verifikator"] = .string("isi sendiri")
        #expect {
            try engine.fire(FireRequest(instance: app.id, event: "ajukan", actor: "pelamar1", forms: ["demo_pendaftaran": answers]), now: at("2026-01-07T09:00"))
        } throws: { error in
            guard case EngineError.refused(let r, let violations) = error else { return false }
            let paths = Set(violations.map(\.path))
            return r.code == .invalidSubmission && paths == [
                "demo_pendaftaran.nik", "demo_pendaftaran.ipk", "demo_pendaftaran.pendidikan", "demo_pendaftaran.ijazah", "demo_pendaftaran.catatan_verifikator",
            ]
        }
        #expect(try engine.submissionVersions(app.id).isEmpty)
        #expect(try engine.show(app.id).record.state == "draf")
        let last = try engine.history(app.id).last!
        #expect(last.outcome == "refused:invalid-submission")
        #expect(last.reason?.contains("demo_pendaftaran.ipk") == true)
    }

    @Test func refusalsSayWhatIsAllowedAndAreAudited() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let app = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-06T09:00"))
        func refusal(_ request: FireRequest) -> Refusal? {
            do { try engine.fire(request, now: at("2026-01-07T09:00")); return nil } catch EngineError.refused(let r, _) { return r } catch { return nil }
        }
        // Not in this state: the message lists the events that are.
        let wrongState = refusal(FireRequest(instance: app.id, event: "nilai", actor: "penilai1"))
        #expect(wrongState?.code == .notAllowedInState)
        #expect(wrongState?.message.id.contains("ajukan, tarik, kedaluwarsa") == true)
        // Someone else's application: pelamar2 is not its owner.
        #expect(refusal(FireRequest(instance: app.id, event: "ajukan", actor: "pelamar2", forms: ["demo_pendaftaran": try exampleAnswers()]))?.code == .roleMissing)
        // A reason is required to withdraw.
        #expect(refusal(FireRequest(instance: app.id, event: "tarik", actor: "pelamar1"))?.code == .reasonRequired)
        // Required form missing.
        #expect(refusal(FireRequest(instance: app.id, event: "ajukan", actor: "pelamar1"))?.code == .formMissing)
        #expect(refusal(FireRequest(instance: app.id, event: "terbang", actor: "pelamar1"))?.code == .unknownEvent)
        let outcomes = try engine.history(app.id).map(\.outcome)
        #expect(outcomes == ["accepted", "refused:not-allowed-in-state", "refused:role-missing", "refused:reason-required", "refused:form-missing", "refused:unknown-event"])
        #expect(try engine.show(app.id).record.state == "draf")
        try engine.fire(FireRequest(instance: app.id, event: "tarik", actor: "pelamar1", reason: "pindah domisili"), now: at("2026-01-08T09:00"))
        #expect(try engine.show(app.id).record.state == "ditarik")
    }

    @Test func theMinutesNeedEveryTeamMembersSignature() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let round = try engine.start(workflow: "demo_putaran", org: "upt-demo", actor: "operator1", now: at("2026-01-05T08:00"))
        for (event, actor) in [("buka", "operator1"), ("tutup", "operator1"), ("tetapkan", "kepala1")] {
            try engine.fire(FireRequest(instance: round.id, event: event, actor: actor), now: at("2026-01-06T09:00"))
        }
        #expect(try engine.fire(FireRequest(instance: round.id, event: "tanda_tangan", actor: "penilai1"), now: at("2026-01-07T09:00")).kind == .pending(have: 1, need: 3))
        #expect(throws: EngineError.self) { try engine.fire(FireRequest(instance: round.id, event: "tanda_tangan", actor: "penilai1"), now: at("2026-01-07T09:01")) }
        #expect(try engine.fire(FireRequest(instance: round.id, event: "tanda_tangan", actor: "penilai3"), now: at("2026-01-07T09:02")).kind == .pending(have: 2, need: 3))
        #expect(try engine.show(round.id).record.state == "berita_acara")
        #expect(try engine.fire(FireRequest(instance: round.id, event: "tanda_tangan", actor: "penilai2"), now: at("2026-01-07T09:03")).kind == .moved(from: "berita_acara", to: "selesai"))
        #expect(try engine.history(round.id).map(\.outcome).suffix(4) == ["pending:1/3", "refused:already-confirmed", "pending:2/3", "accepted"])
    }

    @Test func aParentCannotSettleWhileAChildIsUndecided() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let round = try engine.start(workflow: "demo_putaran", org: "upt-demo", actor: "operator1", now: at("2026-01-05T08:00"))
        try engine.fire(FireRequest(instance: round.id, event: "buka", actor: "operator1"), now: at("2026-01-05T09:00"))
        let walkIn = try engine.fire(FireRequest(instance: round.id, event: "daftar_langsung", actor: "operator1"), now: at("2026-01-05T10:00"))
        #expect(walkIn.createdChildren.count == 1)
        #expect(try engine.list(InstanceFilter(parent: round.id)).map(\.state) == ["draf"])
        try engine.fire(FireRequest(instance: round.id, event: "tutup", actor: "operator1"), now: at("2026-01-06T09:00"))
        #expect {
            try engine.fire(FireRequest(instance: round.id, event: "tetapkan", actor: "kepala1"), now: at("2026-01-07T09:00"))
        } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .guardFailed && r.message.id.contains("belum diputuskan")
        }
    }

    @Test func deadlinesFireOnTickAndOnlyOnce() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let round = try engine.start(workflow: "demo_putaran", org: "upt-demo", actor: "operator1", now: at("2026-01-05T08:00"))
        try engine.fire(FireRequest(instance: round.id, event: "buka", actor: "operator1"), now: at("2026-01-05T09:00"))
        let draft = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar2", parent: round.id, now: at("2026-01-06T09:00"))
        // Registration closes at the end of its last day (2026-01-19), not before.
        #expect(try engine.tick(now: at("2026-01-19T23:59")).fired.isEmpty)
        let closing = try engine.tick(now: at("2026-01-20T00:00"))
        #expect(closing.fired.map(\.instance) == [round.id])
        #expect(try engine.show(round.id).record.state == "penilaian")
        // The untouched draft expires 30 days after it was started.
        #expect(try engine.tick(now: at("2026-02-05T08:59")).fired.isEmpty)
        #expect(try engine.tick(now: at("2026-02-05T09:00")).fired.map(\.instance) == [draft.id])
        #expect(try engine.show(draft.id).record.state == "kedaluwarsa")
        #expect(try engine.tick(now: at("2026-03-01T00:00")).fired.isEmpty)
        #expect(try engine.history(draft.id).last?.actor == "system")
    }

    @Test func anInstanceKeepsTheDefinitionVersionItStartedOn() throws {
        let temp = TempFolder()
        temp.copyDefinitions()
        let engine = try initialiseOnCopiedDefinitions(temp, now: at("2026-01-05T08:00")).0
        let old = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-06T09:00"))
        let file = temp.file("workflows/demo_pelamar.xml")
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: #"after="P30D""#, with: #"after="P7D""#)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let (engine2, summary) = try initialiseOnCopiedDefinitions(temp, now: at("2026-01-06T10:00"))
        #expect(summary.newDefinitions == 1)
        let new = try engine2.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-06T11:00"))
        #expect(try engine2.show(old.id).pendingTimers.first?.dueAt == at("2026-02-05T09:00").seconds)
        #expect(try engine2.show(new.id).pendingTimers.first?.dueAt == at("2026-01-13T11:00").seconds)
        // The first process, still open, remembers the version it last started on; it starts the next
        // instance on the version the other process loaded since.
        let later = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1",
                                     now: at("2026-01-06T12:00"))
        #expect(try engine.show(later.id).pendingTimers.first?.dueAt == at("2026-01-13T12:00").seconds)
    }
}
