import Foundation
import SeleksiCore
@testable import SeleksiStore
import Testing
@testable import SeleksiEngine

/// `audit verify` walks the log on two cores: the reader checks numbers, links, times and appended
/// rows, a worker hashes each row and replays the paths, batch by batch. Whatever the batch size, the
/// report must be the one a single pass gives: the same problems, the earliest first.
@Suite("Audit verify on two cores reports what one pass would")
struct VerifyPipelineTests {
    /// The shipped batch size holds the whole demo log; these make the worker see it in pieces, by
    /// rows or (the last but one) by bytes: a batch closed at 512 bytes holds a row or two.
    static let shippedBytes = VerifyOptions().batchBytes
    static let batchSizes: [(rows: Int, bytes: Int)] =
        [1, 2, 3, 7].map { ($0, shippedBytes) } + [(4096, 512), (4096, shippedBytes)]

    func report(_ round: DemoRound, batchRows: Int, batchBytes: Int = shippedBytes) throws -> VerificationReport {
        let engine = try Engine(path: round.path)
        var options = VerifyOptions(transitionRules: { (try? engine.moves(ofWorkflow: $0)) ?? [] })
        options.batchRows = batchRows
        options.batchBytes = batchBytes
        return try SQLiteStore(path: round.path).verify(options)
    }

    /// The problems that name an audit row (the guards these tests drop are reported without one).
    func rowProblems(_ r: VerificationReport) -> [VerificationReport.Problem] { r.problems.filter { $0.seq != nil } }

    func reports(_ round: DemoRound) throws -> [VerificationReport] {
        try Self.batchSizes.map { try report(round, batchRows: $0.rows, batchBytes: $0.bytes) }
    }

    @Test func anUntouchedLogVerifiesInBatchesOfAnySize() throws {
        let round = try DemoRound()
        let all = try reports(round)
        for r in all {
            #expect(r.isIntact, "\(r.problems)")
            #expect(r.rows == all.last!.rows && r.head == all.last!.head && r.instances == all.last!.instances)
        }
        #expect(all.last!.rows > 20)
    }

    @Test func theFirstBadRowIsTheSameWhateverTheBatches() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        let last = try attacker.int("SELECT max(seq) FROM audit_log")
        let middle = last / 2
        try attacker.sql("UPDATE audit_log SET reason = 'diubah' WHERE seq = \(middle)")
        try attacker.appendRow { r in
            r.instance = round.withdrawn
            r.event = "terima"
            r.from = "ditarik"
            r.to = "diterima"
            r.role = "kepala"
        }
        let all = try reports(round)
        let expected = rowProblems(all.last!).map(\.description)
        #expect(rowProblems(all.last!).first?.seq == middle)
        #expect(expected.first?.contains("the row was edited") == true)
        #expect(expected.contains { $0.contains("not a transition of its workflow") })
        for r in all {
            #expect(rowProblems(r).map(\.description) == expected)
            #expect(r.problemCount == all.last!.problemCount)
        }
    }

    @Test func aRowTamperedInALaterBatchIsFoundByTheWorker() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        let last = try attacker.int("SELECT max(seq) FROM audit_log")
        try attacker.sql("UPDATE audit_log SET at = at + 1 WHERE seq = \(last - 1)")
        let r = try report(round, batchRows: 2)
        #expect(rowProblems(r).first?.seq == last - 1)
        #expect(rowProblems(r).first?.message.contains("the row was edited") == true)

        // A forged move with a correct hash, in the last batch: only the replay can tell.
        let second = try DemoRound()
        let forger = try Attacker(second.path)
        try forger.dropGuards()
        try forger.appendRow { r in
            r.instance = second.accepted
            r.event = "tarik"
            r.from = "diterima"
            r.to = "ditarik"
            r.role = "pelamar"
        }
        let forged = try report(second, batchRows: 3)
        #expect(forged.problems.contains { $0.message.contains("not a transition of its workflow") && $0.record == "instances #\(second.accepted)" })
    }

    @Test func withMoreProblemsThanAreKeptTheEarliestAreKept() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        let last = try attacker.int("SELECT max(seq) FROM audit_log")
        // Every row from the fifth on edited and its time sent back: two problems a row, on both cores.
        try attacker.sql("UPDATE audit_log SET reason = 'x', at = at - 1000000 * seq WHERE seq >= 5")
        for r in try reports(round) {
            #expect(r.problemCount >= 2 * Int(last - 4))
            #expect(r.problems.count == min(VerificationReport.maxKept, r.problemCount))
            #expect(rowProblems(r).first?.seq == 5)
            let seqs = r.problems.compactMap(\.seq)
            #expect(seqs == seqs.sorted())
        }
    }

    @Test func anEmptyTextAndANullAreHashedApartFromTheColumnBytes() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        try attacker.appendRow { r in
            r.command = "document"
            r.event = ""
            r.subject = nil
        }
        #expect(rowProblems(try report(round, batchRows: 4096)).isEmpty)
        let seq = try attacker.int("SELECT max(seq) FROM audit_log")
        try attacker.sql("UPDATE audit_log SET event = NULL WHERE seq = \(seq)")
        let edited = try report(round, batchRows: 4096)
        #expect(rowProblems(edited).first?.seq == seq && rowProblems(edited).first?.message.contains("the row was edited") == true)
    }

    @Test func aNumberStoredInABlobColumnIsHashedAsItsText() throws {
        let round = try DemoRound()
        let attacker = try Attacker(round.path)
        try attacker.dropGuards()
        try attacker.appendRow { r in r.command = "document" }
        let seq = try attacker.int("SELECT max(seq) FROM audit_log")
        // A BLOB column keeps a number as a number; SQLite hands its bytes back as the text "42", which
        // is what the row's hash (recomputed here over those bytes) covers — so it is not an edit.
        var record = try #require(try SQLiteStore(path: round.path).auditRecord(seq: seq))
        record.signature = Array("42".utf8)
        record.hash = record.computeHash()
        try attacker.db.prepare("UPDATE audit_log SET signature = 42, hash = ? WHERE seq = ?").run(.digest(record.hash), .int(seq))
        #expect(try attacker.int("SELECT typeof(signature) = 'integer' FROM audit_log WHERE seq = \(seq)") == 1)
        let problems = rowProblems(try report(round, batchRows: 1))
        #expect(problems.map(\.seq) == [seq])
        #expect(problems.first?.message.contains("the signature does not match") == true)
    }

    @Test func aBatchIsHandedOverOnceItsBytesReachTheBoundWhateverItsRows() {
        // Rows of 300 bytes, a bound of 1,000 bytes: every batch the worker sees holds four rows at
        // most (the row that crosses the bound closes it), never the 4,096 the row bound allows.
        let seen = NSLock()
        var sizes: [(rows: Int, bytes: Int)] = []
        let pipeline = WorkerPipeline<InstanceBatch>(batchRows: 4096, batchBytes: 1000) { batch in
            seen.withLock { sizes.append((batch.count, batch.byteCount)) }
        }
        let row = [UInt8](repeating: 7, count: 300)
        for id in 1...100 {
            var w = pipeline.batch.bytes.writer(reserving: 305)
            row.withUnsafeBytes { w.blob($0) }
            pipeline.batch.bytes.commit(w)
            pipeline.batch.end(id: Int64(id))
            pipeline.rowEnded()
        }
        pipeline.finish()
        #expect(sizes.map(\.rows).reduce(0, +) == 100)
        #expect(sizes.allSatisfy { $0.rows <= 4 && $0.bytes < 1000 + 305 })
        #expect(sizes.count == 25)
    }
}
