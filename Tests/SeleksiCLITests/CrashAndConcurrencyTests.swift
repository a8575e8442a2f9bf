import Foundation
import Testing

/// Several processes writing one database at once, and a writer killed with SIGKILL at random
/// moments: afterwards the file is intact, `audit verify` passes, and every command that was
/// acknowledged to its caller (exit 0 with its reply printed) is in the log.
@Suite("Crashes and concurrent writers leave a verifiable database", .serialized)
struct CrashAndConcurrencyTests {
    /// Runs the CLI, killing it after `killAfter` seconds if given. Returns the instance it reports
    /// having started, when it was acknowledged.
    static func start(_ cli: CLIRunner, actor: String, killAfter: Double? = nil) throws -> Int64? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["start", "demo_pelamar", "--org", "skb-demo", "--as", actor, "--json", "--db", cli.db]
        process.currentDirectoryURL = URL(fileURLWithPath: CLIRunner.repo)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let killAfter {
            usleep(useconds_t(killAfter * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let range = text.range(of: "\"id\":") else { return nil }
        return Int64(text[range.upperBound...].prefix { $0.isNumber })
    }

    /// Started instances the log records, by id.
    static func logged(_ cli: CLIRunner) throws -> Set<Int64> {
        let log = try cli.run("audit log --json")
        var ids: Set<Int64> = []
        for line in log.stdout.split(separator: "\n") where line.contains("\"command\":\"start\"") && line.contains("\"outcome\":\"accepted\"") {
            if let r = line.range(of: "\"instance\":") { ids.insert(Int64(line[r.upperBound...].prefix { $0.isNumber }) ?? -1) }
        }
        return ids
    }

    static func integrity(_ cli: CLIRunner) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sqlite3; print(sqlite3.connect('\(cli.db)').execute('pragma integrity_check').fetchone()[0])"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        return String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func threeWritersAtOnceKeepOneChainAndLoseNothingAcknowledged() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        let acknowledged = LockedSet()
        DispatchQueue.concurrentPerform(iterations: 3) { writer in
            for _ in 0..<8 {
                if let id = try? Self.start(cli, actor: "pelamar\(writer % 2 + 1)") { acknowledged.insert(id) }
            }
        }
        #expect(acknowledged.count == 24)
        #expect(try Self.logged(cli).isSuperset(of: acknowledged.values))
        #expect(try cli.run("audit verify").status == 0)
        #expect(try Self.integrity(cli) == "ok")
    }

    @Test func aWriterKilledAtRandomMomentsLeavesAnIntactVerifiableFile() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        var generator = SystemRandomNumberGenerator()
        var acknowledged: Set<Int64> = []
        var killed = 0
        for round in 0..<30 {
            // Kill somewhere between process start-up and the end of the command (a few to ~40 ms).
            let delay = round % 3 == 0 ? nil : Double.random(in: 0.002...0.040, using: &generator)
            if let id = try Self.start(cli, actor: "pelamar1", killAfter: delay) { acknowledged.insert(id) } else { killed += 1 }
        }
        #expect(try Self.logged(cli).isSuperset(of: acknowledged))
        #expect(try cli.run("audit verify").status == 0, "after \(killed) kills")
        #expect(try Self.integrity(cli) == "ok")
    }
}

/// A set shared by writer threads.
final class LockedSet: @unchecked Sendable {
    private var set: Set<Int64> = []
    private let lock = NSLock()
    func insert(_ v: Int64) { lock.lock(); set.insert(v); lock.unlock() }
    var values: Set<Int64> { lock.lock(); defer { lock.unlock() }; return set }
    var count: Int { values.count }
}
