import Dispatch
import Foundation

/// The log walked on two cores: the reader (the connection's thread) checks each row's number, link,
/// time, signature and appended rows and writes the row's encoding into a batch; a worker hashes
/// each encoding against the row's stored hash and replays the instances' paths from the same bytes
/// (`Replay`); afterwards the instances' rows go the same way, to be compared with their images.
/// Batches go to the worker in order, so it sees the rows in order; at most two wait or run, each
/// closed at a number of rows or of bytes, so memory stays a few megabytes whatever the log's length
/// and however long its rows.
final class WorkerPipeline<Batch: RowBatch>: @unchecked Sendable {
    private let consume: (Batch) -> Void
    private let rows: Int
    private let bytes: Int
    /// Where the reader writes the next row.
    private(set) var batch: Batch
    private let queue = DispatchQueue(label: "seleksi.verify.worker")
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: 2)
    /// Batches the worker is done with, emptied and used again: no fresh pages to fault in per batch.
    private var spare: [Batch] = []
    private let spareLock = NSLock()

    init(batchRows: Int, batchBytes: Int, consume: @escaping (Batch) -> Void) {
        rows = max(1, batchRows)
        bytes = max(1, batchBytes)
        batch = Batch(rows: rows)
        self.consume = consume
    }

    /// Hands the batch over once it is full (after the reader has ended a row in it).
    func rowEnded() {
        if batch.count >= rows || batch.byteCount >= bytes { flush() }
    }

    /// Waits for the worker to have checked every row.
    func finish() {
        flush()
        group.wait()
    }

    private func flush() {
        guard batch.count > 0 else { return }
        let work = batch
        slots.wait()  // at most two batches wait or run: one of them may be spare by now
        batch = spareLock.withLock { spare.popLast() } ?? Batch(rows: rows)
        group.enter()
        queue.async { [self] in
            consume(work)
            work.empty()
            spareLock.withLock { spare.append(work) }
            slots.signal()
            group.leave()
        }
    }
}

protocol RowBatch: AnyObject, Sendable {
    init(rows: Int)
    var count: Int { get }
    /// The bytes its rows' encodings take.
    var byteCount: Int { get }
    /// Forgets its rows, keeping its memory.
    func empty()
}

/// Rows of the log as their encodings end to end, with the hash each row carries and what to do with it.
final class ChainBatch: RowBatch, @unchecked Sendable {
    enum Verdict: UInt8 {
        case hash          // hash the encoding and compare
        case skip          // its number or link is already reported
        case unmatchable   // the stored hash is not 32 bytes: no encoding can match it
    }

    let bytes: RowBuffer
    private(set) var ends: [Int] = []
    private(set) var verdicts: [Verdict] = []
    let stored: UnsafeMutableRawPointer
    var count: Int { ends.count }
    var byteCount: Int { bytes.count }

    required init(rows: Int) {
        bytes = RowBuffer(capacity: rows * 192)
        ends.reserveCapacity(rows)
        verdicts.reserveCapacity(rows)
        stored = .allocate(byteCount: rows * 32, alignment: 8)
    }

    deinit { stored.deallocate() }

    func empty() {
        bytes.empty()
        ends.removeAll(keepingCapacity: true)
        verdicts.removeAll(keepingCapacity: true)
    }

    /// Ends the row just encoded. `hashed`: whether its hash is to be checked (not when its number or
    /// link was already reported wrong); `hash`: the hash the row carries.
    func end(stored hash: UnsafeRawBufferPointer?, hashed: Bool) {
        let slot = stored + ends.count * 32
        if let hash, hash.count == 32 {
            slot.copyMemory(from: hash.baseAddress!, byteCount: 32)
            verdicts.append(hashed ? .hash : .skip)
        } else {
            verdicts.append(hashed ? .unmatchable : .skip)
        }
        ends.append(bytes.count)
    }
}

/// Instances' rows encoded as their after-images are (`InstanceRecord.afterImage`), with their ids.
final class InstanceBatch: RowBatch, @unchecked Sendable {
    let bytes: RowBuffer
    private(set) var ends: [Int] = []
    private(set) var ids: [Int64] = []
    var count: Int { ends.count }
    var byteCount: Int { bytes.count }

    required init(rows: Int) {
        bytes = RowBuffer(capacity: rows * 384)
        ends.reserveCapacity(rows)
        ids.reserveCapacity(rows)
    }

    func empty() {
        bytes.empty()
        ends.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
    }

    func end(id: Int64) {
        ids.append(id)
        ends.append(bytes.count)
    }
}
