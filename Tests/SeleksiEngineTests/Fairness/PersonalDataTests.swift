import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiEngine

@Suite("Personal data")
struct PersonalDataTests {
    @Test func anErasureRemovesPersonalFieldsAndAttachmentsYetTheChainStillVerifies() throws {
        let round = try DemoRound()
        let engine = round.engine
        let now = at("2026-01-23T09:00")
        // Still running: refused. A person without an office role: refused.
        let running = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar2", now: now)
        #expect(throws: EngineError.self) { try engine.erasePersonalData(instance: running.id, actor: "kepala1", reason: "permohonan", now: now) }
        #expect(throws: EngineError.self) { try engine.erasePersonalData(instance: round.accepted, actor: "pelamar1", reason: "permohonan", now: now) }
        let report = try engine.erasePersonalData(instance: round.accepted, actor: "kepala1", reason: "Surat permohonan 12/2026", now: now)
        #expect(report.fields.contains("demo_pendaftaran.nik") && report.fields.contains("demo_pendaftaran.tanggal_lahir"))
        #expect(report.fields.contains("demo_pendaftaran.email") && report.fields.contains("demo_pendaftaran.ijazah"))
        #expect(report.attachments == 1)
        let text = try engine.submissionVersions(round.accepted).map(\.data).joined()
        for personal in ["3273017107900001", "1990-07-31", "dewi.contoh@example.id", "ijazah-contoh"] {
            #expect(!text.contains(personal), "\(personal) still stored")
        }
        #expect(text.contains("Dewi Lestari Contoh"))  // the name stays: the selection's record names its people
        #expect(try engine.attachments(of: round.accepted).first?.kept == false)
        #expect(try engine.history(round.accepted).last?.command == "erase")
        #expect(try engine.verifyAudit().problemCount == 0)
        // Editing an erased text afterwards is still caught.
        try Attacker(round.path).sql("UPDATE submissions SET data = replace(data, '[dihapus]', '3273017107900001') WHERE instance = \(round.accepted)")
        #expect(try round.verify() != nil)
    }
}
