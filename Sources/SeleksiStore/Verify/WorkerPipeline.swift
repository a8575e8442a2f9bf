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

/// Rows' encodings end to end in one growable buffer, each written by a `RowWriter`: `RowEncoder`'s
/// encoding (a type tag per field: 0 NULL, 1 integer as 8 bytes big-endian, 2 text and 3 blob with a
/// 4-byte big-endian length), without an array append per byte.
final class RowBuffer {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private var capacity: Int

    static let auditDomain: StaticString = "audit/1"

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(byteCount: self.capacity, alignment: 8)
    }

    deinit { base.deallocate() }

    func empty() { count = 0 }

    /// Makes room for `n` more bytes.
    @inline(__always) func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    /// A writer over room made for `n` bytes, for a row written field by field without a check per
    /// field; `commit` it when done.
    func writer(reserving n: Int) -> RowWriter {
        reserve(n)
        return RowWriter(start: base + count, limit: n)
    }

    func commit(_ w: RowWriter) {
        precondition(w.written <= w.limit, "row encoding overran the room reserved for it")
        count += w.written
    }

    private func grow(to needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let new = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 8)
        new.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = new
        capacity = grown
    }
}

/// Writes `RowEncoder`'s encoding into room a `RowBuffer` made for it: the size is counted first
/// (`RowWriter.size`), so each field is a plain store.
struct RowWriter {
    private let start: UnsafeMutableRawPointer
    private var p: UnsafeMutableRawPointer
    let limit: Int
    var written: Int { p - start }

    init(start: UnsafeMutableRawPointer, limit: Int) {
        self.start = start
        p = start
        self.limit = limit
    }

    /// The room a text or blob field takes (NULL included): tag, length, bytes.
    @inline(__always) static func size(_ value: UnsafeRawBufferPointer?) -> Int { 5 + (value?.count ?? 0) }
    static let intSize = 9

    @inline(__always) mutating func domain(_ name: StaticString) {
        text(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    @inline(__always) mutating func null() {
        p.storeBytes(of: 0, as: UInt8.self)
        p += 1
    }

    @inline(__always) mutating func int(_ value: Int64) {
        p.storeBytes(of: 1, as: UInt8.self)
        (p + 1).storeBytes(of: UInt64(bitPattern: value).bigEndian, as: UInt64.self)
        p += 9
    }

    @inline(__always) mutating func int(_ value: Int64?) {
        if let value { int(value) } else { null() }
    }

    @inline(__always) mutating func text(_ value: UnsafeRawBufferPointer?) { append(tag: 2, value) }
    @inline(__always) mutating func blob(_ value: UnsafeRawBufferPointer?) { append(tag: 3, value) }

    @inline(__always) private mutating func append(tag: UInt8, _ value: UnsafeRawBufferPointer?) {
        guard let value else { return null() }
        p.storeBytes(of: tag, as: UInt8.self)
        (p + 1).storeBytes(of: UInt32(value.count).bigEndian, as: UInt32.self)
        p += 5
        if let from = value.baseAddress, value.count > 0 { p.copyMemory(from: from, byteCount: value.count) }
        p += value.count
    }
}
