// Micro-benchmark of the JSON reader: parses a ~2 KB submission many times and prints the rate.
// Compiled by scripts/bench-json.sh together with the SeleksiCore sources (one module, -O), so
// there is no `import SeleksiCore` here.
import Foundation

@main
struct JSONReaderBench {
    static func main() throws {
        let args = CommandLine.arguments
        let path = args.count > 1 ? args[1] : "Fuzz/Bench/submission.json"
        let count = args.count > 2 ? Int(args[2]) ?? 100_000 : 100_000
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var checksum = 0
        for _ in 0..<1_000 { checksum &+= try parse(text) }  // warm-up
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<count { checksum &+= try parse(text) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let bytes = Double(text.utf8.count * count)
        print(String(format: "%d parses of %d bytes in %.3f s: %.2f µs each, %.0f MB/s (checksum %d)",
                     count, text.utf8.count, seconds, seconds / Double(count) * 1e6, bytes / seconds / 1e6, checksum))
    }

    static func parse(_ text: String) throws -> Int {
        guard case .record(let r) = try Value(json: text) else { return 0 }
        return r.count
    }
}
