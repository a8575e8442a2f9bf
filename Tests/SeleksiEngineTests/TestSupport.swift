import Foundation
import SeleksiCore
import SeleksiStore
@testable import SeleksiEngine

/// The repository's own folders, found from this file's path.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }
}

/// A fresh temporary folder, removed when the value is released.
final class TempFolder {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("seleksi-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let p = file(name)
        try! FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    /// A copy of the repository's forms/, workflows/ and seed/ to edit.
    func copyDefinitions() {
        for folder in ["forms", "workflows", "seed"] {
            try! FileManager.default.copyItem(atPath: Repo.path(folder), toPath: file(folder))
        }
    }
}

func at(_ iso: String) -> Timestamp { Timestamp(iso: iso)! }

/// An initialised simulation database on the shipped definitions and seed, in a temp folder;
/// attachments are read from the repository (the example files).
func demoEngine(_ temp: TempFolder) throws -> Engine {
    let engine = try Engine.initialise(path: temp.file("db.sqlite"), root: Repo.root, seedPath: Repo.path("seed"),
                                       options: .init(simulation: true), now: at("2026-01-05T08:00")).0
    engine.attachments = Attachments(folder: Repo.root)
    return engine
}

/// A round of the demo workflow, opened for registration on 5 January 2026 by its operator.
func openDemoRound(_ engine: Engine) throws -> Int64 {
    let round = try engine.start(workflow: "demo_putaran", org: "upt-demo", actor: "operator1",
                                 now: at("2026-01-05T08:00")).id
    try engine.fire(FireRequest(instance: round, event: "buka", actor: "operator1"), now: at("2026-01-05T09:00"))
    return round
}

/// `seleksi init` of a simulation database in `temp` on the copy of the definitions there
/// (`copyDefinitions`), which a test edits between two calls as a user edits his files; returns the
/// engine and the summary (how many definitions were new).
func initialiseOnCopiedDefinitions(_ temp: TempFolder, now: Timestamp) throws -> (Engine, Engine.InitSummary) {
    try Engine.initialise(path: temp.file("db.sqlite"), root: temp.path, seedPath: temp.file("seed"),
                          options: .init(simulation: true), now: now)
}

/// A second connection to a test's database, as an attacker holding the file would have.
func rawDatabase(_ path: String) throws -> Database { try Database(path: path, create: false) }

/// The example answers of the walk-through, with the attachment path made absolute.
func exampleAnswers() throws -> [String: Value] {
    var answers = try JSONBridge.record(FileManager.default.contents(atPath: Repo.path("examples/demo/isian_pelamar.json"))!, what: "example")
    answers["ijazah"] = .string("examples/demo/ijazah-contoh.txt")
    return answers
}
