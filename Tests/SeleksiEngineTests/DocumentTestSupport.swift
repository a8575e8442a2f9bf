import Foundation
import SeleksiCore
import SeleksiStore

@testable import SeleksiDemo
@testable import SeleksiDocuments
@testable import SeleksiEngine

/// A finished synthetic round (the demo driver, 30 applicants) to render documents from: stopped before
/// the work phase, so its tutors are still under contract; or with `work`, run on to 31 December, so every
/// work-phase document (months, payment lists, reports) has an instance to describe.
struct DocumentRound {
    let temp = TempFolder()
    let engine: Engine
    let round: Int64
    /// An applicant with signed contracts (Formats 8 and 9); after the work phase, one whose contract ran out.
    let contracted: Int64

    init(applicants: Int = 30, seed: UInt64 = 4, work: Bool = false) throws {
        var options = TutorBantuDemo.Options(
            database: temp.file("demo.sqlite"), outputFolder: temp.file("out"),
            applicants: applicants, seed: seed, upt: "upt-bp-kalimantan-selatan",
            root: Repo.root, until: work ? nil : .kerja)
        options.workDocuments = .none
        var demo = try TutorBantuDemo(options: options) { _ in }
        round = try demo.run().round
        engine = try Engine(path: temp.file("demo.sqlite"))
        let state = work ? "kontrak_selesai" : "berkontrak"
        guard let tutor = try engine.list(InstanceFilter(workflow: "tb_pelamar", state: state)).first?.id else {
            throw Missing("no tutor in state \(state)")
        }
        contracted = tutor
    }

    /// The workflow a shipped template describes (its header's `alur`).
    static func workflow(of template: String) throws -> String {
        let (source, file) = try TemplateFolder(path: Repo.path("templates")).read(template)
        return try TemplateHeader.parse(source, file: file).workflow ?? ""
    }

    /// The instance a shipped template is rendered for: the round, the contracted tutor, or the first
    /// instance of its workflow in that workflow's first final state that has one (a paid month, a closed
    /// list, a filed final report).
    func instance(for template: String) throws -> Int64 {
        switch try Self.workflow(of: template) {
        case "tb_pelamar": return contracted
        case "tb_putaran": return round
        case let workflow:
            let all = try engine.list(InstanceFilter(workflow: workflow), limit: Int.max)
            guard let any = all.first else { throw Missing("no instance of \(workflow) for \(template)") }
            let definition = try engine.definitions(of: any.id).workflow
            for state in definition.states where state.isFinal {
                if let found = all.first(where: { $0.state == state.id }) { return found.id }
            }
            return any.id
        }
    }

    struct Missing: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))

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
