import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiEngine

@Suite("The round's invariants hold whatever the order of commands")
struct RoundInvariantTests {
    @Test func onePersonAppliesOncePerRound() throws {
        var f = try TutorBantuFixture()
        let answers = f.portfolio()
        let first = try f.apply(answers)
        // The same person (same NIK) applies four more times, under other accounts: each is refused.
        for _ in 0..<4 {
            f.applicantCount += 1
            let actor = "kembar\(f.applicantCount)"
            try f.engine.addActor(id: actor, name: "Orang yang sama (fiktif)", nip: nil, now: f.now)
            let id = try f.engine.start(workflow: "tb_pelamar", org: f.skb1, actor: actor, parent: f.round, now: f.now).id
            #expect {
                try f.fire(id, "ajukan", actor, forms: ["tb_portofolio": answers, "tb_pernyataan": f.statement])
            } throws: { error in
                guard case EngineError.refused(let r, _) = error else { return false }
                return r.code == .duplicateKey && r.message.id.contains("#\(first)")
            }
        }
        #expect(try f.state(first) == "diajukan")
        #expect(try f.engine.verifyAudit().problemCount == 0)
    }

    @Test func anApplicationAfterTheDeadlineIsRefusedWithoutWaitingForTheTimer() throws {
        var f = try TutorBantuFixture()
        f.now = at("2019-06-24T23:00")   // jadwal: registration ends 2019-06-24; its last day still counts
        _ = try f.apply(f.portfolio())
        f.now = at("2019-06-25T08:00")   // the day after, and nobody has ticked the timer
        #expect {
            _ = try f.apply(f.portfolio())
        } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .guardFailed && r.message.id.contains("Batas pendaftaran sudah lewat")
        }
    }
}
