import CSV
import Foundation
import SeleksiCore
import SeleksiStore

/// Loads the `seed/` folder: `organisations.csv` (id, name, kind, parent) and `actors.csv`
/// (id, name, nip, roles as `role@organisation` separated by spaces). Re-running updates in place.
struct SeedLoader {
    let engine: Engine

    struct Counts { var organisations = 0, actors = 0, tables = 0 }

    func load(folder: String) throws -> Counts {
        var counts = Counts()
        let orgFile = (folder as NSString).appendingPathComponent("organisations.csv")
        for (line, row) in try rows(orgFile, columns: ["id", "name", "kind", "parent"]) {
            let parent = row["parent"] ?? ""
            try engine.db.prepare("""
                INSERT INTO organisations (id, name, kind, parent) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent = excluded.parent
                """).run(.text(row["id"]!), .text(row["name"]!), .text(row["kind"] ?? ""), parent.isEmpty ? .null : .text(parent))
            _ = line
            counts.organisations += 1
        }
        let actorFile = (folder as NSString).appendingPathComponent("actors.csv")
        for (line, row) in try rows(actorFile, columns: ["id", "name", "nip", "roles"]) {
            try engine.addActor(id: row["id"]!, name: row["name"]!, nip: row["nip"].flatMap { $0.isEmpty ? nil : $0 })
            for grant in (row["roles"] ?? "").split(separator: " ") {
                let parts = grant.split(separator: "@").map(String.init)
                guard parts.count == 2 else {
                    throw EngineError.input("\(actorFile):\(line): roles: '\(grant)' is not role@organisation")
                }
                do { try engine.grant(actor: row["id"]!, role: parts[0], org: parts[1]) } catch let e as EngineError {
                    throw EngineError.input("\(actorFile):\(line): \(e.message(.id))")
                }
            }
            counts.actors += 1
        }
        counts.tables = try loadReferenceTables(folder: folder)
        engine.invalidateReference()
        return counts
    }

    /// Every CSV in a subfolder of `seed/` becomes a reference table named `folder/file`
    /// (`tutor_bantu/alokasi_2019`), replaced whole on each load.
    private func loadReferenceTables(folder: String) throws -> Int {
        let fm = FileManager.default
        var count = 0
        let subfolders = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: (folder as NSString).appendingPathComponent($0), isDirectory: &isDirectory) && isDirectory.boolValue
        }
        for sub in subfolders {
            let dir = (folder as NSString).appendingPathComponent(sub)
            for file in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where file.hasSuffix(".csv") {
                let table = "\(sub)/\(file.dropLast(4))"
                try engine.db.prepare("DELETE FROM reference_rows WHERE table_name = ?").run(.text(table))
                for (line, row) in try rows((dir as NSString).appendingPathComponent(file), columns: [], requireID: false) {
                    let record = Value.record(row.mapValues(Value.string))
                    try engine.db.prepare("INSERT INTO reference_rows (table_name, row_no, data) VALUES (?, ?, ?)").run(.text(table), .int(Int64(line)), .text(record.canonicalJSON))
                }
                count += 1
            }
        }
        return count
    }

    /// Rows of a CSV file with a header, each with its line number; a missing file gives no rows.
    private func rows(_ path: String, columns: [String], requireID: Bool = true) throws -> [(Int, [String: String])] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
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
