// A program that embeds the engine: it loads a small process written in XML (process/ beside this
// package), runs it on a temporary SQLite database, and proves the database against its audit log.
import Foundation
import SeleksiCore
import SeleksiEngine

let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let process = here.appendingPathComponent("process").path
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seleksi-embedding-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

func at(_ iso: String) -> Timestamp { Timestamp(iso: iso)! }

// `seleksi check` as a library call: schema and static checks, in the user's language.
let definitions = DefinitionFiles.load(paths: [], root: process)
for d in definitions.diagnostics { print(d.description(.en)) }
guard definitions.errors.isEmpty else { exit(2) }

let (engine, summary) = try Engine.initialise(
    path: folder.appendingPathComponent("db.sqlite").path, root: process,
    seedPath: (process as NSString).appendingPathComponent("seed"), options: .init(simulation: true),
    now: at("2024-04-01T08:00"))
print("loaded \(summary.workflows) workflow(s), \(summary.forms) form(s), \(summary.actors) actor(s)")

let request = try engine.start(workflow: "cuti", org: "kantor", actor: "pegawai1", now: at("2024-04-01T09:00"))
let form: [String: Value] = ["mulai": .string("2024-04-16"), "hari_kerja": .number(3)]
let filed = try engine.fire(
    FireRequest(instance: request.id, event: "ajukan", actor: "pegawai1", forms: ["cuti_isian": form]),
    now: at("2024-04-01T09:10"))
print("ajukan: \(filed.kind)")
let detail = try engine.show(request.id)
print("kembali bekerja: \(detail.record.variables["kembali"]?.displayText ?? "?")")  // 3 working days after 16 April 2024
do {
    try engine.fire(FireRequest(instance: request.id, event: "setujui", actor: "pegawai1"), now: at("2024-04-01T09:20"))
} catch let e as EngineError {
    print("refused as it should be: \(e.message(.en))")
}
let approved = try engine.fire(
    FireRequest(instance: request.id, event: "setujui", actor: "atasan1"), now: at("2024-04-01T10:00"))
print("setujui: \(approved.kind)")
let report = try engine.verifyAudit()
print("audit verify: \(report.isIntact ? "intact" : "BROKEN") (\(report.rows) rows)")
let finalState = try engine.show(request.id).record.state
exit(report.isIntact && finalState == "disetujui" ? 0 : 1)
