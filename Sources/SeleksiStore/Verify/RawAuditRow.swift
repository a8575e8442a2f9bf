import CSQLite
import Foundation

/// One audit row's columns, each read from SQLite once per row (one `sqlite3_column_value` and then
/// the value's bytes), so that `verify` hashes a million rows without a Swift string per field nor
/// several API calls for the same column. The pointers are SQLite's own and valid only until the
/// statement steps on: `load` again for every row.
final class RawAuditRow {
    /// The columns in the order `AuditRecord` encodes them, signature and hashes last.
    static let columns = """
        seq, at, actor, os_user, role, instance, subject, command, event, from_state, to_state, outcome, reason,
        data_hash, after_hash, signature, prev_hash, hash
        """
    enum Column: Int {
        case seq, at, actor, osUser, role, instance, subject, command, event, from, to, outcome, reason
        case dataHash, afterHash, signature, prevHash, hash
    }
    static let count = 18
    /// seq, at and instance: read as numbers (as `sqlite3_column_int64` would), never as bytes.
    @inline(__always) private static func isInteger(_ i: Int) -> Bool { i == 0 || i == 1 || i == 5 }

    /// Per column: its bytes and their number, -1 for NULL (a zero-length value may have no pointer).
    private let starts = UnsafeMutablePointer<UnsafeRawPointer?>.allocate(capacity: count)
    private let lengths = UnsafeMutablePointer<Int>.allocate(capacity: count)
    private(set) var seq: Int64 = 0
    private(set) var at: Int64 = 0
    private(set) var instance: Int64?

    deinit {
        starts.deallocate()
        lengths.deallocate()
    }

    /// Reads every column of the statement's current row.
    func load(_ handle: OpaquePointer) {
        for i in 0..<Self.count where !Self.isInteger(i) {
            let bytes = Self.columnBytes(handle, Int32(i))
            starts[i] = bytes?.baseAddress
            lengths[i] = bytes?.count ?? -1
        }
        seq = sqlite3_value_int64(sqlite3_column_value(handle, Int32(Column.seq.rawValue)))
        at = sqlite3_value_int64(sqlite3_column_value(handle, Int32(Column.at.rawValue)))
        let value = sqlite3_column_value(handle, Int32(Column.instance.rawValue))
        instance = sqlite3_value_type(value) == SQLITE_NULL ? nil : sqlite3_value_int64(value)
    }

    /// A column's bytes as `sqlite3_column_text` (or `_blob`) gives them, nil for NULL, from one
    /// `sqlite3_column_value`; valid until the statement steps on.
    static func columnBytes(_ handle: OpaquePointer, _ i: Int32) -> UnsafeRawBufferPointer? {
        let value = sqlite3_column_value(handle, i)
        switch sqlite3_value_type(value) {
        case SQLITE_NULL:
            return nil
        case SQLITE_TEXT, SQLITE_BLOB:
            // The bytes as stored (the file is UTF-8), what `sqlite3_column_text` would give.
            let p = sqlite3_value_blob(value)
            return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_value_bytes(value)))
        default:
            // A number reads as its text, as `sqlite3_column_text` and `_blob` do.
            let p = sqlite3_value_text(value)
            return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_value_bytes(value)))
        }
    }

    func isNull(_ c: Column) -> Bool { lengths[c.rawValue] < 0 }

    /// A text or blob column's bytes (nil for NULL).
    func bytes(_ c: Column) -> UnsafeRawBufferPointer? {
        let n = lengths[c.rawValue]
        return n < 0 ? nil : UnsafeRawBufferPointer(start: starts[c.rawValue], count: n)
    }

    func equals(_ c: Column, _ literal: StaticString) -> Bool {
        guard let bytes = bytes(c) else { return false }
        return bytes.elementsEqual(literal)
    }

    func hasPrefix(_ c: Column, _ literal: StaticString) -> Bool {
        guard let bytes = bytes(c) else { return false }
        return bytes.hasPrefix(literal)
    }

    /// The bytes `AuditRecord.computeHash` hashes, written at the end of `out`.
    func encode(into out: RowBuffer) {
        var size = RowWriter.size(domain: RowBuffer.auditDomain) + 3 * RowWriter.intSize  // seq, at, instance
        for i in 0..<Self.count where !Self.isInteger(i) { size += 5 + max(lengths[i], 0) }
        var w = out.writer(reserving: size)
        w.domain(RowBuffer.auditDomain)
        w.int(seq)
        w.int(at)
        w.text(bytes(.actor))
        w.text(bytes(.osUser))
        w.text(bytes(.role))
        w.int(instance)
        w.text(bytes(.subject))
        w.text(bytes(.command))
        w.text(bytes(.event))
        w.text(bytes(.from))
        w.text(bytes(.to))
        w.text(bytes(.outcome))
        w.text(bytes(.reason))
        w.blob(bytes(.dataHash))
        w.blob(bytes(.afterHash))
        w.blob(bytes(.prevHash))
        w.blob(bytes(.signature))
        out.commit(w)
    }
}

extension UnsafeRawBufferPointer {
    func elementsEqual(_ literal: StaticString) -> Bool {
        count == literal.utf8CodeUnitCount && (count == 0 || memcmp(baseAddress!, literal.utf8Start, count) == 0)
    }

    func hasPrefix(_ literal: StaticString) -> Bool {
        count >= literal.utf8CodeUnitCount && (literal.utf8CodeUnitCount == 0 || memcmp(baseAddress!, literal.utf8Start, literal.utf8CodeUnitCount) == 0)
    }

    /// Byte equality of two buffers (lengths included).
    func sameBytes(_ other: UnsafeRawBufferPointer) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}

/// Short texts (states, events, roles) given small numbers as they are met, from their bytes alone:
/// an open-addressing table probed by the bytes' FNV-1a hash, each hit confirmed by comparing the
/// bytes (so a crafted collision changes nothing), no allocation once a text is known.
struct ByteInterner {
    private var slots = [Int32](repeating: -1, count: 256)
    private var slotHashes = [UInt64](repeating: 0, count: 256)
    /// Every name's bytes end to end; name i is `bytes[offsets[i] ..< offsets[i + 1]]`.
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]

    mutating func id(_ text: UnsafeRawBufferPointer) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let id = slots[i]
            if id < 0 { break }
            if slotHashes[i] == h, equals(Int(id), text) { return id }
            i = (i + 1) & mask
        }
        let id = Int32(offsets.count - 1)
        bytes.append(contentsOf: text)
        offsets.append(bytes.count)
        slots[i] = id
        slotHashes[i] = h
        if (offsets.count - 1) * 2 > slots.count { grow() }
        return id
    }

    mutating func id(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { id(UnsafeRawBufferPointer($0)) }
    }

    func name(_ id: Int32) -> String {
        String(decoding: bytes[offsets[Int(id)] ..< offsets[Int(id) + 1]], as: UTF8.self)
    }

    private func equals(_ id: Int, _ text: UnsafeRawBufferPointer) -> Bool {
        let start = offsets[id], n = offsets[id + 1] - start
        guard n == text.count else { return false }
        return n == 0 || bytes.withUnsafeBytes { memcmp($0.baseAddress! + start, text.baseAddress!, n) == 0 }
    }

    private mutating func grow() {
        let old = (slots, slotHashes)
        slots = [Int32](repeating: -1, count: old.0.count * 2)
        slotHashes = [UInt64](repeating: 0, count: old.0.count * 2)
        let mask = slots.count - 1
        for (id, h) in zip(old.0, old.1) where id >= 0 {
            var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = id
            slotHashes[i] = h
        }
    }
}

/// A move as numbers: from, event, to, and the role (-1 for "any role of the move").
struct MoveKey: Hashable {
    let from: Int32, event: Int32, to: Int32, role: Int32

    /// Two words hashed instead of four.
    func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(UInt32(bitPattern: from)) << 32 | UInt64(UInt32(bitPattern: event)))
        hasher.combine(UInt64(UInt32(bitPattern: to)) << 32 | UInt64(UInt32(bitPattern: role)))
    }
}
