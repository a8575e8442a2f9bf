import Foundation
import Testing

@testable import SeleksiEngine

/// `SafeFile` reads through a buffer sized for the file (at most 1 MiB): a file of any size up to the
/// limit must still come back whole, byte for byte, and one over it be refused.
@Suite("Files a user names are read whole")
struct SafeFileTests {
    @Test func filesOfEverySizeReadBackWhole() throws {
        let temp = TempFolder()
        var rng = SystemRandomNumberGenerator()
        for size in [0, 1, 300, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 5 * (1 << 20) / 2] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let path = temp.file("berkas-\(size)")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(try SafeFile.read(path, limit: 4 << 20, what: "lampiran") == bytes, "\(size) bytes")
        }
    }

    @Test func aFileOverTheLimitIsRefused() throws {
        let temp = TempFolder()
        let path = temp.file("besar")
        try Data(repeating: 7, count: 2_000).write(to: URL(fileURLWithPath: path))
        #expect(throws: EngineError.self) { try SafeFile.read(path, limit: 1_999, what: "lampiran") }
        #expect(try SafeFile.read(path, limit: 2_000, what: "lampiran").count == 2_000)
    }
}
