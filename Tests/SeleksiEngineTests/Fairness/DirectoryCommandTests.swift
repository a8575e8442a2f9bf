import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiEngine

@Suite("Directory changes are audited commands")
struct DirectoryCommandTests {
    let now = at("2026-01-06T09:00")

    private func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch EngineError.refused(let r, _) { return r } catch { return nil }
    }

    @Test func addingAnActorOrOrganisationIsARowOfTheLogAndAnExistingIdIsRefusedNotRenamed() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        try engine.addActor(id: "penilai4", name: "Wati Penilai (fiktif)", nip: nil, now: now)
        let renamed = refusal { try engine.addActor(id: "penilai1", name: "Orang Lain", nip: nil, now: now) }
        #expect(renamed?.code == .alreadyExists)
        #expect(try engine.actor("penilai1")?.name == "Rina Penilai (fiktif)")
        try engine.addOrganisation(id: "skb-dua", name: "SKB Dua (fiktif)", kind: "skb", parent: "upt-demo", now: now)
        #expect(refusal { try engine.addOrganisation(id: "skb-dua", name: "x", kind: "", parent: nil, now: now) }?.code == .alreadyExists)
        var rows: [AuditRecord] = []
        try engine.forEachAuditRecord { rows.append($0) }
        let directory = rows.filter { ["actor.add", "org.add"].contains($0.command) && $0.at == now.seconds }
        #expect(directory.map(\.outcome) == ["accepted", "refused:already-exists", "accepted", "refused:already-exists"])
        #expect(directory.first?.subject == "actor:penilai4" && directory.first?.afterHash != nil)
        #expect(try engine.verifyAudit().problemCount == 0)
    }

    @Test func aGrantOfAMisspelledRoleIsRefusedNamingTheRolesThatExist() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let r = refusal { try engine.grant(actor: "penilai1", role: "penilia", org: "upt-demo", now: now) }
        #expect(r?.code == .unknownRole)
        #expect(r?.message.id.contains("penilai") == true)
    }

    @Test func aGrantEndsAtItsDateAndTheRoleNoLongerCounts() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        try engine.addActor(id: "penilai4", name: "Wati (fiktif)", nip: nil, now: now)
        try engine.grant(actor: "penilai4", role: "penilai", org: "upt-demo", until: at("2026-01-08T00:00"), now: now)
        let round = try engine.start(workflow: "demo_putaran", org: "upt-demo", actor: "operator1", now: now)
        try engine.fire(FireRequest(instance: round.id, event: "buka", actor: "operator1"), now: at("2026-01-06T10:00"))
        let app = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", parent: round.id, now: at("2026-01-06T11:00"))
        try engine.fire(FireRequest(instance: app.id, event: "ajukan", actor: "pelamar1", forms: ["demo_pendaftaran": try exampleAnswers()]),
                        now: at("2026-01-07T09:00"))
        // After the grant's end the role is gone: verification by penilai4 is refused.
        let late = refusal { try engine.fire(FireRequest(instance: app.id, event: "verifikasi", actor: "penilai4"), now: at("2026-01-08T09:00")) }
        #expect(late?.code == .roleMissing)
        #expect(try engine.verifyAudit().problemCount == 0)
    }

    @Test func aGrantTiedToAnInstanceEndsWhenItReachesAFinalState() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        try engine.addActor(id: "penilai4", name: "Wati (fiktif)", nip: nil, now: now)
        // The instance that named him (a decree, here any instance) is still open: the role counts.
        let decree = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: now)
        try engine.grant(actor: "penilai4", role: "penilai", org: "upt-demo", untilInstance: decree.id, now: now)
        #expect(try engine.roles(of: "penilai4", in: "upt-demo", at: now).contains("penilai"))
        // It reaches a final state: the role no longer counts.
        try engine.fire(FireRequest(instance: decree.id, event: "tarik", actor: "pelamar1", reason: "selesai"), now: at("2026-01-06T10:00"))
        #expect(try !engine.roles(of: "penilai4", in: "upt-demo", at: at("2026-01-06T10:00")).contains("penilai"))
    }

    @Test func rolesAskedAgainAtTheSameMomentSeeARevocationAndADecreeThatEnded() throws {
        // The roles an actor holds are kept between the commands of a batch (same actor, organisation
        // and time); what changes them in between must show at the next ask, at that same time.
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        try engine.addActor(id: "penilai5", name: "Rini (fiktif)", nip: nil, now: now)
        try engine.grant(actor: "penilai5", role: "penilai", org: "upt-demo", now: now)
        let later = at("2026-01-06T10:00")
        #expect(try engine.roles(of: "penilai5", in: "upt-demo", at: later).contains("penilai"))
        try engine.revoke(actor: "penilai5", role: "penilai", org: "upt-demo", now: later)
        #expect(try !engine.roles(of: "penilai5", in: "upt-demo", at: later).contains("penilai"))

        try engine.addActor(id: "penilai6", name: "Tono (fiktif)", nip: nil, now: later)
        let decree = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: later)
        try engine.grant(actor: "penilai6", role: "penilai", org: "upt-demo", untilInstance: decree.id, now: later)
        try engine.batch {
            #expect(try engine.roles(of: "penilai6", in: "upt-demo", at: later).contains("penilai"))
            let withdraw = FireRequest(instance: decree.id, event: "tarik", actor: "pelamar1", reason: "selesai")
            try engine.fire(withdraw, now: later)
            #expect(try !engine.roles(of: "penilai6", in: "upt-demo", at: later).contains("penilai"))
        }
    }

    @Test func anOrganisationCycleIsRefused() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        try engine.addOrganisation(id: "skb-anak", name: "SKB Anak (fiktif)", kind: "skb", parent: "skb-demo", now: now)
        let cycle = refusal { try engine.updateOrganisation(id: "upt-demo", name: nil, kind: nil, parent: .some("skb-anak"), now: now) }
        #expect(cycle?.code == .cycle)
        #expect(refusal { try engine.updateOrganisation(id: "upt-demo", name: nil, kind: nil, parent: .some("upt-demo"), now: now) }?.code == .cycle)
        #expect(try engine.organisation("upt-demo")?.parent == nil)
    }

    @Test func aLoopPutInTheFileByHandCannotHangOrCrashADocument() throws {
        let round = try DemoRound()
        try Attacker(round.path).sql("UPDATE organisations SET parent = 'skb-demo' WHERE id = 'upt-demo'")
        let engine = try Engine(path: round.path)
        let context = try engine.documentContext(round.accepted)
        #expect(context.displayText.isEmpty == false)
        #expect(try engine.ancestors(of: "skb-demo").count == 2)
    }

    @Test func loadingTheSameSeedAgainWritesNothingNew() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let before = try engine.verifyAudit().rows
        _ = try Engine.initialise(path: temp.file("db.sqlite"), root: Repo.root, seedPath: Repo.path("seed"),
                                  options: .init(simulation: true), now: at("2026-01-06T08:00"))
        #expect(try engine.verifyAudit().rows == before + 1)  // the init row alone
    }
}
