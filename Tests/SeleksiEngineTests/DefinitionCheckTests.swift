import Foundation
import SeleksiCore
import Testing
@testable import SeleksiEngine
@testable import SeleksiXML

@Suite("seleksi check: schema and static checks on real XML")
struct DefinitionCheckTests {
    @Test func theRepositorysOwnDefinitionsPass() {
        let set = DefinitionFiles.load(paths: [], root: Repo.root)
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
        #expect(set.workflows.count >= 2)
        #expect(set.forms.count >= 2)
    }

    @Test func aBrokenCopyFailsWithFileAndLine() throws {
        let temp = TempFolder()
        temp.copyDefinitions()
        let file = temp.file("workflows/demo_pelamar.xml")
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: #"to="dinilai" roles="penilai""#, with: #"to="dinilai_x" roles="juri""#)
        text = text.replacingOccurrences(of: #"value="forms.demo_penilaian.total""#, with: #"value="forms.demo_penilaian.totall""#)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let set = DefinitionFiles.load(paths: [], root: temp.path)
        let messages = set.errors.map { $0.description(.en) }
        #expect(messages.contains { $0.hasPrefix(file + ":") && $0.contains("unknown state 'dinilai_x'") })
        #expect(messages.contains { $0.contains("unknown role 'juri'") })
        #expect(messages.contains { $0.contains("unknown field 'totall'") })
        #expect(messages.contains { $0.contains("state 'dinilai' is unreachable") })
        #expect(set.errors.allSatisfy { $0.line > 0 })
    }

    @Test func aStateWithNoWayOutIsReported() throws {
        let temp = TempFolder()
        temp.copyDefinitions()
        let file = temp.file("workflows/demo_putaran.xml")
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: #"<transition event="batalkan" from="*""#, with: #"<transition event="batalkan" from="persiapan""#)
        text = text.replacingOccurrences(of: #"<transition event="tanda_tangan" from="berita_acara" to="selesai""#, with: #"<transition event="tanda_tangan" from="berita_acara" to="berita_acara""#)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let set = DefinitionFiles.load(paths: [file, temp.file("forms")], root: temp.path)
        #expect(set.errors.contains { $0.text.text(.en).contains("state 'berita_acara' has no path to a final state") })
    }

    @Test func anExpressionThatDoesNotParsePointsAtLineAndColumn() throws {
        let temp = TempFolder()
        let file = temp.write("forms/f.xml", """
        <?xml version="1.0"?>
        <form id="f" version="1">
          <title lang="id">F</title>
          <field id="a" type="integer">
            <label lang="id">A</label>
            <constraint test=". &gt;= "><message lang="id">m</message></constraint>
          </field>
        </form>
        """)
        let other = temp.write("forms/g.xml", """
        <?xml version="1.0"?>
        <form id="g" version="1">
          <title lang="id">G</title>
          <field id="a" type="integer"><label lang="id">A</label></field>
          <field id="b" type="integer" calculate="a + c"><label lang="id">B</label></field>
        </form>
        """)
        let set = DefinitionFiles.load(paths: [file, other])
        #expect(set.errors.contains { $0.file == file && $0.line == 6 && $0.text.text(.en).contains("column 6") })
        #expect(set.errors.contains { $0.file == other && $0.line == 5 && $0.text.text(.en).contains("unknown field 'c'") })
    }

    @Test func schemaErrorsNameTheLine() {
        let temp = TempFolder()
        let file = temp.write("forms/bad.xml", """
        <?xml version="1.0"?>
        <form id="bad" version="1">
          <title lang="id">F</title>
          <field id="x" type="colour"><label lang="id">X</label></field>
        </form>
        """)
        let set = DefinitionFiles.load(paths: [file])
        #expect(set.errors.count >= 1)
        #expect(set.errors.first?.line == 4)
        #expect(set.errors.first?.text.text(.en).contains("colour") == true)
    }

    @Test func malformedXMLIsRefusedWithItsLine() {
        let temp = TempFolder()
        let file = temp.write("forms/broken.xml", "<?xml version=\"1.0\"?>\n<form id=\"x\" version=\"1\">\n  <title lang=\"id\">T</titel>\n</form>\n")
        let set = DefinitionFiles.load(paths: [file])
        #expect(set.errors.first?.line == 3)
    }

    @Test func aDoctypeWithAnExternalEntityIsRefusedAndNothingIsRead() {
        let temp = TempFolder()
        let secret = temp.write("secret.txt", "RAHASIA")
        let file = temp.write("forms/xxe.xml", """
        <?xml version="1.0"?>
        <!DOCTYPE form [ <!ENTITY x SYSTEM "file://\(secret)"> ]>
        <form id="x" version="1"><title lang="id">&x;</title><field id="a" type="text"><label lang="id">A</label></field></form>
        """)
        let set = DefinitionFiles.load(paths: [file])
        #expect(set.errors.count == 1)
        #expect(set.errors.first?.text.text(.en).contains("DOCTYPE") == true)
        #expect(set.errors.first?.line == 2)
        #expect(set.forms.isEmpty)
    }

    @Test func theRoundsRankingReadsOnlyThePortfolioOfItsChildren() throws {
        let set = DefinitionFiles.load(paths: [Repo.path("workflows/tb_putaran.xml")])
        let round = try #require(set.workflows.first)
        func ranks(_ t: TransitionDefinition) -> Bool {
            t.effects.contains { if case .rank = $0 { true } else { false } }
        }
        let ranking = try #require(round.transitions.first(where: ranks))
        // The portfolio's study programme groups the children; the quota rows are the round's own form.
        #expect(ranking.formsRead?.fields["tb_portofolio"] == ["program"])
        #expect(ranking.formsRead?.wholeForms.isEmpty == true)
        let counting = round.transitions.filter { $0.readsChildren && !ranks($0) }
        #expect(!counting.isEmpty)
        // Counting children by state reads no form of theirs (the quota form is the round's own, counted
        // because a name is not told apart by scope; an applicant has none).
        #expect(counting.allSatisfy { $0.formsRead?.formIDs.isSubset(of: ["tb_kuota"]) == true },
                "\(counting.map { ($0.event, $0.formsRead) })")
    }

    /// A command parses only the applicant's forms its transitions read or require: a rater's sheet and
    /// the automatic recount after it do not parse the portfolio; a verdict reads its own sheet.
    @Test func anApplicantsCommandsReadOnlyTheFormsTheirTransitionsName() throws {
        let set = DefinitionFiles.load(paths: [Repo.path("workflows/tb_pelamar.xml")])
        let applicant = try #require(set.workflows.first)
        func reads(_ event: String, from state: String) -> Set<String>? {
            Engine.ownFormsRead(by: applicant.transitions.filter { $0.event == event && $0.from.contains(state) })
        }
        #expect(reads("nilai", from: "layak") == ["tb_skor"])
        #expect(reads("rekap", from: "layak") == [])
        #expect(reads("verifikasi", from: "diusulkan")?.contains("tb_verifikasi") == true)
        #expect(reads("verifikasi", from: "diusulkan")?.contains("tb_portofolio") == false)
        // A transition that may reach a form it does not name loads them all.
        let any = TransitionDefinition(
            event: "x", label: LocalizedText(id: "x"), from: ["a"], to: "b", roles: ["r"], requiredForms: [],
            guards: [Guard(test: try Expression("count(forms) > 0"), message: LocalizedText(id: "m"), line: 1)],
            effects: [], quorum: nil, reasonRequired: false, line: 1)
        #expect(Engine.ownFormsRead(by: [any]) == nil)
    }

    @Test func theDeclarationScanFindsItsLineAndIgnoresCommentsAndTruncatedTags() {
        func line(_ text: String) -> Int? { SafeXMLParser.lineOfDeclaration(in: Array(text.utf8)) }
        #expect(line("<a/>\n<!-- <!DOCTYPE in a comment is still refused -->\n") == 2)
        #expect(line("<a>\n\n<!ENTITY x \"y\">") == 3)
        #expect(line("<!DOCTYPE a>") == 1)
        #expect(line("<a><!-- note --><![CDATA[x]]></a>") == nil)
        #expect(line("<a>\n<!DOCTYP") == nil)
        #expect(line("<!") == nil)
        #expect(line("") == nil)
    }

    @Test func anEntityExpansionBombIsRefusedBeforeExpansion() {
        var decl = "<!ENTITY a0 \"lol\">"
        for i in 1...10 { decl += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let bytes = Array("<?xml version=\"1.0\"?>\n<!DOCTYPE form [\(decl)]>\n<form id=\"b\" version=\"1\"><title lang=\"id\">&a10;</title></form>".utf8)
        #expect(throws: DiagnosticList.self) { try FormLoader.load(bytes, file: "bomb.xml") }
    }
}
