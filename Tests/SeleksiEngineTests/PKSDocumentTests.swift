import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiDemo
@testable import SeleksiDocuments
@testable import SeleksiEngine

/// The PKS documents, rendered from the demo's two agreements: complete as the workflow leaves them, and
/// with every typed text replaced by markup, printed as text.
@Suite("PKS documents: the agreement, the addendum and the notices, escaped")
struct PKSDocumentTests {
    static let templates = TemplateFolder(path: Repo.path("templates")).list().filter { $0.hasPrefix("pks/") }
    static let attack =
        "[Klik](javascript:alert(1)) <img src=x onerror=alert(1)> **tebal** <script>alert(2)</script> {{vars.akhir}}"

    /// The demo's database: agreement #1 (seed 003 shape, suspended and ended early), #2 (seed 000
    /// shape, extended by an addendum). The folder is kept alive as long as the engine is used.
    final class Demo {
        let temp = TempFolder()
        let engine: Engine
        init() throws {
            var demo = try PKSDemo(
                options: .init(database: temp.file("pks.sqlite"), outputFolder: temp.file("out"), root: Repo.root)
            ) { _ in }
            _ = try demo.run()
            engine = try Engine(path: temp.file("pks.sqlite"))
        }
    }

    @Test func everyPKSTemplateIsHere() {
        #expect(
            Self.templates == [
                "pks/addendum", "pks/pemberitahuan_kahar", "pks/pemberitahuan_pengakhiran", "pks/perjanjian",
            ])
    }

    @Test(arguments: templates)
    func aTemplateRendersHostileTextLiterally(_ template: String) throws {
        let demo = try Demo()
        let engine = demo.engine
        let id: Int64 = template == "pks/addendum" ? 2 : 1
        let (source, file) = try TemplateFolder(path: Repo.path("templates")).read(template)
        let plain = try DocumentRenderer(templatesFolder: Repo.path("templates")).compose(
            source, file: file, template: template, instance: id,
            context: try engine.documentContext(id, childStates: [], allChildren: false),
            reference: try engine.referenceTables())
        #expect(!plain.markdown.isEmpty)
        var context = try engine.documentContext(id, childStates: [], allChildren: false)
        hostile(&context, Self.attack)
        let output = try DocumentRenderer(templatesFolder: Repo.path("templates")).compose(
            source, file: file, template: template, instance: id, context: context,
            reference: try engine.referenceTables())
        let html = output.html.lowercased()
        #expect(!html.contains("<img") && !html.contains("<script") && !html.contains("<a "))
        #expect(output.html.contains("&lt;script&gt;alert(2)&lt;/script&gt; {{vars.akhir}}"))
        #expect(!TextToken.occurs(in: output.html) && !TextToken.occurs(in: output.markdown))
    }

    @Test func theAgreementSpellsItsAmountsFromTheNumbersAndTheNoticesTheirDeadlines() throws {
        let demo = try Demo()
        let engine = demo.engine
        func render(_ template: String, _ id: Int64) throws -> String {
            let (source, file) = try TemplateFolder(path: Repo.path("templates")).read(template)
            return try DocumentRenderer(templatesFolder: Repo.path("templates")).compose(
                source, file: file, template: template, instance: id,
                context: try engine.documentContext(id, childStates: [], allChildren: false),
                reference: try engine.referenceTables()
            ).markdown
        }
        let agreement = try render("pks/perjanjian", 2)
        #expect(
            agreement.contains(
                "sebesar Rp3.625.930 (Tiga juta enam ratus dua puluh lima ribu sembilan ratus tiga puluh rupiah) untuk 43 (empat puluh tiga) orang peserta"
            ))
        #expect(
            agreement.contains(
                "Rp155.914.990 (Seratus lima puluh lima juta sembilan ratus empat belas ribu sembilan ratus sembilan puluh rupiah)"
            ))
        #expect(agreement.contains("paling lambat 3 (tiga) bulan sebelum jangka waktu perjanjian berakhir"))
        #expect(agreement.contains("30 (tiga puluh) hari sejak terjadinya"))
        #expect(agreement.contains("tidak merupakan alasan untuk pengakhiran"))
        let five = try render("pks/perjanjian", 1)
        #expect(five.contains("7 (tujuh) hari kerja sejak terjadinya"))
        #expect(five.contains("14 (empat belas) hari kerja sejak terjadinya"))
        #expect(!five.contains("memperpanjang"))  // seed 003 sets no extension notice
        #expect(try render("pks/addendum", 2).contains("berlaku sampai dengan tanggal 1 Mei 2027"))
        #expect(try render("pks/pemberitahuan_kahar", 1).contains("paling lambat tanggal 15 Mei 2023"))
        #expect(try render("pks/pemberitahuan_pengakhiran", 1).contains("terhitung tanggal 29 September 2023"))
    }
}
