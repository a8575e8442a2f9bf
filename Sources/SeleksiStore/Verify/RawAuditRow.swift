import CSQLite

/// One audit row read straight from SQLite's columns, so that `verify` hashes a million rows without
/// making a Swift string of each field. Valid only until the statement steps on.
struct RawAuditRow {
    let handle: OpaquePointer

    /// The columns in the order `AuditRecord` encodes them, signature and hashes last.
    static let columns = """
        seq, at, actor, os_user, role, instance, subject, command, event, from_state, to_state, outcome, reason,
        data_hash, after_hash, signature, prev_hash, hash
        """
    enum Column: Int32 {
        case seq, at, actor, osUser, role, instance, subject, command, event, from, to, outcome, reason
        case dataHash, afterHash, signature, prevHash, hash
    }

    func isNull(_ c: Column) -> Bool { sqlite3_column_type(handle, c.rawValue) == SQLITE_NULL }
    func int(_ c: Column) -> Int64 { sqlite3_column_int64(handle, c.rawValue) }
    func optionalInt(_ c: Column) -> Int64? { isNull(c) ? nil : int(c) }

    /// A text column's UTF-8 bytes (nil for NULL).
    func text(_ c: Column) -> UnsafeRawBufferPointer? {
        guard !isNull(c) else { return nil }
        let p = sqlite3_column_text(handle, c.rawValue)  // before the length, as SQLite asks
        return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, c.rawValue)))
    }

    /// A blob column's bytes (nil for NULL).
    func blob(_ c: Column) -> UnsafeRawBufferPointer? {
        guard !isNull(c) else { return nil }
        let p = sqlite3_column_blob(handle, c.rawValue)
        return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, c.rawValue)))
    }

    func string(_ c: Column) -> String? { text(c).map { String(decoding: $0, as: UTF8.self) } }

    func equals(_ c: Column, _ literal: StaticString) -> Bool {
        guard let bytes = text(c), bytes.count == literal.utf8CodeUnitCount else { return false }
        return bytes.elementsEqual(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    func hasPrefix(_ c: Column, _ literal: StaticString) -> Bool {
        guard let bytes = text(c), bytes.count >= literal.utf8CodeUnitCount else { return false }
        return bytes.prefix(literal.utf8CodeUnitCount)
            .elementsEqual(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// The bytes `AuditRecord.computeHash` hashes, written into `e` (reset first).
    func encode(into e: inout RowEncoder) {
        e.reset(domain: "audit/1")
        e.int(int(.seq))
        e.int(int(.at))
        for c in [Column.actor, .osUser, .role] { e.rawText(text(c)) }
        e.int(optionalInt(.instance))
        for c in [Column.subject, .command, .event, .from, .to, .outcome, .reason] { e.rawText(text(c)) }
        for c in [Column.dataHash, .afterHash, .prevHash] { e.rawBlob(blob(c)) }
        e.rawBlob(blob(.signature))
    }
}

/// Short texts (states, events, roles) given small numbers as they are met, from their bytes alone:
/// one hash-table probe and one comparison per lookup, no allocation once a text is known.
struct ByteInterner {
    private var byHash: [UInt64: Int32] = [:]
    private var collided: [UInt64: [Int32]] = [:]
    private(set) var names: [[UInt8]] = []

    mutating func id(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        if let id = byHash[h], names[Int(id)].elementsEqual(bytes) { return id }
        // Two texts with one hash are told apart by their bytes: a crafted collision changes nothing.
        if let id = collided[h]?.first(where: { names[Int($0)].elementsEqual(bytes) }) { return id }
        let id = Int32(names.count)
        names.append(Array(bytes))
        if byHash[h] == nil { byHash[h] = id } else { collided[h, default: []].append(id) }
        return id
    }

    mutating func id(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { id(UnsafeRawBufferPointer($0)) }
    }

    func name(_ id: Int32) -> String { String(decoding: names[Int(id)], as: UTF8.self) }
}

/// A move as numbers: from, event, to, and the role (-1 for "any role of the move").
struct MoveKey: Hashable {
    let from: Int32, event: Int32, to: Int32, role: Int32
}
