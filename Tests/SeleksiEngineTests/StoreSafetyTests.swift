import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiEngine

@Suite("The audit log and the database refuse damage")
struct StoreSafetyTests {
    @Test func theAuditLogRefusesUpdateAndDelete() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let rows = try engine.verifyAudit().rows
        let db = try rawDatabase(temp.file("db.sqlite"))
        #expect(throws: StoreError.self) { try db.execute("UPDATE audit_log SET actor = 'x' WHERE seq = 1") }
        #expect(throws: StoreError.self) { try db.execute("DELETE FROM audit_log") }
        #expect(try engine.verifyAudit().rows == rows)
    }

    @Test func verifyNamesTheFirstEditedRow() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        for actor in ["pelamar1", "pelamar2", "pelamar1"] {
            _ = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: actor, now: at("2026-01-06T09:00"))
        }
        // Someone with the file drops the trigger and edits row 3.
        let db = try rawDatabase(temp.file("db.sqlite"))
        try db.execute("DROP TRIGGER audit_log_no_update")
        try db.execute("UPDATE audit_log SET actor = 'penyusup' WHERE seq = 3")
        #expect {
            try engine.verifyAudit()
        } throws: { error in
            guard case EngineError.auditBroken(let message) = error else { return false }
            return message.contains("baris audit 3") && message.contains("edited") && message.contains("trigger")
        }
    }

    @Test func aMissingDatabaseSaysHowToCreateOne() {
        let temp = TempFolder()
        #expect {
            _ = try Engine(path: temp.file("none.sqlite"))
        } throws: { error in
            guard let e = error as? EngineError else { return false }
            return e.exitCode == 3 && e.message(.id).contains("seleksi init") && !FileManager.default.fileExists(atPath: temp.file("none.sqlite"))
        }
    }

    @Test func aDatabaseFromANewerSeleksiIsRefusedUntouched() throws {
        let temp = TempFolder()
        _ = try demoEngine(temp)
        let path = temp.file("db.sqlite")
        do {
            let db = try Database(path: path, create: false)
            try db.execute("PRAGMA user_version = 99")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            _ = try Engine(path: path)
        } throws: { error in
            (error as? EngineError)?.message(.en).contains("newer Seleksi") == true
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aLockedDatabaseGivesAClearMessageAndNoDamage() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let other = try Database(path: temp.file("db.sqlite"), create: false)
        try other.execute("BEGIN EXCLUSIVE")
        #expect {
            try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-06T09:00"))
        } throws: { error in
            (error as? EngineError)?.message(.id).contains("dikunci") == true
        }
        try other.execute("ROLLBACK")
        #expect(try engine.list().isEmpty)
        #expect(try engine.verifyAudit().rows > 0)
    }

    @Test func aFileThatIsNotADatabaseIsRefused() {
        let temp = TempFolder()
        let path = temp.write("notes.sqlite", String(repeating: "bukan basis data\n", count: 200))
        #expect(throws: EngineError.self) { _ = try Engine(path: path) }
    }

    @Test func definitionsWithErrorsAreRefusedWholeAndNothingIsWritten() throws {
        let temp = TempFolder()
        temp.copyDefinitions()
        temp.write("forms/rusak.xml", "<form id=\"rusak\"")
        #expect(throws: EngineError.self) {
            _ = try Engine.initialise(path: temp.file("db.sqlite"), root: temp.path, seedPath: temp.file("seed"),
                                      options: .init(simulation: true), now: at("2026-01-05T08:00"))
        }
        #expect(!FileManager.default.fileExists(atPath: temp.file("db.sqlite")))
    }
}

@Suite("Two processes on one database")
struct TwoWritersTests {
    @Test func theChainStaysWholeWhenTwoConnectionsTakeTurns() throws {
        let temp = TempFolder()
        let first = try demoEngine(temp)
        let second = try Engine(path: temp.file("db.sqlite"))
        let before = try first.verifyAudit().rows
        for i in 0..<3 {
            _ = try first.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-06T09:\(10 + 2 * i)"))
            _ = try second.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar2", now: at("2026-01-06T09:\(11 + 2 * i)"))
        }
        #expect(try first.verifyAudit().rows == before + 6)
    }
}
