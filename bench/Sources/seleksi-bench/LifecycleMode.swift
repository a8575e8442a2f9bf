// seleksi-bench --lifecycle PATH [--batch 1000]
// Seleksi's own run of the lifecycle on a prepared database: every instance through e1 … e8 with
// `fireBatch`, batches of `--batch` per transaction. Only the firing is timed; opening the database
// and listing the instances are not (the peers time the same span). Prints one JSON line.
import Foundation
import SeleksiCore
import SeleksiEngine
import SeleksiStore

func lifecycleMode(path: String) throws {
    let batch = argument("--batch", 1_000)
    let engine = try Engine(path: path)
    let ids = try engine.list(InstanceFilter(workflow: "bench_lifecycle"), limit: .max).map(\.id)
    let requests = lifecycleRequests(ids)
    let t = seconds()
    var refused = 0
    for chunk in stride(from: 0, to: requests.count, by: batch) {
        let results = try engine.fireBatch(Array(requests[chunk..<min(chunk + batch, requests.count)]), now: base)
        refused += results.filter { if case .failure = $0 { return true } else { return false } }.count
    }
    let elapsed = seconds() - t
    print("{\"impl\": \"seleksi\", \"transitions\": \(requests.count), \"refused\": \(refused), \"seconds\": \(elapsed)}")
    if refused > 0 { exit(1) }
}
