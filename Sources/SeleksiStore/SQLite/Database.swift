import CSQLite
import Foundation

/// A connection to one SQLite file: WAL, foreign keys on, a busy timeout, cached prepared statements.
///
/// Not thread-safe by design: one command owns one connection, as one CLI process does.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statements: [String: Statement] = [:]
    private var staticStatements: [UInt: Statement] = [:]
    /// Called when an outermost transaction begins, or a savepoint inside a read snapshot: caches of rows
    /// another process may have written since (the audit log's head) are dropped there, before this
    /// connection writes.
    var onBegin: [() -> Void] = []
    /// Called after a rollback (of a transaction or a savepoint): caches filled from rows that no
    /// longer exist must be dropped, since SQLite may reuse their row ids.
    public var onRollback: [() -> Void] = []
    /// Whether the write under way was begun by `transaction`, after its `onBegin` hooks; false again
    /// when the outermost transaction ends. A write run directly on the connection never sets it.
    private var hookedWrite = false

    /// Opens an existing database (`create: false`) or creates one readable by its owner only (the
    /// log holds personal data). Fails with a `StoreError` a user can act on.
    public init(path: String, create: Bool, readOnly: Bool = false) throws {
        self.path = path
        guard !path.isEmpty else { throw StoreError.cannotOpen(path, "the path is empty (--db or SELEKSI_DB)") }
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists && info.st_mode & S_IFMT == S_IFDIR {
            throw StoreError.cannotOpen(path, "it is a folder, not a file")
        }
        if !exists {
            guard create else { throw StoreError.missingDatabase(path) }
            try Database.createPrivateFile(path)
        }
        Database.configureSQLite
        var db: OpaquePointer?
        let mode = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        let flags = mode | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw StoreError.cannotOpen(path, message)
        }
        handle = db
        sqlite3_busy_timeout(db, 5000)
        sqlite3_extended_result_codes(db, 1)
        do {
            // Reading a pragma changes nothing; WAL (which rewrites the file's header) is switched on
            // only once the file is known to be Seleksi's (`useWAL`).
            try execute("PRAGMA foreign_keys = ON")
            try execute("PRAGMA synchronous = NORMAL")
            // 16 MiB of page cache instead of SQLite's 2: a long run (the demo, an import) otherwise
            // re-reads the indexes it walks on every command through pread. Pages are cached only as
            // they are read, so a short command pays nothing for the larger bound.
            try execute("PRAGMA cache_size = -16384")
        } catch {
            // A file that is not a database fails here ("file is not a database").
            sqlite3_close(db)
            throw error
        }
    }

    /// The process's SQLite settings, made once before the first connection: memory statistics off
    /// (a global mutex around each of SQLite's allocations, 52 a transition; 3.5% of the lifecycle's
    /// instructions). Nothing in Seleksi reads those statistics.
    private static let configureSQLite: Void = { _ = seleksi_sqlite3_disable_memory_statistics() }()

    /// Switches the file to write-ahead logging (readers never wait for the writer).
    public func useWAL() throws { try execute("PRAGMA journal_mode = WAL") }

    /// An empty file with mode 0600; SQLite gives its -wal and -shm files the same mode.
    private static func createPrivateFile(_ path: String) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError.cannotOpen(path, String(cString: strerror(errno)))
        }
        close(fd)
    }

    deinit {
        statements.removeAll()
        staticStatements.removeAll()
        sqlite3_close_v2(handle)
    }

    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(error)
            throw StoreError.sqlite(code: rc, message: message, path: path)
        }
    }

    /// A prepared statement, reused across calls with the same SQL.
    public func prepare(_ sql: String) throws -> Statement {
        if let s = statements[sql] {
            s.reset()
            return s
        }
        let s = try Statement(db: self, sql: sql)
        statements[sql] = s
        return s
    }

    /// A prepared statement for SQL fixed at compile time, found by the address of its text rather
    /// than by hashing it: for the statements every transition runs (measured with seleksi-bench).
    public func prepare(static sql: StaticString) throws -> Statement {
        let key = UInt(bitPattern: sql.utf8Start)
        if let s = staticStatements[key] {
            s.reset()
            return s
        }
        let s = try Statement(db: self, sql: sql.description)
        staticStatements[key] = s
        return s
    }

    /// Runs `body` in one transaction (`BEGIN IMMEDIATE`, so a second writer waits instead of failing
    /// mid-way); rolls back on any error, so a failed command leaves nothing behind. Called inside
    /// another transaction it becomes a savepoint, so commands compose into a batch.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let nested = sqlite3_get_autocommit(handle) == 0
        // A savepoint inside a read snapshot may be the first write of it: what the hooks check at the
        // start of a write (another connection's commits) is checked then too.
        let firstWrite = !nested || !holdsWriteLock
        try execute(nested ? "SAVEPOINT nested" : "BEGIN IMMEDIATE")
        if firstWrite {
            hookedWrite = true
            onBegin.forEach { $0() }
        }
        defer { if !nested { hookedWrite = false } }
        do {
            let value = try body()
            try execute(nested ? "RELEASE nested" : "COMMIT")
            return value
        } catch {
            if nested {
                try? execute("ROLLBACK TO nested")
                try? execute("RELEASE nested")
            } else {
                try? execute("ROLLBACK")
            }
            onRollback.forEach { $0() }
            throw error
        }
    }

    /// Runs `body` inside one read transaction, so that every query sees the same snapshot of the file
    /// while other processes go on writing (WAL).
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        guard sqlite3_get_autocommit(handle) != 0 else { return try body() }
        try beginRead()
        defer { endRead() }
        return try body()
    }

    /// A read transaction left open until `endRead`: `readTransaction`'s, or one held across threads
    /// (`SQLiteStore.holdSnapshot`).
    public func beginRead() throws {
        guard sqlite3_get_autocommit(handle) != 0 else {
            throw StoreError.conflict("a snapshot cannot be held inside a transaction")
        }
        try execute("BEGIN DEFERRED")
    }

    public func endRead() {
        try? execute("COMMIT")
        hookedWrite = false  // a write nested in the snapshot ends with it
    }

    /// Whether a transaction is open on this connection.
    public var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Whether this connection holds the write lock of a write `transaction` began, after its `onBegin`
    /// hooks looked for other connections' commits: until it ends no other connection can commit, so
    /// what this one read or wrote since is what the file holds.
    public var inCheckedWriteTransaction: Bool { hookedWrite && holdsWriteLock }

    private var holdsWriteLock: Bool { sqlite3_txn_state(handle, nil) == SQLITE_TXN_WRITE }

    /// Runs `body` in the caller's transaction if there is one (no savepoint: the engine decides
    /// before it writes, and a failure of the database aborts the whole transaction), else in its own.
    public func withinTransaction<T>(_ body: () throws -> T) throws -> T {
        inTransaction ? try body() : try transaction(body)
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    func error(_ rc: Int32) -> StoreError {
        StoreError.sqlite(code: rc, message: String(cString: sqlite3_errmsg(handle)), path: path)
    }
}
