import Foundation
import SeleksiCore
import SeleksiStore
import SeleksiXML

/// The imperative shell around the pure core: one open database, the definitions it holds, and the
/// commands a user runs. Each command is one transaction; a refusal leaves only its audit row.
public final class Engine {
    public let db: Database
    public let audit: AuditLog
    var workflowCache: [String: WorkflowDefinition] = [:]
    var formCache: [String: FormDefinition] = [:]
    var rolesCache: [String: [String: Set<String>]] = [:]
    var ancestorCache: [String: [String]] = [:]
    /// Actors already seen in this process; actors are never deleted, so a hit needs no query.
    var knownActors: Set<String> = []
    /// Parsed submissions by row id (rows are immutable).
    var submissionCache: [Int64: [String: Value]] = [:]
    private var referenceCache: ReferenceTables?

    /// Seed tables (`lookup()`), read once per process.
    public func referenceTables() throws -> ReferenceTables {
        if let cached = referenceCache { return cached }
        var tables: [String: [[String: String]]] = [:]
        for (table, data) in try db.prepare("SELECT table_name, data FROM reference_rows ORDER BY table_name, row_no").rows(map: { ($0.text(0), $0.text(1)) }) {
            tables[table, default: []].append(JSONBridge.storedRecord(data).mapValues(\.displayText))
        }
        let loaded = ReferenceTables(tables)
        referenceCache = loaded
        return loaded
    }

    func invalidateReference() { referenceCache = nil }

    /// Opens an initialised database; refuses a missing one, one made by a newer Seleksi, or one not initialised.
    public init(path: String) throws {
        do {
            db = try Database(path: path, create: false)
            try Migrations.requireCurrent(db)
        } catch let e as StoreError {
            throw EngineError.store(e)
        }
        audit = AuditLog(db)
        forgetOnRollback()
    }

    init(database: Database) {
        db = database
        audit = AuditLog(db)
        forgetOnRollback()
    }

    /// What a rolled-back command wrote must not live on in the caches.
    private func forgetOnRollback() {
        db.onRollback.append { [weak self] in
            self?.submissionCache.removeAll()
            self?.rolesCache.removeAll()
            self?.ancestorCache.removeAll()
            self?.knownActors.removeAll()
        }
    }

    /// Creates (or updates) a database: schema, definitions from `root` (or `paths`), seed data.
    /// Definitions with errors are refused whole, and nothing is written.
    public static func initialise(path: String, root: String, definitionPaths: [String] = [], seedPath: String?, now: Timestamp) throws -> (Engine, InitSummary) {
        let set = DefinitionFiles.load(paths: definitionPaths, root: root)
        if !set.errors.isEmpty { throw EngineError.definitions(set.errors) }
        let db: Database
        do {
            db = try Database(path: path, create: true)
            try Migrations.migrate(db)
        } catch let e as StoreError {
            throw EngineError.store(e)
        }
        let engine = Engine(database: db)
        let summary = try engine.wrap {
            try db.transaction {
                var summary = InitSummary()
                for (key, source) in set.sources.sorted(by: { $0.key < $1.key }) {
                    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                    let version = parts[0] == "form" ? set.forms.first { $0.id == parts[1] }!.version : set.workflows.first { $0.id == parts[1] }!.version
                    if try engine.storeDefinition(kind: parts[0], id: parts[1], version: version, file: source.file, bytes: source.bytes, now: now) {
                        summary.newDefinitions += 1
                    }
                }
                summary.forms = set.forms.count
                summary.workflows = set.workflows.count
                if let seedPath {
                    let seeded = try SeedLoader(engine: engine).load(folder: seedPath)
                    summary.organisations = seeded.organisations
                    summary.actors = seeded.actors
                    summary.referenceTables = seeded.tables
                }
                try engine.audit.append(AuditRecord(at: now.seconds, actor: Command.systemActor, command: "init", outcome: "accepted",
                                                    reason: "\(summary.newDefinitions) new definition(s), \(summary.organisations) organisation(s), \(summary.actors) actor(s)"))
                return summary
            }
        }
        return (engine, summary)
    }

    public struct InitSummary: Sendable {
        public var forms = 0, workflows = 0, newDefinitions = 0, organisations = 0, actors = 0, referenceTables = 0
    }

    /// Stores a definition by content hash; returns whether it was new.
    func storeDefinition(kind: String, id: String, version: String, file: String, bytes: [UInt8], now: Timestamp) throws -> Bool {
        let hash = Hashing.sha256Hex(bytes)
        let exists = try db.prepare("SELECT 1 FROM definitions WHERE hash = ?").first(.text(hash)) { _ in true } ?? false
        if !exists {
            try db.prepare("INSERT INTO definitions (hash, kind, def_id, version, file, source, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .run(.text(hash), .text(kind), .text(id), .text(version), .text(file), .blob(bytes), .int(now.seconds))
        }
        try db.prepare("INSERT INTO current_definitions (kind, def_id, hash) VALUES (?, ?, ?) ON CONFLICT (kind, def_id) DO UPDATE SET hash = excluded.hash")
            .run(.text(kind), .text(id), .text(hash))
        return !exists
    }

    /// Maps store errors to engine errors, so the CLI shows one kind of message.
    func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StoreError { throw EngineError.store(e) }
    }

    // MARK: Definitions by hash

    func currentHash(kind: String, id: String) throws -> String? {
        try db.prepare("SELECT hash FROM current_definitions WHERE kind = ? AND def_id = ?").first(.text(kind), .text(id)) { $0.text(0) }
    }

    func workflow(hash: String) throws -> WorkflowDefinition {
        if let w = workflowCache[hash] { return w }
        guard let (file, bytes) = try db.prepare("SELECT file, source FROM definitions WHERE hash = ? AND kind = 'workflow'")
            .first(.text(hash), map: { ($0.text(0), $0.blob(1)) }) else { throw EngineError.input("workflow definition \(hash) is missing from the database") }
        do {
            let w = try WorkflowLoader.load(bytes, file: file)
            workflowCache[hash] = w
            return w
        } catch let list as DiagnosticList { throw EngineError.definitions(list.diagnostics) }
    }

    func form(hash: String) throws -> FormDefinition {
        if let f = formCache[hash] { return f }
        guard let (file, bytes) = try db.prepare("SELECT file, source FROM definitions WHERE hash = ? AND kind = 'form'")
            .first(.text(hash), map: { ($0.text(0), $0.blob(1)) }) else { throw EngineError.input("form definition \(hash) is missing from the database") }
        do {
            let f = try FormLoader.load(bytes, file: file)
            formCache[hash] = f
            return f
        } catch let list as DiagnosticList { throw EngineError.definitions(list.diagnostics) }
    }

    /// The current version of a form, by id (for `seleksi form` commands outside an instance).
    public func currentForm(_ id: String) throws -> FormDefinition {
        try wrap {
            guard let hash = try currentHash(kind: "form", id: id) else {
                let known = try db.prepare("SELECT def_id FROM current_definitions WHERE kind = 'form' ORDER BY def_id").rows { $0.text(0) }
                throw EngineError.input("no form '\(id)'; forms: \(known.joined(separator: ", "))")
            }
            return try form(hash: hash)
        }
    }

    public func currentWorkflowIDs() throws -> [String] {
        try wrap { try db.prepare("SELECT def_id FROM current_definitions WHERE kind = 'workflow' ORDER BY def_id").rows { $0.text(0) } }
    }
}

extension Engine {
    /// Runs many commands in one transaction (each command inside becomes a savepoint): for bulk work
    /// such as imports and the demo. Any error rolls the whole batch back.
    public func batch<T>(_ body: () throws -> T) throws -> T {
        try wrap { try db.transaction(body) }
    }
}
