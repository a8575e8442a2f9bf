import Foundation
import SeleksiCore
import SeleksiStore
@testable import SeleksiEngine

/// The README's five-minute walk-through, through the engine: a round, an accepted applicant (forms,
/// an attachment, decisions), a withdrawn one, the minutes signed by the whole team (confirmations).
/// Every kind of row a tampering test may edit exists afterwards.
struct DemoRound {
    let temp = TempFolder()
    let engine: Engine
    var round: Int64 = 0
    var accepted: Int64 = 0
    var withdrawn: Int64 = 0
    var path: String { temp.file("db.sqlite") }

    init() throws {
        engine = try demoEngine(temp)
        round = try engine.start(workflow: "demo_putaran", org: "upt-demo", actor: "operator1", now: at("2026-01-05T08:00")).id
        try fire(round, "buka", "operator1", "2026-01-05T09:00")
        accepted = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", parent: round, now: at("2026-01-06T09:00")).id
        withdrawn = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar2", parent: round, now: at("2026-01-06T10:00")).id
        try fire(accepted, "ajukan", "pelamar1", "2026-01-07T09:00", forms: ["demo_pendaftaran": try exampleAnswers()])
        try fire(accepted, "verifikasi", "penilai1", "2026-01-08T09:00")
        let scores: [String: Value] = ["skor_pendidikan": .number(25), "skor_pengalaman": .number(30), "skor_wawancara": .number(20)]
        try fire(accepted, "nilai", "penilai2", "2026-01-09T09:00", forms: ["demo_penilaian": scores])
        try fire(accepted, "terima", "kepala1", "2026-01-10T09:00")
        try fire(withdrawn, "tarik", "pelamar2", "2026-01-11T09:00", reason: "Pindah domisili")
        _ = try engine.tick(now: at("2026-01-20T00:00"))
        try fire(round, "tetapkan", "kepala1", "2026-01-21T09:00")
        for (i, member) in ["penilai1", "penilai2", "penilai3"].enumerated() {
            try fire(round, "tanda_tangan", member, "2026-01-22T09:0\(i)")
        }
    }

    func fire(_ id: Int64, _ event: String, _ actor: String, _ when: String, reason: String? = nil,
              forms: [String: [String: Value]] = [:]) throws {
        try engine.fire(FireRequest(instance: id, event: event, actor: actor, reason: reason, forms: forms), now: at(when))
    }

    /// The problems `audit verify` reports, read afresh from the file (nil when it says the file is intact).
    func verify(checkpoints: [Checkpoint] = []) throws -> String? {
        do {
            _ = try Engine(path: path).verifyAudit(checkpoints: checkpoints)
            return nil
        } catch EngineError.auditBroken(let message) {
            return message
        }
    }
}
