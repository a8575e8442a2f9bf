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

@Suite("One allocation for every round of a UPT")
struct AllocationAcrossRoundsTests {
    @Test func aSecondRoundCannotTakeTheUPTPastItsAllocation() throws {
        // Kalimantan Selatan: 52 places in the 2019 allocation. The fixture's round takes 4.
        var f = try TutorBantuFixture()
        f.now = at("2019-06-11T08:00")
        let second = try f.engine.start(workflow: "tb_putaran", org: f.upt, actor: "operator", now: f.now).id
        func quota(_ n: Int) -> [String: [String: Value]] {
            ["tb_kuota": ["rincian": .list([.record(["skb": .string(f.skb2), "program": .string("kesetaraan"), "jumlah": .number(Double(n)),
                                                      "jam_atau_bulan": .string("360 JP per paket")])])]]
        }
        #expect {
            try f.fire(second, "tetapkan_kuota", "kepala", forms: quota(49))
        } throws: { error in
            guard case EngineError.refused(let r, _) = error else { return false }
            return r.code == .guardFailed && r.message.id.contains("putaran lain")
        }
        try f.fire(second, "tetapkan_kuota", "kepala", forms: quota(48))   // 4 + 48 = 52
        // Cancelling the first round gives its places back to a third.
        try f.fire(f.round, "batalkan", "kepala", reason: "diulang")
        let third = try f.engine.start(workflow: "tb_putaran", org: f.upt, actor: "operator", now: f.now).id
        try f.fire(third, "tetapkan_kuota", "kepala", forms: quota(4))
    }
}
