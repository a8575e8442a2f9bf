import CSQLite

/// A prepared statement. SQL is always parameterised: values go through `bind`, never into the text.
public final class Statement {
    let handle: OpaquePointer
    unowned let db: Database

    init(db: Database, sql: String) throws {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(db.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw db.error(rc) }
        self.db = db
        handle = stmt
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds `values` for the length of `body` without SQLite copying them: their bytes are gathered
    /// into one buffer that SQLite reads in place (SQLITE_STATIC), and the statement is reset and its
    /// bindings cleared before that buffer goes. SQLite's own copy of every text and blob (a `strlen`,
    /// an allocation and a free each) was most of the cost of binding an audit row's 18 columns.
    private func withBindings<R>(_ values: [SQLValue], _ body: () throws -> R) throws -> R {
        var size = 1  // never empty: an empty text must bind a pointer, or SQLite stores NULL
        for v in values {
            switch v {
            case .text(let s): size += s.utf8.count
            case .blob(let b): size += b.count
            default: break
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        for v in values {
            switch v {
            case .text(let s): bytes.append(contentsOf: s.utf8)
            case .blob(let b): bytes.append(contentsOf: b)
            default: break
            }
        }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            defer {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
            }
            let base = UnsafeRawPointer(buffer.baseAddress!)
            var offset = 0
            for (i, v) in values.enumerated() {
                let index = Int32(i + 1)
                let rc: Int32
                switch v {
                case .null: rc = sqlite3_bind_null(handle, index)
                case .int(let n): rc = sqlite3_bind_int64(handle, index, n)
                case .double(let d): rc = sqlite3_bind_double(handle, index, d)
                case .text(let s):
                    let count = s.utf8.count
                    let text = (base + offset).assumingMemoryBound(to: CChar.self)
                    rc = sqlite3_bind_text(handle, index, text, Int32(count), nil)
                    offset += count
                case .blob(let b):
                    rc = sqlite3_bind_blob(handle, index, base + offset, Int32(b.count), nil)
                    offset += b.count
                }
                guard rc == SQLITE_OK else { throw db.error(rc) }
            }
            return try body()
        }
    }

    /// Runs a statement that returns no rows.
    public func run(_ values: SQLValue...) throws {
        let rc = try withBindings(values) { sqlite3_step(handle) }
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else { throw db.error(rc) }
    }

    /// Runs a query and maps each row.
    public func rows<T>(_ values: SQLValue..., map: (Row) throws -> T) throws -> [T] {
        var out: [T] = []
        try each(values) { out.append(try map($0)) }
        return out
    }

    /// Runs a query whose parameters are only known at run time (a filter's present fields).
    public func rows<T>(binding values: [SQLValue], map: (Row) throws -> T) throws -> [T] {
        var out: [T] = []
        try each(values) { out.append(try map($0)) }
        return out
    }

    /// Runs a query and hands each row to `body` without collecting them: for streams of any length.
    public func forEach(_ values: SQLValue..., body: (Row) throws -> Void) throws {
        try each(values, body)
    }

    private func each(_ values: [SQLValue], _ body: (Row) throws -> Void) throws {
        try withBindings(values) {
            while true {
                let rc = sqlite3_step(handle)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { throw db.error(rc) }
                try body(Row(handle: handle))
            }
        }
    }

    public func first<T>(_ values: SQLValue..., map: (Row) throws -> T) throws -> T? {
        try withBindings(values) {
            let rc = sqlite3_step(handle)
            if rc == SQLITE_DONE { return nil }
            guard rc == SQLITE_ROW else { throw db.error(rc) }
            return try map(Row(handle: handle))
        }
    }

    /// A cursor over the rows of a query without parameters, stepped by the caller: for merging several
    /// ordered streams.
    func cursor() -> Cursor { Cursor(statement: self) }
}

/// Steps a statement one row at a time; the row is valid until the next step.
final class Cursor {
    let statement: Statement
    private(set) var row: Row?

    init(statement: Statement) { self.statement = statement }

    deinit { sqlite3_reset(statement.handle) }

    /// Moves to the next row; false at the end.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(statement.handle)
        if rc == SQLITE_DONE { row = nil; return false }
        guard rc == SQLITE_ROW else { throw statement.db.error(rc) }
        row = Row(handle: statement.handle)
        return true
    }
}

public enum SQLValue: Sendable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])

    public static func optional(_ s: String?) -> SQLValue { s.map(SQLValue.text) ?? .null }
    public static func optional(_ n: Int64?) -> SQLValue { n.map(SQLValue.int) ?? .null }
    public static func optional(_ d: Hash256?) -> SQLValue { d.map { .blob($0.bytes) } ?? .null }
    public static func digest(_ d: Hash256) -> SQLValue { .blob(d.bytes) }
}

/// One result row, valid only inside the mapping closure.
public struct Row {
    let handle: OpaquePointer

    public func int(_ i: Int32) -> Int64 { sqlite3_column_int64(handle, i) }
    public func double(_ i: Int32) -> Double { sqlite3_column_double(handle, i) }
    public func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }
    public func text(_ i: Int32) -> String {
        guard let p = sqlite3_column_text(handle, i) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, i))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
    public func optionalText(_ i: Int32) -> String? { isNull(i) ? nil : text(i) }
    public func optionalInt(_ i: Int32) -> Int64? { isNull(i) ? nil : int(i) }
    public func blob(_ i: Int32) -> [UInt8] {
        let n = Int(sqlite3_column_bytes(handle, i))
        guard n > 0, let p = sqlite3_column_blob(handle, i) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: n))
    }
    public func optionalBlob(_ i: Int32) -> [UInt8]? { isNull(i) ? nil : blob(i) }
    /// A text column's UTF-8 bytes without making a String (nil for NULL); valid until the next step.
    func rawText(_ i: Int32) -> UnsafeRawBufferPointer? {
        guard !isNull(i) else { return nil }
        let p = sqlite3_column_text(handle, i)
        return UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i)))
    }
    /// A stored digest; a value of the wrong length reads as nil (and fails verification).
    public func digest(_ i: Int32) -> Hash256? { isNull(i) ? nil : Hash256(bytes: blob(i)) }
}
