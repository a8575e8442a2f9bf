// The overview of seleksi-bench when no harness mode is given: batch throughput on a fresh database,
// the audit verify of it, and CLI commands as separate processes; plus --hash-only and --sql-floor.
import Foundation
import SeleksiCore
import SeleksiEngine
import SeleksiStore

/// Micro-figure: the audit row hash alone.
func hashOnlyMode() {
    var r = AuditRecord(at: 1_562_000_000, actor: "op", role: "operator", instance: 42, command: "fire", event: "e1", from: "s0",
                        to: "s1", outcome: "accepted")
    let t = seconds()
    for i in 0..<200_000 { r.seq = Int64(i); r.prevHash = r.computeHash() }
    print(String(format: "computeHash: %.2f µs each", (seconds() - t) / 200_000 * 1e6))
}

/// The floor under the engine: the same three statements per transition and the audit hash through
/// Seleksi's own store, with no workflow logic at all (read the row, update it, append the chained row).
func sqlFloorMode(temp: String) throws {
    let transitions = argument("--transitions", 100_000)
    let batch = argument("--batch", 1_000)
    let floorIDs = try makeBenchDatabase(path: temp + "/floor.sqlite", instances: (transitions + steps - 1) / steps).1
    let store = try SQLiteStore(path: temp + "/floor.sqlite")
    let t = seconds()
    var n = 0
    for chunk in stride(from: 0, to: transitions, by: batch) {
        try store.transaction {
            for i in chunk..<min(chunk + batch, transitions) {
                let id = floorIDs[i % floorIDs.count]
                guard var record = try store.instance(id) else { continue }
                record.state = "s\(i / floorIDs.count + 1)"
                record.stateSeq += 1
                var write = CommandWrite(audit: AuditRecord(at: base.seconds, actor: "op", role: "operator", instance: id,
                                                            command: "fire", event: "e", from: "a", to: "b", outcome: "accepted"))
                write.instance = .update(record, stateChanged: true)
                try store.commit(write)
                n += 1
            }
        }
    }
    print(String(format: "sql floor: %d in %.2f s = %.0f/s", n, seconds() - t, Double(n) / (seconds() - t)))
}

func overviewMode(temp: String) throws {
    let transitions = argument("--transitions", 100_000)
    let batch = argument("--batch", 1_000)
    let cliInstances = argument("--instances", 10_000)
    print("seleksi-bench: \(ProcessInfo.processInfo.processorCount) cores, \(transitions) transitions in batches of \(batch)")

    // 1. Batch throughput.
    var t0 = seconds()
    let (engine, ids) = try makeBenchDatabase(path: temp + "/batch.sqlite", instances: (transitions + steps - 1) / steps)
    print(String(format: "setup: %d instances started in %.2f s", ids.count, seconds() - t0))
    let requests = lifecycleRequests(ids, limit: transitions)
    t0 = seconds()
    var refused = 0
    var done = 0
    var lastReport = t0
    for chunk in stride(from: 0, to: requests.count, by: batch) {
        let results = try engine.fireBatch(Array(requests[chunk..<min(chunk + batch, requests.count)]), now: base)
        refused += results.filter { if case .failure = $0 { return true } else { return false } }.count
        done += results.count
        if seconds() - lastReport > 2 {
            lastReport = seconds()
            FileHandle.standardError.write(Data("  … \(done)/\(requests.count)\n".utf8))
        }
    }
    let elapsed = seconds() - t0
    print(String(format: "transitions: %d in %.2f s = %.0f transitions/s (audit rows included), %d refused", done, elapsed,
                 Double(done) / elapsed, refused))

    t0 = seconds()
    let verification = try engine.verifyAudit()
    print(String(format: "audit verify: %d rows in %.2f s", verification.rows, seconds() - t0))

    // 2. One CLI command on a database of `cliInstances` instances.
    if flag("--no-cli") { return }
    let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("seleksi").path
    guard FileManager.default.isExecutableFile(atPath: cli) else {
        print("cli: \(cli) not built; run `swift build -c release` first to time CLI commands")
        return
    }
    t0 = seconds()
    let (cliEngine, cliIDs) = try makeBenchDatabase(path: temp + "/cli.sqlite", instances: cliInstances)
    _ = try cliEngine.fireBatch(cliIDs.prefix(cliInstances / 2).map { FireRequest(instance: $0, event: "e1", actor: "op") }, now: base)
    print(String(format: "cli database: %d instances in %.2f s", cliInstances, seconds() - t0))
    let middle = String(cliIDs[cliIDs.count / 2])
    for args in [["show", middle], ["history", middle], ["list", "--counts"], ["fire", String(cliIDs.last!), "e1", "--as", "op"]] {
        let runs = args[0] == "fire" ? 1 : 15
        let (median, worst) = try timeCommand(cli, args + ["--db", temp + "/cli.sqlite"], runs: runs)
        print(String(format: "cli `seleksi %@`: median %.1f ms, max %.1f ms over %d runs", args.joined(separator: " "),
                     median * 1000, worst * 1000, runs))
    }
}

/// Wall time of one CLI process, spawned and reaped directly: Foundation's `Process.waitUntilExit`
/// polls a run loop on Linux and would add ~50 ms to every figure.
func timeCommand(_ cli: String, _ args: [String], runs: Int = 15) throws -> (median: Double, max: Double) {
    var times: [Double] = []
    let argv = [cli] + args
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for _ in 0..<runs {
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let start = seconds()
        guard posix_spawn(&pid, cli, &actions, nil, &cArgs, environ) == 0 else { throw NSError(domain: "spawn", code: 1) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        times.append(seconds() - start)
        if status != 0 { print("  \(args) exited with status \(status)") }
    }
    times.sort()
    return (times[times.count / 2], times.last!)
}
