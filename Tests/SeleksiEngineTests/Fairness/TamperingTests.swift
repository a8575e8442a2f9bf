import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiEngine

/// Each tampering the threat model (docs/threat-model.md) says `audit verify` detects, done as an
/// attacker with the file would do it, and the ones it says need a checkpoint.
@Suite("Audit verify proves the database, not only the chain")
struct TamperingTests {
    @Test func anUntouchedRoundVerifies() throws {
        let round = try DemoRound()
        #expect(try round.verify() == nil)
    }

    @Test func aScoreEditedInTheSubmissionsIsNamed() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.sql("UPDATE submissions SET data = replace(data, '\"skor_wawancara\":20', '\"skor_wawancara\":100') WHERE form_id = 'demo_penilaian'")
        let problems = try #require(try round.verify())
        #expect(problems.contains("submissions #") && problems.contains("edited"))
    }

    @Test func anInstancesVariablesOrStateEditedByHandAreNamed() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.sql("UPDATE instances SET vars = replace(vars, '\"skor\":75', '\"skor\":100') WHERE id = \(round.accepted)")
        #expect(try round.verify()?.contains("instances #\(round.accepted)") == true)

        let second = try DemoRound()
        try Attacker(second.path).sql("UPDATE instances SET state = 'diterima' WHERE id = \(second.withdrawn)")
        #expect(try second.verify()?.contains("instances #\(second.withdrawn)") == true)
    }

    /// The canonical JSON of an instance's form hashes is remembered by the stored text it was read
    /// from; a text rewritten into other JSON of the same meaning must not become the after-image of
    /// the next command (which would launder it): the next command is refused, and verify names it.
    @Test func formHashesRewrittenAsOtherJSONRefuseTheNextCommandAndAreNamed() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let round = try openDemoRound(engine)
        let applicant = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", parent: round,
                                         now: at("2026-01-06T09:00")).id
        _ = try engine.show(applicant)  // read once, so that the rewritten text is what the next command reads
        try Attacker(temp.file("db.sqlite"))
            .sql("UPDATE instances SET form_hashes = ' ' || form_hashes WHERE id = \(applicant)")
        #expect(throws: EngineError.self) {
            try engine.fire(FireRequest(instance: applicant, event: "tarik", actor: "pelamar1",
                                        reason: "Pindah domisili"), now: at("2026-01-07T09:00"))
        }
        #expect(try Self.problems(in: temp.file("db.sqlite"))?.contains("instances #\(applicant)") == true)
    }

    /// An edit made with SQL between two commands is not taken into the next command's after-image
    /// (where `audit verify` could no longer see it): the command is refused with the audit's exit
    /// status, nothing is written, and verify still names the instance. Both for the process that was
    /// already open and for a new one.
    @Test func aRowEditedBetweenCommandsIsRefusedNotLaunderedByTheNext() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let round = try openDemoRound(engine)
        let applicant = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", parent: round,
                                         now: at("2026-01-06T09:00")).id
        let attacker = try Attacker(temp.file("db.sqlite"))
        let original = try #require(
            try attacker.db.prepare("SELECT vars FROM instances WHERE id = ?").first(.int(applicant)) { $0.text(0) })
        try attacker.sql("UPDATE instances SET vars = json_set(vars, '$.skor', 100) WHERE id = \(applicant)")
        let rows = try attacker.int("SELECT count(*) FROM audit_log")
        let request = FireRequest(instance: applicant, event: "ajukan", actor: "pelamar1",
                                  forms: ["demo_pendaftaran": try exampleAnswers()])
        for process in [engine, try Engine(path: temp.file("db.sqlite"))] {
            var refusal: EngineError?
            do {
                _ = try process.fire(request, now: at("2026-01-07T09:00"))
            } catch let e as EngineError {
                refusal = e
            }
            #expect(refusal?.exitCode == 4)  // the audit's status, as `audit verify` gives
            #expect(refusal?.message(.id).contains("instans #\(applicant)") == true)
            #expect(refusal?.message(.en).contains("changed outside Seleksi") == true)
            #expect(try attacker.int("SELECT count(*) FROM audit_log") == rows)
        }
        #expect(try Self.problems(in: temp.file("db.sqlite"))?.contains("instances #\(applicant)") == true)

        // Put back as it was, the row is what the log says again, and the command goes through.
        try attacker.db.prepare("UPDATE instances SET vars = ? WHERE id = ?").run(.text(original), .int(applicant))
        _ = try engine.fire(request, now: at("2026-01-07T09:00"))
        _ = try Engine(path: temp.file("db.sqlite")).verifyAudit()
    }

    /// Two processes taking turns on the same instances: each sees the other's rows as the log has them.
    @Test func twoConnectionsWritingInTurnAreNotMistakenForTampering() throws {
        let temp = TempFolder()
        let first = try demoEngine(temp)
        let round = try first.start(workflow: "demo_putaran", org: "upt-demo", actor: "operator1",
                                    now: at("2026-01-05T08:00")).id
        let second = try Engine(path: temp.file("db.sqlite"))
        try second.fire(FireRequest(instance: round, event: "buka", actor: "operator1"), now: at("2026-01-05T09:00"))
        let applicant = try first.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", parent: round,
                                        now: at("2026-01-06T09:00")).id
        try second.fire(FireRequest(instance: applicant, event: "ajukan", actor: "pelamar1",
                                    forms: ["demo_pendaftaran": try exampleAnswers()]), now: at("2026-01-07T09:00"))
        try first.fire(FireRequest(instance: applicant, event: "verifikasi", actor: "penilai1"),
                       now: at("2026-01-08T09:00"))
        _ = try Engine(path: temp.file("db.sqlite")).verifyAudit()
    }

    /// The problems `audit verify` reports on the file, read by a new process; nil when it is intact.
    static func problems(in path: String) throws -> String? {
        do {
            _ = try Engine(path: path).verifyAudit()
            return nil
        } catch EngineError.auditBroken(let message) {
            return message
        }
    }

    @Test func rowsDeletedFromTheEndAreCaughtByTheTablesThatOutliveThem() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        let last = try attacker.int("SELECT max(seq) FROM audit_log")
        try attacker.sql("DELETE FROM audit_log WHERE seq > \(last - 3)")
        let problems = try #require(try round.verify())
        #expect(problems.contains("trigger") && problems.contains("instances #\(round.round)"))
    }

    @Test func aLogEmptiedWhollyIsCaught() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        try attacker.sql("DELETE FROM audit_log")
        let problems = try #require(try round.verify())
        #expect(problems.contains("no audit row wrote it") || problems.contains("does not exist"))
    }

    @Test func aForgedRowWithACorrectHashButAnImpossibleMoveIsCaught() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        // The withdrawn applicant "accepted" by a forged row: tarik led to ditarik, a final state.
        try attacker.appendRow { r in
            r.instance = round.withdrawn
            r.event = "terima"
            r.from = "ditarik"
            r.to = "diterima"
            r.role = "kepala"
        }
        let problems = try #require(try round.verify())
        #expect(problems.contains("not a transition of its workflow"))
    }

    @Test func aForgedMoveThatTheTablesDoNotFollowIsCaught() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        try attacker.appendRow { r in
            r.instance = round.accepted
            r.event = "terima"
            r.from = "diterima"
            r.to = "diterima"
            r.afterHash = Hash256.of("made up")
        }
        #expect(try round.verify()?.contains("instances #\(round.accepted)") == true)
    }

    @Test func aStoredDefinitionEditedToChangeTheRulesIsCaught() throws {
        let round = try DemoRound()
        try Attacker(round.path).sql("""
            UPDATE definitions SET source = CAST(replace(CAST(source AS TEXT), 'P30D', 'P3D') AS BLOB) WHERE def_id = 'demo_pelamar'
            """)
        #expect(try round.verify()?.contains("a stored workflow or form was edited") == true)
    }

    @Test func aDroppedGuardTriggerIsCaughtEvenWithNothingElseChanged() throws {
        let round = try DemoRound()
        try Attacker(round.path).sql("DROP TRIGGER audit_log_no_update")
        #expect(try round.verify()?.contains("audit_log_no_update") == true)
    }

    @Test func theDirectoryEditedBySQLIsCaught() throws {
        for edit in [
            "UPDATE actors SET name = 'Orang Lain' WHERE id = 'penilai1'",
            "INSERT INTO grants (actor, role, org, granted_at) VALUES ('pelamar1', 'kepala', 'upt-demo', 0)",
            "UPDATE organisations SET parent = NULL WHERE id = 'skb-demo'",
            "UPDATE grants SET revoked_at = 1 WHERE actor = 'penilai3'",
            "DELETE FROM settings WHERE key = 'simulation'",
            "UPDATE reference_rows SET data = '{}' WHERE rowid = (SELECT min(rowid) FROM reference_rows)",
        ] {
            let round = try DemoRound()
            try Attacker(round.path).sql(edit)
            #expect(try round.verify() != nil, "undetected: \(edit)")
        }
    }

    @Test func aDirectoryEntryDeletedBySQLIsNamedFromItsAuditRow() throws {
        let round = try DemoRound()
        try Attacker(round.path).sql("DELETE FROM grants WHERE actor = 'penilai3'")
        let found = try round.verify() ?? ""
        #expect(found.contains("grant:penilai3/"), "\(found)")
        #expect(found.contains("in the log but deleted"), "\(found)")
    }

    @Test func aDecisionOrConfirmationAddedOrRemovedIsCaught() throws {
        for edit in [
            "DELETE FROM confirmations WHERE actor = 'penilai1'",
            "UPDATE decisions SET value = '\"ditolak\"' WHERE name = 'hasil'",
            "INSERT INTO decisions (instance, name, value, actor, at, audit_seq) SELECT instance, 'hasil', '\"x\"', 'kepala1', at, audit_seq FROM decisions LIMIT 1",
        ] {
            let round = try DemoRound()
            try Attacker(round.path).sql(edit)
            #expect(try round.verify() != nil, "undetected: \(edit)")
        }
    }

    @Test func anAttachmentSwappedInTheDatabaseIsCaught() throws {
        let round = try DemoRound()
        try Attacker(round.path).sql("UPDATE blobs SET bytes = CAST('dokumen palsu' AS BLOB)")
        #expect(try round.verify()?.contains("attachment's bytes were swapped") == true)
    }

    @Test func aForgedRowDatedBeforeTheLastIsCaught() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        try attacker.appendRow { r in
            r.at -= 86_400
            r.command = "document"
            r.outcome = "accepted"
        }
        #expect(try round.verify()?.contains("its time goes back") == true)
    }

    @Test func aRecomputedChainPassesWithoutACheckpointAndFailsWithOne() throws {
        let round = try DemoRound()
        let key = SigningKey(.init())
        let checkpoint = try round.engine.checkpoint(key: key, now: at("2026-01-23T08:00"))
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        try attacker.sql("UPDATE instances SET vars = replace(vars, '\"skor\":75', '\"skor\":100') WHERE id = \(round.accepted)")
        try attacker.rerecordInstance(round.accepted)
        try attacker.recomputeChain()
        // What the threat model says: an attacker who recomputes everything is not caught by the file alone …
        #expect(try round.verify().map { !$0.contains("instances #") && !$0.contains("edited") } ?? true)
        // … but is by a checkpoint kept elsewhere.
        #expect(try round.verify(checkpoints: [checkpoint])?.contains("the log was rewritten") == true)
    }

    @Test func rowsRemovedUpToACheckpointAreCaught() throws {
        let round = try DemoRound()
        let checkpoint = try round.engine.checkpoint(key: SigningKey(.init()), now: at("2026-01-23T08:00"))
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        try attacker.sql("DELETE FROM audit_log WHERE seq >= \(checkpoint.seq)")
        #expect(try round.verify(checkpoints: [checkpoint])?.contains("past the end of the log") == true)
    }

    @Test func aCheckpointFromAnotherInstallationEditedOrByAnotherKeyIsRefused() throws {
        let round = try DemoRound()
        let other = try DemoRound()
        let key = SigningKey(.init())
        let mine = try round.engine.checkpoint(key: key, now: at("2026-01-23T08:00"))
        let foreign = try other.engine.checkpoint(key: SigningKey(.init()), now: at("2026-01-23T08:00"))
        func refusal(_ c: Checkpoint) -> String? {
            do { _ = try round.engine.verifyAudit(checkpoints: [c]); return nil } catch EngineError.input(let m) { return m } catch { return "\(error)" }
        }
        #expect(refusal(foreign)?.contains("another installation") == true)
        let edited = try Checkpoint(text: mine.text.replacingOccurrences(of: "seq: \(mine.seq)", with: "seq: \(mine.seq - 1)"))
        #expect(refusal(edited)?.contains("signature is invalid") == true)
        let byOtherKey = try Checkpoint.make(installation: mine.installation, seq: mine.seq, head: mine.head, at: mine.at,
                                             key: .init())
        #expect(refusal(byOtherKey)?.contains("not this installation's") == true)
        #expect(try round.engine.verifyAudit(checkpoints: [mine]).checkpoints == 1)
    }
}

@Suite("The audit row encoding")
struct AuditEncodingTests {
    @Test func nullIsNotAnyTextAndFieldsCannotSlideIntoEachOther() {
        var a = AuditRecord(at: 1, actor: "x", command: "fire", event: nil, outcome: "accepted", reason: "\u{2400}")
        var b = AuditRecord(at: 1, actor: "x", command: "fire", event: "\u{2400}", outcome: "accepted", reason: nil)
        #expect(a.computeHash() != b.computeHash())
        a = AuditRecord(at: 1, actor: "ab", command: "c", outcome: "accepted")
        b = AuditRecord(at: 1, actor: "a", command: "bc", outcome: "accepted")
        #expect(a.computeHash() != b.computeHash())
        a = AuditRecord(at: 1, actor: "x", command: "fire", outcome: "accepted", reason: "")
        b = AuditRecord(at: 1, actor: "x", command: "fire", outcome: "accepted", reason: nil)
        #expect(a.computeHash() != b.computeHash())
    }

    /// A reason is cut at 1,000 characters, not bytes: 1,000 two-byte letters stand whole.
    @Test func aReasonIsClippedByCharactersNotBytes() {
        let long = String(repeating: "a", count: AuditRecord.maxReasonLength + 1)
        #expect(AuditRecord.clip(long) == String(repeating: "a", count: AuditRecord.maxReasonLength) + "…")
        let wide = String(repeating: "é", count: AuditRecord.maxReasonLength)
        #expect(AuditRecord.clip(wide) == wide)
        #expect(AuditRecord.clip(wide + "é") == wide + "…")
        #expect(AuditRecord.clip("Dibahas dalam rapat tim") == "Dibahas dalam rapat tim")
        #expect(AuditRecord.clip(nil) == nil)
    }

    @Test func aRefusedValueIsNotCopiedIntoTheLog() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let app = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-06T09:00"))
        var answers = try exampleAnswers()
        let secret = "3273017107910001"
        answers["nik"] = .string(secret)
        answers["email"] = .string(String(repeating: "x", count: 2_000_000))
        #expect(throws: EngineError.self) {
            try engine.fire(FireRequest(instance: app.id, event: "ajukan", actor: "pelamar1", forms: ["demo_pendaftaran": answers]),
                            now: at("2026-01-07T09:00"))
        }
        let row = try #require(try engine.history(app.id).last)
        #expect(row.outcome == "refused:invalid-submission")
        #expect(!(row.reason ?? "").contains(secret))
        #expect((row.reason ?? "").count <= AuditRecord.maxReasonLength + 1)
        #expect(row.dataHash != nil)
    }
}
