import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiEngine

/// The store keeps an instance row's JSON parsed while its text is unchanged; a row another process
/// changed must be read as it now is.
@Suite("Instance rows read again after another writer changed them")
struct ParsedRowCacheTests {
    static let counter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <workflow id="uji_hitung" version="1" start-roles="operator">
          <title lang="id">Penghitung (uji)</title>
        \(featureRoles)
          <variables>
            <variable id="nilai" initial="0"/>
            <variable id="terakhir"/>
          </variables>
          <states>
            <state id="buka" initial="true"><label lang="id">Buka</label></state>
            <state id="tutup" final="true"><label lang="id">Tutup</label></state>
          </states>
          <transitions>
            <transition event="tambah" from="buka" to="buka" roles="operator">
              <set var="nilai" value="vars.nilai + 1"/>
              <set var="terakhir" value="today()"/>
            </transition>
            <transition event="tandai" from="buka" to="buka" roles="operator"/>
            <transition event="tutup" from="buka" to="tutup" roles="kepala"/>
          </transitions>
        </workflow>
        """

    @Test func aSecondConnectionsChangeIsSeenNotTheCachedParse() throws {
        let world = try FeatureWorld(["workflows/uji_hitung.xml": Self.counter])
        let id = try world.engine.start(workflow: "uji_hitung", org: "dinas", actor: "operator1", now: at("2024-03-01T08:05")).id
        let reader = try Engine(path: world.temp.file("db.sqlite"))
        #expect(try reader.record(id).variables["nilai"] == .number(0))
        for (n, minute) in ["10", "11", "12"].enumerated() {
            _ = try world.fire(id, "tambah", as: "operator1", at: "2024-03-01T08:\(minute)")
            #expect(try reader.record(id).variables["nilai"] == .number(Double(n + 1)))
        }
        _ = try world.fire(id, "tutup", as: "kepala1", at: "2024-03-01T08:20")
        #expect(try reader.record(id).state == "tutup")
        #expect(try reader.listing(InstanceFilter(workflow: "uji_hitung", state: "tutup")).map(\.id) == [id])
        #expect(try reader.list(InstanceFilter(workflow: "uji_hitung")).first?.variables["nilai"] == .number(3))
    }

    @Test func aReadingCommandSeesOneSnapshotWhileAnotherConnectionWrites() throws {
        let world = try FeatureWorld(["workflows/uji_hitung.xml": Self.counter])
        let id = try world.engine.start(
            workflow: "uji_hitung", org: "dinas", actor: "operator1", now: at("2024-03-01T08:05")).id
        let reader = try Engine(path: world.temp.file("db.sqlite"))
        try reader.reading {
            #expect(try reader.record(id).variables["nilai"] == .number(0))
            _ = try world.fire(id, "tambah", as: "operator1", at: "2024-03-01T08:10")
            #expect(try reader.record(id).variables["nilai"] == .number(0))
            let listed = try reader.listing(InstanceFilter(workflow: "uji_hitung"))
            #expect(listed.map(\.updatedAt) == [at("2024-03-01T08:05").seconds])
        }
        #expect(try reader.record(id).variables["nilai"] == .number(1))
    }

    @Test func aListingCarriesTheOwnersNameFromTheDirectory() throws {
        let world = try FeatureWorld(["workflows/uji_hitung.xml": Self.counter])
        let id = try world.engine.start(
            workflow: "uji_hitung", org: "dinas", actor: "operator1", now: at("2024-03-01T08:05")).id
        let name = world.engine.displayName(ofActor: "operator1")
        #expect(name != "operator1")
        let rows = try world.engine.listing(InstanceFilter(workflow: "uji_hitung"))
        #expect(rows.map(\.id) == [id])
        #expect(rows.map(\.ownerName) == [name])
    }

    /// A world with one counter started, and the command that counts one on it.
    static func counterStarted() throws -> (world: FeatureWorld, id: Int64, tambah: FireRequest) {
        let world = try FeatureWorld(["workflows/uji_hitung.xml": Self.counter])
        let id = try world.engine.start(
            workflow: "uji_hitung", org: "dinas", actor: "operator1", now: at("2024-03-01T08:05")).id
        return (world, id, FireRequest(instance: id, event: "tambah", actor: "operator1"))
    }

    /// A row this process read or wrote is taken from memory while it holds the write lock, but only
    /// while no other process has committed since: two processes taking turns on one instance each
    /// see the other's last change, in single commands and in batches.
    @Test func twoProcessesTakingTurnsOnOneInstanceEachSeeTheOthersChange() throws {
        let (world, id, tambah) = try Self.counterStarted()
        let other = try Engine(path: world.temp.file("db.sqlite"))
        for minute in 10..<16 {
            let now = at("2024-03-01T08:\(minute)")
            if minute % 2 == 0 {
                _ = try world.engine.fireBatch([tambah, tambah], now: now)
            } else {
                _ = try other.fire(tambah, now: now)
            }
        }
        // 3 batches of 2 and 3 single commands.
        #expect(try world.engine.record(id).variables["nilai"] == .number(9))
        #expect(try other.record(id).variables["nilai"] == .number(9))
        #expect(try world.engine.verifyAudit().rows > 0)
    }

    /// A command run inside a read snapshot began without the check of other writers: it reads the
    /// file, not the row this process wrote before another process changed it.
    @Test func aCommandInsideAReadSnapshotReadsTheFile() throws {
        let (world, id, tambah) = try Self.counterStarted()
        let other = try Engine(path: world.temp.file("db.sqlite"))
        _ = try world.engine.fireBatch([tambah], now: at("2024-03-01T08:10"))
        _ = try other.fire(tambah, now: at("2024-03-01T08:11"))
        try world.engine.reading {
            _ = try world.engine.fire(tambah, now: at("2024-03-01T08:12"))
        }
        #expect(try other.record(id).variables["nilai"] == .number(3))
        #expect(try world.engine.verifyAudit().rows > 0)
    }

    /// A change undone by a rollback is not kept: the next command reads the row as the file holds it.
    @Test func aWriteRolledBackIsNotTakenForTheRow() throws {
        struct Abandoned: Error {}
        let (world, id, tambah) = try Self.counterStarted()
        #expect(throws: Abandoned.self) {
            try world.engine.batch {
                _ = try world.engine.fire(tambah, now: at("2024-03-01T08:10"))
                #expect(try world.engine.record(id).variables["nilai"] == .number(1))
                throw Abandoned()
            }
        }
        _ = try world.engine.fireBatch([tambah], now: at("2024-03-01T08:11"))
        #expect(try world.engine.record(id).variables["nilai"] == .number(1))
        #expect(try Engine(path: world.temp.file("db.sqlite")).record(id).variables["nilai"] == .number(1))
        #expect(try world.engine.verifyAudit().rows > 0)
    }

    /// The writing process keeps a row it has just written as reading it would give it: a date a
    /// command set is text there as in any other process, and a guard or document sees the same.
    @Test func aRowJustWrittenReadsAsAnotherProcessReadsIt() throws {
        let world = try FeatureWorld(["workflows/uji_hitung.xml": Self.counter])
        let id = try world.engine.start(
            workflow: "uji_hitung", org: "dinas", actor: "operator1", now: at("2024-03-01T08:05")).id
        _ = try world.fire(id, "tambah", as: "operator1", at: "2024-03-01T08:10")
        let writer = try world.engine.record(id)
        let reader = try Engine(path: world.temp.file("db.sqlite")).record(id)
        #expect(writer.variables["terakhir"] == .string("2024-03-01"))
        #expect(writer.variables == reader.variables)
        #expect(Value.record(writer.variables).canonicalJSON == Value.record(reader.variables).canonicalJSON)
    }

    /// A command that sets no variable writes the variables' stored text again (it neither encodes nor
    /// reads them back): the row, what the writer keeps of it and the audit all stay what they were,
    /// and the next command that sets one starts from them.
    @Test func aCommandThatSetsNoVariableWritesTheirStoredTextAgain() throws {
        let (world, id, tambah) = try Self.counterStarted()
        let before = try world.engine.verifyAudit().rows
        let tandai = FireRequest(instance: id, event: "tandai", actor: "operator1")
        _ = try world.engine.fireBatch([tambah, tandai, tandai], now: at("2024-03-01T08:10"))
        let afterMarks = try Engine(path: world.temp.file("db.sqlite")).record(id)
        #expect(afterMarks.variables == ["nilai": .number(1), "terakhir": .string("2024-03-01")])
        #expect(try world.engine.record(id).variables == afterMarks.variables)
        _ = try world.engine.fireBatch([tandai, tambah], now: at("2024-03-02T08:10"))
        let reader = try Engine(path: world.temp.file("db.sqlite")).record(id)
        #expect(reader.variables == ["nilai": .number(2), "terakhir": .string("2024-03-02")])
        #expect(try world.engine.record(id).variables == reader.variables)
        // verifyAudit throws when a row disagrees with the log; five commands, five rows.
        #expect(try world.engine.verifyAudit().rows == before + 5)
    }
}
