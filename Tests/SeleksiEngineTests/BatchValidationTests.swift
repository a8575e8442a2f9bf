import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiEngine

/// A batch validates its forms on a second thread, ahead of the engine (`ValidationAhead`): what it
/// decides and writes must be what the same commands fired one at a time decide and write.
@Suite("Forms of a batch validated ahead")
struct BatchValidationTests {
    /// Valid and invalid applications, a rater's field filled by an applicant, a scoring sheet from an
    /// applicant (validated again inline: the batch guessed a rater), one from a rater, and a second one
    /// after the first has moved the applicant on, all in one batch.
    @Test func aBatchDecidesAndWritesWhatTheSameCommandsOneAtATimeDo() throws {
        let batched = TempFolder(), single = TempFolder()
        let (engineA, requests) = try Self.round(batched)
        let (engineB, _) = try Self.round(single)
        let now = at("2026-01-09T09:00")
        let inBatch = try engineA.fireBatch(requests, now: now)
        let oneByOne = requests.map { r in
            Result { try engineB.fire(r, now: now) }.mapError { $0 as? EngineError ?? .input("\($0)") }
        }

        #expect(inBatch.map(Self.summary) == oneByOne.map(Self.summary))
        #expect(inBatch.map(Self.summary) == [
            "moved draf→diajukan", "refused invalid-submission: demo_pendaftaran.ipk demo_pendaftaran.nik",
            "refused invalid-submission: demo_pendaftaran.catatan_verifikator", "moved draf→diajukan",
            "refused invalid-submission: demo_penilaian.skor_pendidikan demo_penilaian.skor_pengalaman "
                + "demo_penilaian.skor_wawancara",
            "moved layak→dinilai", "refused not-allowed-in-state",
        ])
        #expect(try Self.written(batched.file("db.sqlite")) == Self.written(single.file("db.sqlite")))
        #expect(try engineA.verifyAudit().problems.isEmpty)
    }

    /// An instance started before its form changed is validated at its own version, although the batch
    /// guessed the current one; a new instance in the same batch, at the new version.
    @Test func anInstanceOnAnOlderFormIsValidatedAtItsOwnVersion() throws {
        let temp = TempFolder()
        temp.copyDefinitions()
        let engine = try initialiseOnCopiedDefinitions(temp, now: at("2026-01-05T08:00")).0
        let old = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1",
                                   now: at("2026-01-06T09:00")).id
        // Version 2 asks for a telephone number, which the answers below do not give.
        let file = temp.file("forms/demo_pendaftaran.xml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: #"<form id="demo_pendaftaran" version="1">"#,
                                  with: #"<form id="demo_pendaftaran" version="2">"#)
            .replacingOccurrences(of: #"  <field id="nama" type="text" required="true">"#, with: """
                  <field id="telepon_rumah" type="text" required="true">
                    <label lang="id">Telepon rumah</label>
                  </field>
                  <field id="nama" type="text" required="true">
                """)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let updated = try initialiseOnCopiedDefinitions(temp, now: at("2026-01-06T10:00")).0
        updated.attachments = Attachments(folder: Repo.root)
        let new = try updated.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar2",
                                    now: at("2026-01-06T11:00")).id

        let answers = try exampleAnswers()
        let results = try updated.fireBatch([
            FireRequest(instance: old, event: "ajukan", actor: "pelamar1", forms: ["demo_pendaftaran": answers]),
            FireRequest(instance: new, event: "ajukan", actor: "pelamar2", forms: ["demo_pendaftaran": answers]),
        ], now: at("2026-01-07T09:00"))
        #expect(results.map(Self.summary) == [
            "moved draf→diajukan", "refused invalid-submission: demo_pendaftaran.telepon_rumah",
        ])
    }

    // MARK: Support

    /// A demo round open for applications: four applicants in draft and a fifth verified for scoring,
    /// and the batch the tests fire.
    static func round(_ temp: TempFolder) throws -> (Engine, [FireRequest]) {
        let engine = try demoEngine(temp)
        let round = try openDemoRound(engine)
        func applicant(_ actor: String) throws -> Int64 {
            try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: actor, parent: round,
                             now: at("2026-01-06T09:00")).id
        }
        let apps = try ["pelamar1", "pelamar2", "pelamar1", "pelamar2"].map(applicant)
        let scored = try applicant("pelamar1")
        try engine.fire(FireRequest(instance: scored, event: "ajukan", actor: "pelamar1",
                                    forms: ["demo_pendaftaran": try exampleAnswers()]), now: at("2026-01-07T09:00"))
        try engine.fire(FireRequest(instance: scored, event: "verifikasi", actor: "penilai2"),
                        now: at("2026-01-08T09:00"))
        var wrong = try exampleAnswers()
        wrong["nik"] = .string("3273017107910001")
        wrong["ipk"] = .string("4,5")
        var noted = try exampleAnswers()
        noted["catatan_verifikator"] = .string("isi sendiri")
        let sheet: [String: Value] = ["skor_pendidikan": .number(25), "skor_pengalaman": .number(30),
                                      "skor_wawancara": .number(20)]
        func apply(_ id: Int64, _ actor: String, _ answers: [String: Value]) -> FireRequest {
            FireRequest(instance: id, event: "ajukan", actor: actor, forms: ["demo_pendaftaran": answers])
        }
        func score(_ actor: String) -> FireRequest {
            FireRequest(instance: scored, event: "nilai", actor: actor, forms: ["demo_penilaian": sheet])
        }
        return (engine, [
            apply(apps[0], "pelamar1", try exampleAnswers()), apply(apps[1], "pelamar2", wrong),
            apply(apps[2], "pelamar1", noted), apply(apps[3], "pelamar2", try exampleAnswers()),
            score("pelamar1"), score("penilai1"), score("penilai1"),
        ])
    }

    static func summary(_ result: Result<FireResult, EngineError>) -> String {
        switch result {
        case .success(let r):
            if case .moved(let from, let to) = r.kind { return "moved \(from)→\(to)" }
            return "\(r.kind)"
        case .failure(.refused(let refusal, let violations)):
            let paths = violations.map(\.path).sorted()
            return "refused \(refusal.code.rawValue)" + (paths.isEmpty ? "" : ": " + paths.joined(separator: " "))
        case .failure(let other):
            return "error \(other)"
        }
    }

    /// What the commands wrote that does not depend on the installation: the submissions as stored, and
    /// the audit rows' content but for their chain hashes and the installation's own row (its id is random).
    static func written(_ path: String) throws -> [String] {
        let db = try rawDatabase(path)
        let submissions = try db.prepare("""
            SELECT instance, form_id, form_hash, actor, kind, version, data, hex(data_hash) FROM submissions ORDER BY id
            """).rows { row in (Int32(0)..<8).map { row.optionalText($0) ?? "NULL" }.joined(separator: " | ") }
        let audit = try db.prepare("""
            SELECT seq, actor, instance, command, event, from_state, to_state, outcome, reason,
                   hex(data_hash), hex(after_hash)
            FROM audit_log WHERE NOT (command = 'setting' AND event = 'installation') ORDER BY seq
            """).rows { row in (Int32(0)..<11).map { row.optionalText($0) ?? "NULL" }.joined(separator: " | ") }
        return submissions + audit
    }
}
