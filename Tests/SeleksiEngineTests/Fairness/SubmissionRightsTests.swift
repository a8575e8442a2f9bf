import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiEngine

@Suite("Who may write which form, and nothing is overwritten")
struct SubmissionRightsTests {
    private func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch EngineError.refused(let r, _) { return r } catch { return nil }
    }

    @Test func aTeamMemberCannotWriteOverTheApplicantsFormAfterVerification() throws {
        let round = try DemoRound()
        let engine = round.engine
        // A second applicant, verified: the form is now the team's evidence, and nobody may rewrite it.
        let app = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-23T09:00")).id
        var answers = try exampleAnswers()
        try engine.fire(FireRequest(instance: app, event: "ajukan", actor: "pelamar1", forms: ["demo_pendaftaran": answers]),
                        now: at("2026-01-23T09:00"))
        try engine.fire(FireRequest(instance: app, event: "verifikasi", actor: "penilai1"), now: at("2026-01-23T09:10"))
        answers["nama"] = .string("Nama Diganti")
        for actor in ["penilai1", "pelamar1"] {
            #expect(refusal {
                try engine.submit(Engine.SubmitRequest(instance: app, form: "demo_pendaftaran", action: .correct, answers: answers,
                                                       actor: actor, reason: "perbaikan"), now: at("2026-01-23T09:20"))
            }?.code == .notPermitted, "\(actor)")
        }
        // Nor can a form ride on an event that does not take it.
        #expect(refusal {
            try engine.fire(FireRequest(instance: app, event: "tarik", actor: "pelamar1", reason: "x", forms: ["demo_pendaftaran": answers]),
                            now: at("2026-01-23T09:30"))
        }?.code == .notPermitted)
        let history = try engine.history(app)
        #expect(history.suffix(3).map(\.outcome) == ["refused:not-permitted", "refused:not-permitted", "refused:not-permitted"])
        #expect(try engine.show(app).forms["demo_pendaftaran"]?["nama"] != .string("Nama Diganti"))
    }

    @Test func aCorrectionNeedsAReasonAndKeepsEveryVersion() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let now = at("2026-01-06T09:00")
        let app = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: now)
        var answers = try exampleAnswers()
        try engine.submit(Engine.SubmitRequest(instance: app.id, form: "demo_pendaftaran", answers: answers, actor: "pelamar1"), now: now)
        // A second first version is refused: it would overwrite.
        #expect(refusal {
            try engine.submit(Engine.SubmitRequest(instance: app.id, form: "demo_pendaftaran", answers: answers, actor: "pelamar1"), now: now)
        }?.code == .alreadySubmitted)
        answers["telepon"] = .string("081300002222")
        #expect(refusal {
            try engine.submit(Engine.SubmitRequest(instance: app.id, form: "demo_pendaftaran", action: .correct, answers: answers,
                                                   actor: "pelamar1"), now: now)
        }?.code == .reasonRequired)
        try engine.submit(Engine.SubmitRequest(instance: app.id, form: "demo_pendaftaran", action: .correct, answers: answers, actor: "pelamar1",
                                               reason: "ganti nomor telepon"), now: now)
        let versions = try engine.submissionVersions(app.id)
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.map(\.kind) == [.submit, .correct])
        #expect(versions.last?.reason == "ganti nomor telepon")
        #expect(try engine.show(app.id).forms["demo_pendaftaran"]?["telepon"] == .string("+6281300002222"))
        #expect(try engine.verifyAudit().problemCount == 0)
    }

    @Test func aRaterAmendsOrWithdrawsHisOwnSheetWithAReasonUntilTheStateCloses() throws {
        let temp = TempFolder()
        temp.copyDefinitions()
        temp.write("workflows/uji_nilai.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <workflow id="uji_nilai" version="1" start-roles="penilai">
              <title lang="id">Uji penilaian</title>
              <roles><role id="penilai"><label lang="id">Penilai</label></role></roles>
              <submissions>
                <allow action="correct" form="tb_skor" roles="penilai" states="dinilai"/>
                <allow action="withdraw" form="tb_skor" roles="penilai" states="dinilai"/>
              </submissions>
              <states>
                <state id="dinilai" initial="true"><label lang="id">Dinilai</label></state>
                <state id="selesai" final="true"><label lang="id">Selesai</label></state>
              </states>
              <transitions>
                <transition event="nilai" from="dinilai" to="dinilai" roles="penilai"><requires form="tb_skor"/></transition>
                <transition event="tutup" from="dinilai" to="selesai" roles="penilai"/>
              </transitions>
            </workflow>
            """)
        let (engine, _) = try Engine.initialise(path: temp.file("db.sqlite"), root: temp.path, seedPath: temp.file("seed"),
                                                options: .init(simulation: true), now: at("2026-01-05T08:00"))
        let now = at("2026-01-06T09:00")
        let id = try engine.start(workflow: "uji_nilai", org: "upt-demo", actor: "penilai1", now: now).id
        try engine.fire(FireRequest(instance: id, event: "nilai", actor: "penilai1", forms: ["tb_skor": TutorBantuFixture.sheet(60)]), now: now)
        try engine.fire(FireRequest(instance: id, event: "nilai", actor: "penilai2", forms: ["tb_skor": TutorBantuFixture.sheet(70)]), now: now)
        // A second sheet through the event is refused: the amendment is a correction, with a reason.
        #expect(refusal {
            try engine.fire(FireRequest(instance: id, event: "nilai", actor: "penilai1", forms: ["tb_skor": TutorBantuFixture.sheet(65)]), now: now)
        }?.code == .alreadySubmitted)
        try engine.submit(Engine.SubmitRequest(instance: id, form: "tb_skor", action: .correct, answers: TutorBantuFixture.sheet(65),
                                               actor: "penilai1", reason: "salah jumlah"), now: now)
        // penilai2 may not amend penilai1's sheet: he has none of his own to correct … he has; but not penilai3.
        #expect(refusal {
            try engine.submit(Engine.SubmitRequest(instance: id, form: "tb_skor", action: .correct, answers: TutorBantuFixture.sheet(10),
                                                   actor: "penilai3", reason: "x"), now: now)
        }?.code == .formMissing)
        #expect(try engine.latestForms(of: id)["tb_skor"] != nil)
        try engine.submit(Engine.SubmitRequest(instance: id, form: "tb_skor", action: .withdraw, actor: "penilai2",
                                               reason: "ternyata kerabat pelamar"), now: now)
        // A form's latest version is its last row: a withdrawal leaves the instance without the form.
        #expect(try engine.latestForms(of: id)["tb_skor"] == nil)
        let record = try engine.requireInstance(id)
        let totals = try engine.ratings(of: record, in: try engine.workflow(hash: record.workflowHash))["tb_skor"]
        #expect(totals == .list([.record(TutorBantuFixture.sheet(65).merging(["_actor": .string("penilai1"), "total": .number(65)]) { $1 })]))
        try engine.fire(FireRequest(instance: id, event: "tutup", actor: "penilai1"), now: now)
        #expect(refusal {
            try engine.submit(Engine.SubmitRequest(instance: id, form: "tb_skor", action: .correct, answers: TutorBantuFixture.sheet(90),
                                                   actor: "penilai1", reason: "terlambat"), now: now)
        }?.code == .notAllowedInState)
        #expect(try engine.submissionVersions(id, form: "tb_skor").map(\.kind) == [.submit, .submit, .correct, .withdraw])
        #expect(try engine.verifyAudit().problemCount == 0)
    }
}
