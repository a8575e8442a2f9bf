import Foundation
import SeleksiCore

/// The embedded default store: one SQLite file in WAL mode, one connection per process, every query
/// prepared once and parameterised. All of Seleksi's SQL lives in this type's files.
public final class SQLiteStore: Store {
    let db: Database
    /// The last audit row, as this connection last read or wrote it; forgotten when another connection
    /// has committed since (see `forgetIfAnotherConnectionWrote`) or after a rollback.
    var head: (seq: Int64, hash: Hash256, at: Int64)?
    var cachedSettings: [String: String]?
    /// Each definition's current hash as last read (nil: none loaded), by kind and id: starting an
    /// instance asks it for the workflow and each of its forms. Forgotten with the settings.
    var currentDefinitions: [DefinitionKey: String?] = [:]
    /// The JSON columns of instance rows as last parsed, by id: a row read again unchanged (the round
    /// every applicant's command reads, the children a ranking reads) is compared byte for byte with
    /// the text it was parsed from, and parsed again only if it differs. A row this connection writes
    /// is kept as reading it back would give it (`rememberWritten`). Bounded by the text's bytes.
    var parsedRows = BoundedCache<Int64, ParsedInstanceColumns>(limit: 20_000, costLimit: 4 << 20)

    /// Instances whose row this connection wrote, or compared with the log, since another connection
    /// last committed (`PRAGMA data_version`): a command on one of them needs no comparison
    /// (`requireRowMatchesLog`). Emptied when it reaches `knownRowsLimit`, so it never outgrows a few MiB.
    var rowsMatchingLog = Set<Int64>()
    /// Where a command's after-image and audit row are encoded for hashing, reused by every command.
    let scratch = RowBuffer(capacity: 4096)
    /// The whole rows `parsedRows` holds are the file's if they were kept in this epoch: read or written
    /// by this connection since another connection last committed, and not undone by a rollback (either
    /// starts a new epoch). Trusted only while this connection holds a checked write lock
    /// (`Database.inCheckedWriteTransaction`): a command then reads such a row without a query.
    var rowsEpoch = 0
    var dataVersion: Int64?
    static let knownRowsLimit = 250_000

    public var location: String { db.path }

    /// Opens an initialised database; refuses a missing one, another application's, one made by a
    /// newer Seleksi, or one not initialised.
    public init(path: String, readOnly: Bool = false) throws {
        db = try Database(path: path, create: false, readOnly: readOnly)
        try Schema.requireCurrent(db)
        if !readOnly { try db.useWAL() }
        installHooks()
    }

    /// Creates a database (or opens one to update), bringing its schema up to date. Refuses a file
    /// that holds another application's tables.
    public init(creatingAt path: String) throws {
        db = try Database(path: path, create: true)
        try Schema.requireOursOrEmpty(db)
        try db.useWAL()
        try Schema.migrate(db)
        installHooks()
    }

    private func installHooks() {
        db.onBegin.append { [weak self] in self?.forgetIfAnotherConnectionWrote() }
        // After a rollback the head and the rows remembered may be ones that were undone (an id
        // inserted and rolled back may be reused).
        db.onRollback.append { [weak self] in self?.forgetWhatOthersOrARollbackMayHaveChanged() }
    }

    /// At the start of each write: what this connection remembers of rows another connection may write
    /// (the log's head, the settings, the current definitions, the rows known to match the log) is
    /// forgotten if another connection has committed since this one last looked (`PRAGMA data_version`),
    /// and kept otherwise.
    private func forgetIfAnotherConnectionWrote() {
        let version = try? db.prepare(static: "PRAGMA data_version").first { $0.int(0) }
        guard version == nil || version != dataVersion else { return }
        dataVersion = version
        forgetWhatOthersOrARollbackMayHaveChanged()
    }

    private func forgetWhatOthersOrARollbackMayHaveChanged() {
        head = nil
        cachedSettings = nil
        currentDefinitions.removeAll()
        rowsMatchingLog.removeAll(keepingCapacity: true)
        rowsEpoch &+= 1
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T { try db.transaction(body) }

    public func readSnapshot<T>(_ body: () throws -> T) throws -> T { try db.readTransaction(body) }

    public func holdSnapshot() throws {
        try db.beginRead()
        do {
            _ = try auditHead()  // in WAL the first read fixes the snapshot
        } catch {
            db.endRead()
            throw error
        }
    }

    public func releaseSnapshot() { db.endRead() }

    public func onRollback(_ action: @escaping () -> Void) { db.onRollback.append(action) }

    public func settings() throws -> [String: String] {
        if let cachedSettings { return cachedSettings }
        var out: [String: String] = [:]
        try db.prepare("SELECT key, value FROM settings").forEach { out[$0.text(0)] = $0.text(1) }
        cachedSettings = out
        return out
    }

    /// The connection, for tests that tamper with the file as an attacker would, and for the benchmark's floor.
    public var database: Database { db }
}
