import Foundation
import SeleksiCore
import SeleksiStore

@testable import SeleksiDemo
@testable import SeleksiDocuments
@testable import SeleksiEngine

/// A finished synthetic round (the demo driver, 30 applicants) to render documents from.
struct DocumentRound {
    let temp = TempFolder()
    let engine: Engine
    let round: Int64
    /// An applicant with signed contracts (Formats 8 and 9).
    let contracted: Int64

    init(applicants: Int = 30, seed: UInt64 = 4) throws {
        var demo = try TutorBantuDemo(
            options: .init(
                database: temp.file("demo.sqlite"), outputFolder: temp.file("out"),
                applicants: applicants, seed: seed, upt: "upt-bp-kalimantan-selatan",
                root: Repo.root)
        ) { _ in }
        round = try demo.run().round
        engine = try Engine(path: temp.file("demo.sqlite"))
        contracted = try engine.list(InstanceFilter(workflow: "tb_pelamar", state: "berkontrak")).first!.id
    }

    static let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))

    /// The shipped templates with the instance each is about.
    func instance(for template: String) throws -> Int64 {
        let (source, file) = try TemplateFolder(path: Repo.path("templates")).read(template)
        return try TemplateHeader.parse(source, file: file).workflow == "tb_pelamar" ? contracted : round
    }

    /// Renders without writing, from a context the test may change first.
    func compose(
        _ template: String, change: (inout Value) -> Void = { _ in },
        reference change2: (inout ReferenceTables) -> Void = { _ in }
    ) throws -> DocumentRenderer.Output {
        let (source, file) = try TemplateFolder(path: Repo.path("templates")).read(template)
        let id = try instance(for: template)
        let needs = DocumentRenderer.childrenRead(by: source)
        var context = try engine.documentContext(id, childStates: needs.states, allChildren: needs.all)
        change(&context)
        var reference = try engine.referenceTables()
        change2(&reference)
        return try Self.renderer.compose(
            source, file: file, template: template, instance: id, context: context,
            reference: reference)
    }
}

/// Replaces every text leaf of a value that a person could have typed by `text`, leaving the keys the
/// documents select on (ids, states, choice values) and dates as they are.
func hostile(_ value: inout Value, _ text: String, key: String = "") {
    let structural: Set<String> = ["id", "kind", "state", "workflow", "program", "skb", "jenis", "organisasi", "value"]
    switch value {
    case .string(let s) where !structural.contains(key) && CivilDate(iso: s) == nil:
        value = .string(text)
    case .record(var r):
        for k in r.keys { hostile(&r[k]!, text, key: k) }
        value = .record(r)
    case .list(var l):
        for i in l.indices { hostile(&l[i], text, key: key) }
        value = .list(l)
    default: break
    }
}
