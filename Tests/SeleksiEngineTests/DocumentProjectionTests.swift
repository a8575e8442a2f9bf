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

    @Test func aProjectionKeepsTheNamesATemplateMentionsAndTheStemsOfItsSpellings() {
        let p = DocumentProjection(template: "{{#children}}{{forms.tb_portofolio.nama}} {{tanggal_teks}}{{/children}} {{lama_bulan}}")
        for kept in ["children", "forms", "tb_portofolio", "nama", "tanggal_teks", "tanggal", "mulai", "selesai"] {
            #expect(p.keeps(kept), "\(kept)")
        }
        #expect(!p.keeps("nik"))
        #expect(!p.keeps("alamat"))
    }
}
