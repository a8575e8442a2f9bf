// Shared by every mode of seleksi-bench: arguments, the clock, where the bench definitions live,
// and how a bench database is made.
import Foundation
import SeleksiCore
import SeleksiEngine

/// `--name N` as an integer, or `fallback`.
func argument(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count, let n = Int(args[i + 1]) { return n }
    return fallback
}

/// `--name VALUE` as text, or nil.
func textArgument(_ name: String) -> String? {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
    return nil
}

func flag(_ name: String) -> Bool { CommandLine.arguments.contains(name) }

func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Every bench database runs at one simulated instant, so that any two implementations that do the
/// same work write the same bytes (the timestamps are part of every row and every hash).
let base = Timestamp(iso: "2026-01-05T08:00")!

/// The 8 events of bench/workflows/bench_lifecycle.xml, e1 … e8.
let steps = 8

let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path
let benchDir = repo + "/bench"

/// A new simulation database with the bench workflow and `instances` instances of it in state s0,
/// started in batches of 1,000 (creation is outside every timed figure).
@discardableResult
func makeBenchDatabase(path: String, instances: Int) throws -> (Engine, [Int64]) {
    let (engine, _) = try Engine.initialise(path: path, root: benchDir, definitionPaths: [benchDir + "/workflows"],
                                            seedPath: benchDir + "/seed", options: .init(simulation: true), now: base)
    var ids: [Int64] = []
    ids.reserveCapacity(instances)
    for chunk in stride(from: 0, to: instances, by: 1_000) {
        try engine.batch {
            for _ in chunk..<min(chunk + 1_000, instances) {
                ids.append(try engine.start(workflow: "bench_lifecycle", org: "upt-bench", actor: "op", now: base).id)
            }
        }
    }
    return (engine, ids)
}

/// The lifecycle's requests in the order every implementation applies them: step by step, each step
/// over every instance in id order (so the audit chain is the same whoever writes it).
func lifecycleRequests(_ ids: [Int64], limit: Int = .max) -> [FireRequest] {
    var requests: [FireRequest] = []
    requests.reserveCapacity(min(limit, ids.count * steps))
    for step in 1...steps {
        for id in ids where requests.count < limit { requests.append(FireRequest(instance: id, event: "e\(step)", actor: "op")) }
    }
    return requests
}
