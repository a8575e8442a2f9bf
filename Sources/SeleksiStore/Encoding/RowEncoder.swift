import Crypto

/// An injective encoding of a row's fields, for hashing: every field is a type tag followed by its
/// value (integers as 8 bytes, text and blobs with a 4-byte length), so no two different rows — nor
/// a NULL and any text — give the same bytes. The audit chain, the after-image of a changed row and
/// the hash of a command's effects are all computed over this encoding.
public struct RowEncoder {
    public private(set) var bytes: [UInt8] = []

    /// `domain` names what is encoded (`audit/1`, `instance/1` …), so rows of different kinds never collide.
    public init(domain: StaticString, capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
        text(domain.description)
    }

    private enum Tag: UInt8 { case null = 0, integer = 1, text = 2, blob = 3 }

    public mutating func null() { bytes.append(Tag.null.rawValue) }

    public mutating func int(_ value: Int64) {
        bytes.append(Tag.integer.rawValue)
        // Big-endian, appended as one run of 8 bytes rather than byte by byte (an audit row and its
        // after-image encode a dozen integers on every command).
        withUnsafeBytes(of: UInt64(bitPattern: value).bigEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func int(_ value: Int64?) {
        if let value { int(value) } else { null() }
    }

    public mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { append(tag: .text, UnsafeRawBufferPointer($0)) }
    }

    public mutating func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    public mutating func blob(_ value: [UInt8]) { value.withUnsafeBytes { append(tag: .blob, $0) } }

    public mutating func blob(_ value: [UInt8]?) {
        if let value { blob(value) } else { null() }
    }

    public mutating func digest(_ value: Hash256?) { blob(value?.bytes) }

    /// Starts again with another row of the same kind, keeping the buffer (no allocation per row).
    mutating func reset(domain: StaticString) {
        bytes.removeAll(keepingCapacity: true)
        text(domain.description)
    }

    /// Text or blob bytes straight from a database column; nil is NULL.
    mutating func rawText(_ value: UnsafeRawBufferPointer?) {
        if let value { append(tag: .text, value) } else { null() }
    }

    mutating func rawBlob(_ value: UnsafeRawBufferPointer?) {
        if let value { append(tag: .blob, value) } else { null() }
    }

    /// Whether the SHA-256 of the bytes so far equals `stored` (a column's 32 bytes), without allocating.
    func digestEquals(_ stored: UnsafeRawBufferPointer?) -> Bool {
        guard let stored, stored.count == 32 else { return false }
        let computed = bytes.withUnsafeBytes { SHA256.hash(data: $0) }
        return computed.withUnsafeBytes { $0.elementsEqual(stored) }
    }

    private mutating func append(tag: Tag, _ raw: UnsafeRawBufferPointer) {
        // The tag and the 4-byte length one byte at a time: appending a 4-byte run through the generic
        // `append(contentsOf:)` cost a hundred instructions, 40 times per transition.
        let count = UInt32(raw.count)
        bytes.append(tag.rawValue)
        bytes.append(UInt8(truncatingIfNeeded: count >> 24))
        bytes.append(UInt8(truncatingIfNeeded: count >> 16))
        bytes.append(UInt8(truncatingIfNeeded: count >> 8))
        bytes.append(UInt8(truncatingIfNeeded: count))
        bytes.append(contentsOf: raw)
    }

    public var digest: Hash256 { Hash256.of(bytes) }
}

/// SHA-256 over a sequence of encoded rows (a command's effects, a reference table), fed row by row.
public struct RowDigester {
    private var hasher = SHA256()
    public private(set) var rows = 0

    public init() {}

    public mutating func add(_ row: RowEncoder) {
        rows += 1
        row.bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    public func finalize() -> Hash256 { Hash256(hasher.finalize()) }
}
