import Crypto
import Dispatch
import Foundation

/// Checks audit rows' own hashes on the second core while the first reads the log: rows are
/// collected in batches of their encodings and stored hashes, hashed by a worker, and the rows whose
/// stored hash differs are returned at the end (each row's hash depends only on its own bytes, which
/// include the link to the row before, checked in order by the reader).
final class ChainHasher: @unchecked Sendable {
    private struct Batch {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var stored: [UInt8] = []
        var seqs: [Int64] = []
    }

    private var batch = Batch()
    private var mismatched: [Int64] = []
    private let lock = NSLock()
    private let queue = DispatchQueue(label: "seleksi.verify.hash")
    private let group = DispatchGroup()
    /// At most two batches wait or run, so memory stays a few megabytes whatever the log's length.
    private let slots = DispatchSemaphore(value: 2)
    static let batchRows = 4096

    /// A row's encoding and the hash stored with it (nil or not 32 bytes: it cannot match).
    func add(seq: Int64, encoding: [UInt8], stored: UnsafeRawBufferPointer?) {
        batch.bytes.append(contentsOf: encoding)
        batch.ends.append(batch.bytes.count)
        if let stored, stored.count == 32 {
            batch.stored.append(contentsOf: stored)
        } else {
            batch.stored.append(contentsOf: repeatElement(0, count: 32))
            batch.bytes.append(0xFF)  // no encoding hashes to all zeros and this one now differs anyway
            batch.ends[batch.ends.count - 1] = batch.bytes.count
        }
        batch.seqs.append(seq)
        if batch.seqs.count >= ChainHasher.batchRows { flush() }
    }

    /// The rows whose stored hash is not the hash of their bytes, in order.
    func finish() -> [Int64] {
        flush()
        group.wait()
        return lock.withLock { mismatched.sorted() }
    }

    private func flush() {
        guard !batch.seqs.isEmpty else { return }
        let work = batch
        batch = Batch()
        slots.wait()
        group.enter()
        queue.async { [self] in
            let bad = ChainHasher.check(work)
            lock.withLock { mismatched += bad }
            slots.signal()
            group.leave()
        }
    }

    private static func check(_ b: Batch) -> [Int64] {
        var bad: [Int64] = []
        b.bytes.withUnsafeBytes { bytes in
            b.stored.withUnsafeBytes { stored in
                var start = 0
                for (i, end) in b.ends.enumerated() {
                    let digest = SHA256.hash(data: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                    let expected = UnsafeRawBufferPointer(rebasing: stored[i * 32 ..< i * 32 + 32])
                    if !digest.withUnsafeBytes({ $0.elementsEqual(expected) }) { bad.append(b.seqs[i]) }
                    start = end
                }
            }
        }
        return bad
    }
}
