import Foundation
import SeleksiCore
import SeleksiStore
import SeleksiXML

/// The imperative shell around the pure core: one store, the definitions it holds, and the commands
/// a user runs. Each command is one transaction; a refusal leaves only its audit row. The engine
/// holds no SQL: every question goes to the `Store`.
public final class Engine {
    let store: any Store
    /// The operating-system account running this process: recorded on every audit row as the one who
    /// vouches for `--as`, and matched against an actor's binding when identity is strict.
    public var osUser: String = Engine.currentOSUser()
    /// Where attachment paths are read from (`--attachments`, or the current folder). Lazy: finding the
    /// folder's standard path costs a command that reads no attachment a tenth of a millisecond.
    public lazy var attachments = Attachments()

    var workflowCache: [DigestKey: WorkflowDefinition] = [:]
    var formCache: [DigestKey: FormDefinition] = [:]
    var referenceCache: ReferenceTables?
    /// Seed tables with a workflow's own calendar, by calendar table (forgotten with `referenceCache`).
    var calendarCache: [String: ReferenceTables] = [:]
    /// Whether a parent instance's workflow reacts to its children's moves, by parent id.
    var parentReacts: [Int64: Bool] = [:]
    /// Child workflows whose timers read their parent, by parent workflow id.
    var timerFollowers: [String: Set<String>] = [:]
    var directory = DirectoryCache()
    /// Parsed submissions by row id (rows never change but by an audited erasure, which clears it),
    /// bounded by the bytes of their JSON: a count alone let 50,000 portfolios hold most of a national
    /// demo's memory.
    var submissionCache = BoundedCache<Int64, [String: Value]>(limit: 50_000, costLimit: 8 << 20)

    /// Opens an initialised database; refuses a missing one, another application's, one made by a
    /// newer Seleksi, or one not initialised.
    public convenience init(path: String) throws {
        do {
            self.init(store: try SQLiteStore(path: path))
        } catch let e as StoreError {
            throw EngineError.store(e)
        }
    }

    /// A second engine on a database another engine writes, that only reads beside it (documents read
    /// on another thread): SQLite's own page cache of 2 MiB rather than the writer's 16, since the
    /// pages it reads are mostly in the system's cache already and each reader would hold its own.
    public convenience init(readingBeside path: String) throws {
        do {
            let store = try SQLiteStore(path: path)
            try store.database.execute("PRAGMA cache_size = -2048")
            self.init(store: store)
        } catch let e as StoreError {
            throw EngineError.store(e)
        }
    }

    /// An engine over any store (a second store passes the same tests).
    public init(store: any Store) {
        self.store = store
        store.onRollback { [weak self] in self?.forgetCaches() }
    }

    /// What a rolled-back command wrote must not live on in the caches.
    func forgetCaches() {
        submissionCache.removeAll()
        directory = DirectoryCache()
    }

    /// Where the data lives (for messages).
    public var location: String { store.location }

    /// Maps store errors to engine errors, so the CLI shows one kind of message.
    func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StoreError {
            if case .conflict(let message) = e { throw EngineError.input(message) }
            throw EngineError.store(e)
        }
    }

    /// Runs a reading command on one snapshot: what it prints agrees with itself while another process
    /// writes, and the database's read lock is taken once rather than for every query (a listing of a
    /// round ran a thousand). Only for commands that write nothing.
    public func reading<T>(_ body: () throws -> T) throws -> T {
        try wrap { try store.readSnapshot(body) }
    }

    /// For a second engine that reads beside a writing one (documents read on another thread): takes a
    /// snapshot now, to be read later, possibly on another thread, and ended by `releaseSnapshot`.
    /// What it remembers of a snapshot (the directory, the answers) is dropped with it: another one
    /// may see other data, and an idle reader holds no memory for nothing.
    public func holdSnapshot() throws {
        forgetCaches()
        try wrap { try store.holdSnapshot() }
    }

    public func releaseSnapshot() {
        store.releaseSnapshot()
        forgetCaches()
    }

    /// Runs many commands in one transaction (each command inside becomes a savepoint): for bulk work
    /// such as imports and the demo. Any error rolls the whole batch back.
    public func batch<T>(_ body: () throws -> T) throws -> T {
        try wrap { try store.transaction(body) }
    }

    static func currentOSUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid-\(geteuid())"
    }
}
