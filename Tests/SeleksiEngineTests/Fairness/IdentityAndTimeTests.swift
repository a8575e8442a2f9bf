import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiEngine

@Suite("Who is acting, and when")
struct IdentityAndTimeTests {
    private func refusal(_ body: () throws -> Void) -> Refusal? {
        do { try body(); return nil } catch EngineError.refused(let r, _) { return r } catch { return nil }
    }

    @Test func aRealDatabaseTakesOnlyTheSystemClock() throws {
        let temp = TempFolder()
        let (engine, _) = try Engine.initialise(path: temp.file("db.sqlite"), root: Repo.root, seedPath: Repo.path("seed"),
                                                now: Timestamp(seconds: Int64(Date().timeIntervalSince1970)))
        #expect(try !engine.isSimulation())
        #expect {
            try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2019-06-01T08:00"))
        } throws: { error in
            (error as? EngineError)?.message(.en).contains("not the system clock") == true
        }
        let started = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1",
                                       now: Timestamp(seconds: Int64(Date().timeIntervalSince1970)))
        #expect(started.id > 0)
    }

    @Test func aCommandDatedBeforeTheLastRowIsRefusedAndTheLogsClockNeverGoesBack() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        _ = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-07T09:00"))
        let r = refusal { _ = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar2", now: at("2026-01-06T09:00")) }
        #expect(r?.code == .clockBehind)
        var last: AuditRecord?
        try engine.forEachAuditRecord { last = $0 }
        #expect(last?.outcome == "refused:clock-behind" && last?.at == at("2026-01-07T09:00").seconds)
        #expect(try engine.verifyAudit().problemCount == 0)
    }

    @Test func everyRowNamesTheAccountThatVouchedForIt() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        engine.osUser = "rina"
        let app = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-07T09:00"))
        #expect(try engine.history(app.id).first?.osUser == "rina")
    }

    @Test func strictIdentityTakesTheBoundAccountOrASignatureAndNothingElse() throws {
        let temp = TempFolder()
        let (engine, _) = try Engine.initialise(path: temp.file("db.sqlite"), root: Repo.root, seedPath: Repo.path("seed"),
                                                options: .init(simulation: true, identity: .strict), now: at("2026-01-05T08:00"))
        engine.osUser = "dewi"
        let now = at("2026-01-06T09:00")
        // pelamar1 is bound to no account: refused from "dewi".
        #expect(refusal { _ = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: now) }?.code
                == .identityUnverified)
        try engine.updateActor(id: "pelamar1", name: nil, nip: nil, osUser: .some("dewi"), now: now)
        _ = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: now)
        // pelamar2 signs with his registered key instead.
        let key = SigningKey(.init())
        try engine.addActorKey(actor: "pelamar2", publicKeyHex: key.publicKeyHex, now: now)
        let signed = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar2", signer: key, now: now)
        #expect(try engine.history(signed.id).first?.signature?.count == 64)
        // A key that is not his is refused.
        #expect(refusal { _ = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar2", signer: SigningKey(.init()), now: now) }?
            .code == .signatureInvalid)
        #expect(try engine.verifyAudit().signatures == 1)
    }

    @Test func aForgedSignatureIsCaughtByVerify() throws {
        let round = try DemoRound()
        let key = SigningKey(.init())
        try round.engine.addActorKey(actor: "penilai1", publicKeyHex: key.publicKeyHex, now: at("2026-01-23T08:00"))
        let app = try round.engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "penilai1", signer: key, now: at("2026-01-23T09:00"))
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        try attacker.sql("UPDATE audit_log SET signature = zeroblob(64) WHERE instance = \(app.id)")
        try attacker.recomputeChain()
        #expect(try round.verify()?.contains("signature does not match") == true)
    }

    @Test func anEventThatRequiresASignatureIsRefusedUnsigned() throws {
        let temp = TempFolder()
        temp.copyDefinitions()
        let file = temp.file("workflows/demo_pelamar.xml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: #"<transition event="tarik""#, with: #"<transition signature="required" event="tarik""#)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let (engine, _) = try Engine.initialise(path: temp.file("db.sqlite"), root: temp.path, seedPath: temp.file("seed"),
                                                options: .init(simulation: true), now: at("2026-01-05T08:00"))
        let now = at("2026-01-06T09:00")
        let app = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: now)
        #expect(refusal { try engine.fire(FireRequest(instance: app.id, event: "tarik", actor: "pelamar1", reason: "x"), now: now) }?.code
                == .signatureRequired)
        let key = SigningKey(.init())
        try engine.addActorKey(actor: "pelamar1", publicKeyHex: key.publicKeyHex, now: now)
        try engine.fire(FireRequest(instance: app.id, event: "tarik", actor: "pelamar1", reason: "pindah", signer: key), now: now)
        #expect(try engine.show(app.id).record.state == "ditarik")
        #expect(try engine.verifyAudit().signatures == 1)
    }

    @Test func theReplyNamesWhomTheCommandWasAbout() throws {
        let round = try DemoRound()
        #expect(round.engine.describeBriefly(round.accepted) == "#\(round.accepted) Dewi Pelamar (fiktif), SKB Contoh (demo)")
    }
}
