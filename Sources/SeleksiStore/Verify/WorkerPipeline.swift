import Dispatch
import Foundation

/// The log walked on two cores: the reader (the connection's thread) checks each row's number, link,
/// time, signature and appended rows and writes the row's encoding into a batch; a worker hashes
/// each encoding against the row's stored hash and replays the instances' paths from the same bytes
/// (`Replay`); afterwards the instances' rows go the same way, to be compared with their images.
/// Batches go to the worker in order, so it sees the rows in order; at most two wait or run, so
/// memory stays a few megabytes whatever the log's length.
final class WorkerPipeline<Batch: RowBatch>: @unchecked Sendable {
    private let consume: (Batch) -> Void
    private let rows: Int
    /// Where the reader writes the next row.
    private(set) var batch: Batch
    private let queue = DispatchQueue(label: "seleksi.verify.worker")
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: 2)

    init(batchRows: Int, consume: @escaping (Batch) -> Void) {
        rows = max(1, batchRows)
        batch = Batch(rows: rows)
        self.consume = consume
    }

    /// Hands the batch over once it is full (after the reader has ended a row in it).
    func rowEnded() {
        if batch.count >= rows { flush() }
    }

    /// Waits for the worker to have checked every row.
    func finish() {
        flush()
        group.wait()
    }

    private func flush() {
        guard batch.count > 0 else { return }
        let work = batch
        batch = Batch(rows: rows)
        slots.wait()
        group.enter()
        queue.async { [self] in
            consume(work)
            slots.signal()
            group.leave()
        }
    }
}

protocol RowBatch: AnyObject, Sendable {
    init(rows: Int)
    var count: Int { get }
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

    required init(rows: Int) {
        bytes = RowBuffer(capacity: rows * 192)
        ends.reserveCapacity(rows)
        verdicts.reserveCapacity(rows)
        stored = .allocate(byteCount: rows * 32, alignment: 8)
    }

    deinit { stored.deallocate() }

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

    required init(rows: Int) {
        bytes = RowBuffer(capacity: rows * 384)
        ends.reserveCapacity(rows)
        ids.reserveCapacity(rows)
    }

    func end(id: Int64) {
        ids.append(id)
        ends.append(bytes.count)
    }
}

/// Bytes written by hand into one growable buffer: `RowEncoder`'s encoding (a type tag per field:
/// 0 NULL, 1 integer as 8 bytes big-endian, 2 text and 3 blob with a 4-byte big-endian length),
/// without an array append per byte.
final class RowBuffer {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private var capacity: Int

    static let auditDomain: StaticString = "audit/1"
    static let domainSize = 5 + 7

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(byteCount: self.capacity, alignment: 8)
    }

    deinit { base.deallocate() }

    /// Makes room for `n` more bytes (every write does, so no row can overrun the buffer).
    func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        var grown = capacity * 2
        while grown < count + n { grown *= 2 }
        let new = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 8)
        new.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = new
        capacity = grown
    }

    /// A row's domain (`audit/1`, `instance/1`), as `RowEncoder(domain:)` writes it.
    func domain(_ name: StaticString = auditDomain) {
        text(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    func null() {
        reserve(1)
        byte(0)
    }

    func int(_ value: Int64) {
        reserve(9)
        byte(1)
        base.storeBytes(of: UInt64(bitPattern: value).bigEndian, toByteOffset: count, as: UInt64.self)
        count += 8
    }

    func int(_ value: Int64?) {
        if let value { int(value) } else { null() }
    }

    func text(_ value: UnsafeRawBufferPointer?) { append(tag: 2, value) }
    func blob(_ value: UnsafeRawBufferPointer?) { append(tag: 3, value) }

    private func byte(_ b: UInt8) {
        base.storeBytes(of: b, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    private func append(tag: UInt8, _ value: UnsafeRawBufferPointer?) {
        guard let value else { return null() }
        reserve(5 + value.count)
        byte(tag)
        base.storeBytes(of: UInt32(value.count).bigEndian, toByteOffset: count, as: UInt32.self)
        count += 4
        if let from = value.baseAddress, value.count > 0 { (base + count).copyMemory(from: from, byteCount: value.count) }
        count += value.count
    }
}
