import Crypto

/// Rows' encodings end to end in one growable buffer, each written by a `RowWriter`: `RowEncoder`'s
/// encoding (a type tag per field: 0 NULL, 1 integer as 8 bytes big-endian, 2 text and 3 blob with a
/// 4-byte big-endian length), without an array append per byte.
final class RowBuffer {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var count = 0
    private var capacity: Int

    /// The domains that open an audit row's and an instance row's encodings (`AuditRecord.computeHash`,
    /// `InstanceRecord.afterImage`, and `audit verify`'s own encoding of the stored columns).
    static let auditDomain: StaticString = "audit/1"
    static let instanceDomain: StaticString = "instance/1"

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

    /// SHA-256 of everything written since `empty()`.
    var digest: Hash256 { Hash256(SHA256.hash(data: UnsafeRawBufferPointer(start: base, count: count))) }

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

    /// The room a Swift text takes (its UTF-8 length is stored, not counted).
    @inline(__always) static func size(text value: String?) -> Int { 5 + (value?.utf8.count ?? 0) }

    /// The room a domain takes.
    @inline(__always) static func size(domain name: StaticString) -> Int { 5 + name.utf8CodeUnitCount }

    @inline(__always) mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { append(tag: 2, UnsafeRawBufferPointer($0)) }
    }

    @inline(__always) mutating func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    @inline(__always) mutating func digest(_ value: Hash256?) {
        guard let value else { return null() }
        value.bytes.withUnsafeBytes { append(tag: 3, $0) }
    }
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

