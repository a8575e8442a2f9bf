import Foundation
import SeleksiCore
import SeleksiStore

extension Engine {
    /// How a database is created.
    public struct InitOptions: Sendable {
        /// A database that takes simulated times (`--now`): the demo's, a test's, a training copy.
        /// Fixed when the database is created.
        public var simulation: Bool
        public var identity: IdentityMode

        public init(simulation: Bool = false, identity: IdentityMode = .claimed) {
            self.simulation = simulation
            self.identity = identity
        }
    }

    public struct InitSummary: Sendable {
        public var forms = 0, workflows = 0, newDefinitions = 0, organisations = 0, actors = 0, referenceTables = 0
    }

    /// Creates (or updates) a database: schema, definitions from `root` (or `paths`), seed data. Every
    /// change is an audited command. Definitions with errors are refused whole, and nothing is written.
    public static func initialise(path: String, root: String, definitionPaths: [String] = [], seedPath: String?,
                                  options: InitOptions = InitOptions(), now: Timestamp) throws -> (Engine, InitSummary) {
        let set = DefinitionFiles.load(paths: definitionPaths, root: root)
        if !set.errors.isEmpty { throw EngineError.definitions(set.errors) }
        let store: SQLiteStore
        do { store = try SQLiteStore(creatingAt: path) } catch let e as StoreError { throw EngineError.store(e) }
        let engine = Engine(store: store)
        let summary = try engine.wrap {
            try store.transaction {
                try engine.initSettings(options, now: now)
                var summary = InitSummary()
                summary.newDefinitions = try engine.storeDefinitions(set, now: now)
                summary.forms = set.forms.count
                summary.workflows = set.workflows.count
                if let seedPath {
                    let seeded = try SeedLoader(engine: engine, now: now).load(folder: seedPath)
                    summary.organisations = seeded.organisations
                    summary.actors = seeded.actors
                    summary.referenceTables = seeded.tables
                }
                try store.commit(CommandWrite(audit: AuditRecord(
                    at: now.seconds, actor: Command.systemActor, osUser: engine.osUser, command: "init", outcome: "accepted",
                    reason: "\(summary.newDefinitions) definisi baru, \(summary.organisations) organisasi, \(summary.actors) pelaku")))
                return summary
            }
        }
        return (engine, summary)
    }

    /// A new database gets its installation id, its clock (real or simulated) and its identity rule;
    /// an existing one keeps them (a real database never becomes a simulation).
    private func initSettings(_ options: InitOptions, now: Timestamp) throws {
        let current = try store.settings()
        if current["installation"] == nil {
            if options.simulation { try setSetting("simulation", "1", now: now) }
            try requireTime(now)
            try setSetting("installation", UUID().uuidString.lowercased(), now: now)
            try setSetting("identity", options.identity.rawValue, now: now)
            return
        }
        try requireTime(now)
        if options.simulation, current["simulation"] != "1" {
            throw EngineError.input("\(store.location) adalah basis data sungguhan; ia tidak dapat menjadi simulasi; buat basis data baru dengan --simulation",
                                    en: "\(store.location) is a real database; it cannot become a simulation; create a new database with --simulation")
        }
    }

    func setSetting(_ key: String, _ value: String, now: Timestamp) throws {
        var write = CommandWrite(audit: AuditRecord(at: now.seconds, actor: Command.systemActor, osUser: osUser, command: "setting",
                                                    event: key, outcome: "accepted"))
        write.directory = .setting(key: key, value: value)
        try store.commit(write)
    }

    /// Stores each definition whose content changed; returns how many were new.
    private func storeDefinitions(_ set: DefinitionSet, now: Timestamp) throws -> Int {
        var new = 0
        for (key, source) in set.sources.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            let (kind, id) = (parts[0], parts[1])
            let version = kind == "form" ? set.forms.first { $0.id == id }!.version : set.workflows.first { $0.id == id }!.version
            let hash = Hash256.of(source.bytes).hex
            guard try store.currentDefinitionHash(kind: kind, id: id) != hash else { continue }
            if try store.definitionSource(hash: hash) == nil { new += 1 }
            var write = CommandWrite(audit: AuditRecord(at: now.seconds, actor: Command.systemActor, osUser: osUser, command: "define",
                                                        event: "\(kind)/\(id)", outcome: "accepted", reason: "versi \(version), \(source.file)"))
            write.directory = .definition(kind: kind, id: id, version: version, file: source.file, bytes: source.bytes, hash: hash)
            try store.commit(write)
        }
        return new
    }
}
