import Foundation
import SeleksiCore
import Testing

@testable import SeleksiDocuments
@testable import SeleksiEngine

/// A document reads only the keys its template names (so a berita acara of 15,000 reserves holds
/// 15,000 small records): what it prints must be exactly what the full context would have printed.
@Suite("Documents rendered from a projected context equal those from the full one")
struct DocumentProjectionTests {
    @Test func everyShippedTemplateRendersTheSameWithAndWithoutTheProjection() throws {
        #expect(DocumentEscapingTests.templates.count >= 8)
        try expectSame(DocumentEscapingTests.recruitment, on: try DocumentRound())
        try expectSame(DocumentEscapingTests.work, on: try DocumentRound(applicants: 12, work: true))
    }

    func expectSame(_ templates: [String], on round: DocumentRound) throws {
        for template in templates {
            let full = try round.compose(template)
            let (source, file) = try TemplateFolder(path: Repo.path("templates")).read(template)
            let id = try round.instance(for: template)
            let needs = DocumentRenderer.childrenRead(by: source)
            let projected = try round.engine.documentContext(
                id, childStates: needs.states, allChildren: needs.all, projection: DocumentProjection(template: source))
            let output = try DocumentRound.renderer.compose(
                source, file: file, template: template, instance: id, context: projected,
                reference: try round.engine.referenceTables())
            #expect(output.markdown == full.markdown, "\(template): the projection changed the Markdown")
            #expect(output.html == full.html, "\(template): the projection changed the HTML")
        }
    }

    /// The children a template reads, found as it was before the search moved to UTF-8 bytes.
    static func childrenReadByCharacters(_ template: String) -> (states: Set<String>, all: Bool) {
        var states: Set<String> = []
        var rest = Substring(template)
        while let r = rest.range(of: "children_by_state.") {
            let name = rest[r.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { states.insert(String(name)) }
            rest = rest[r.upperBound...]
        }
        return (states, template.contains("{{#children}}") || template.contains("{{children.")
                    || template.contains("{{^children}}"))
    }

    @Test func theChildrenATemplateReadsAreFoundInItsBytesAsInItsCharacters() throws {
        var sources = try DocumentRenderer(templatesFolder: Repo.path("templates")).templates().map {
            try TemplateFolder(path: Repo.path("templates")).read($0).source
        }
        sources += ["", "children_by_state.", "{{#children_by_state.cadangan}}x{{/children_by_state.cadangan}}",
                    "children_by_state.dïterima-1 children_by_state.a_b9.c {{children.0}}", "{{^children}}",
                    "{{#children}", "children_by_state.é́x children_by_state.\u{2014}"]
        for source in sources {
            let bytes = DocumentRenderer.childrenRead(by: source), characters = Self.childrenReadByCharacters(source)
            #expect(bytes.states == characters.states && bytes.all == characters.all, "\(source.prefix(60))")
        }
        #expect(sources.contains { !DocumentRenderer.childrenRead(by: $0).states.isEmpty })
    }

    @Test func aProjectionKeepsTheNamesATemplateMentionsAndTheStemsOfItsSpellings() {
        let p = DocumentProjection(template: "{{#children}}{{forms.tb_portofolio.nama}} {{tanggal_teks}}{{/children}} {{lama_bulan}}")
        for kept in ["children", "forms", "tb_portofolio", "nama", "tanggal_teks", "tanggal", "mulai", "selesai"] {
            #expect(p.keeps(kept), "\(kept)")
        }
        #expect(!p.keeps("nik"))
        #expect(!p.keeps("alamat"))
    }
}
