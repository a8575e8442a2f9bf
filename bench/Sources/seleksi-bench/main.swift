// seleksi-bench: figures, never assertions.
//
//   swift build -c release && .build/release/seleksi-bench [--transitions N] [--batch N] [--instances N] [--no-cli]
//       the overview: N transitions (default 100,000: 12,500 instances × 8 steps of
//       bench/workflows/bench_lifecycle.xml) in batches per transaction, audit verify, CLI commands
//   --hash-only            the audit row hash alone
//   --sql-floor            the same statements and hash through the store, no workflow logic
//
// Modes used by the harness (scripts/bench.sh, bench/harness/):
//   --prepare PATH --instances N   the database every lifecycle implementation starts from
//   --lifecycle PATH [--batch N]   Seleksi's timed run of the lifecycle on a copy of it (one JSON line)
import Foundation

do {
    if let path = textArgument("--prepare") {
        try prepareMode(path: path)
    } else if let path = textArgument("--lifecycle") {
        try lifecycleMode(path: path)
    } else if flag("--hash-only") {
        hashOnlyMode()
    } else {
        let temp = NSTemporaryDirectory() + "seleksi-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temp) }
        if flag("--sql-floor") { try sqlFloorMode(temp: temp) } else { try overviewMode(temp: temp) }
    }
} catch {
    FileHandle.standardError.write(Data("seleksi-bench: \(error)\n".utf8))
    exit(1)
}
