import CSV
import Foundation
import SeleksiCore
import SeleksiStore

/// Loads the `seed/` folder through the directory's own commands, so every entry is audited:
/// `organisations.csv` (id, name, kind, parent), `actors.csv` (id, name, nip, roles as
/// `role@organisation` separated by spaces), and every CSV in a subfolder as a reference table.
/// Re-running changes only what differs.
struct SeedLoader {
    let engine: Engine
    let now: Timestamp

    struct Counts { var organisations = 0, actors = 0, tables = 0 }

    /// Seed files are small; a larger one is a mistake, refused before it is read.
    static let maxFileBytes = 16 * 1024 * 1024

    func load(folder: String) throws -> Counts {
        var counts = Counts()
        let orgFile = (folder as NSString).appendingPathComponent("organisations.csv")
        for (line, row) in try rows(orgFile, columns: ["id", "name", "kind", "parent"]) {
            try at(orgFile, line) {
                try ensureOrganisation(Organisation(id: row["id"]!, name: row["name"] ?? "", kind: row["kind"] ?? "",
                                                    parent: row["parent"].flatMap { $0.isEmpty ? nil : $0 }))
            }
            counts.organisations += 1
        }
        let actorFile = (folder as NSString).appendingPathComponent("actors.csv")
        for (line, row) in try rows(actorFile, columns: ["id", "name", "nip", "roles"]) {
            try at(actorFile, line) {
                let id = row["id"]!
                try ensureActor(Actor(id: id, name: row["name"] ?? "", nip: row["nip"].flatMap { $0.isEmpty ? nil : $0 }))
                for grant in (row["roles"] ?? "").split(separator: " ") {
                    let parts = grant.split(separator: "@").map(String.init)
                    guard parts.count == 2 else { throw EngineError.input("roles: '\(grant)' is not role@organisation") }
                    try ensureGrant(actor: id, role: parts[0], org: parts[1])
                }
            }
            counts.actors += 1
        }
        counts.tables = try loadReferenceTables(folder: folder)
        engine.referenceCache = nil
        engine.calendarCache = [:]
        return counts
    }

    /// Names the file and line of whatever went wrong with a row.
    private func at(_ file: String, _ line: Int, _ body: () throws -> Void) throws {
        do { try body() } catch let e as EngineError {
            throw EngineError.input("\(file):\(line): \(e.message(.id))")
        }
    }

    private func ensureOrganisation(_ o: Organisation) throws {
        guard let existing = try engine.store.organisation(o.id) else {
            return try engine.addOrganisation(id: o.id, name: o.name, kind: o.kind, parent: o.parent, actor: Command.systemActor, now: now)
        }
        guard existing != o else { return }
        try engine.updateOrganisation(id: o.id, name: o.name, kind: o.kind, parent: .some(o.parent), actor: Command.systemActor, now: now)
    }

    private func ensureActor(_ a: Actor) throws {
        guard let existing = try engine.store.actor(a.id) else {
            return try engine.addActor(id: a.id, name: a.name, nip: a.nip, actor: Command.systemActor, now: now)
        }
        guard existing.name != a.name || existing.nip != a.nip else { return }
        try engine.updateActor(id: a.id, name: a.name, nip: .some(a.nip), osUser: nil, actor: Command.systemActor, now: now)
    }

    private func ensureGrant(actor: String, role: String, org: String) throws {
        let held = try engine.store.grants(actor: actor).first { $0.role == role && $0.org == org }
        if let held, try engine.isActive(held, at: now) { return }
        try engine.grant(actor: actor, role: role, org: org, by: Command.systemActor, now: now)
    }

    /// Every CSV in a subfolder of `seed/` becomes a reference table named `folder/file`
    /// (`tutor_bantu/alokasi_2019`), replaced whole when its content changed.
    private func loadReferenceTables(folder: String) throws -> Int {
        let fm = FileManager.default
        var count = 0
        let subfolders = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: (folder as NSString).appendingPathComponent($0), isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let stored = Dictionary(grouping: try engine.store.referenceRows(), by: \.table).mapValues { $0.map(\.data) }
        for sub in subfolders {
            let dir = (folder as NSString).appendingPathComponent(sub)
            for file in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where file.hasSuffix(".csv") {
                let table = "\(sub)/\(file.dropLast(4))"
                let data = try rows((dir as NSString).appendingPathComponent(file), columns: [], requireID: false).map {
                    Value.record($0.1.mapValues(Value.string)).canonicalJSON
                }
                count += 1
                guard stored[table] != data else { continue }
                var write = CommandWrite(audit: AuditRecord(at: now.seconds, actor: Command.systemActor, osUser: engine.osUser,
                                                            command: "reference", event: table, outcome: "accepted",
                                                            reason: "\(data.count) baris dari \(sub)/\(file)"))
                write.directory = .referenceTable(name: table, rows: data)
                try engine.store.commit(write)
            }
        }
        return count
    }

    /// Rows of a CSV file with a header, each with its line number; a missing file gives no rows.
    private func rows(_ path: String, columns: [String], requireID: Bool = true) throws -> [(Int, [String: String])] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let text = String(decoding: try SafeFile.read(path, limit: SeedLoader.maxFileBytes, what: "berkas seed"), as: UTF8.self)
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true) } catch {
            throw EngineError.input("\(path): not a CSV file: \(error)")
        }
        let header = reader.headerRow ?? []
        for c in columns.prefix(2) where !header.contains(c) {
            throw EngineError.input("\(path):1: missing column '\(c)'; expected columns: \(columns.joined(separator: ","))")
        }
        var out: [(Int, [String: String])] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            var record: [String: String] = [:]
            for (i, name) in header.enumerated() where i < row.count { record[name] = row[i] }
            if requireID, (record["id"] ?? "").isEmpty { throw EngineError.input("\(path):\(line): empty id") }
            out.append((line, record))
        }
        return out
    }
}
