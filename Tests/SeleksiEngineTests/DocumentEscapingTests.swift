import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiDocuments
@testable import SeleksiEngine

@Suite("What people typed is printed as text in every document, never as markup")
struct DocumentEscapingTests {
    static let attack =
        "[Klik](javascript:alert(1)) <img src=x onerror=alert(1)> **tebal** # judul | pipa `kode` "
        + "<script>alert(2)</script>\n- daftar &amp; <p>"

    /// The Tutor Bantu round's templates; another process's documents are composed on its own instances by
    /// its own hostile test (PKSDocumentTests, PPDBSelectionTests).
    static let templates = TemplateFolder(path: Repo.path("templates")).list().filter { $0.hasPrefix("tutor_bantu/") }

    @Test func everyShippedDocumentTemplateIsCoveredByTheHostileTest() {
        #expect(Self.templates.filter { $0.hasPrefix("tutor_bantu/") }.count == 20)
        #expect(Self.recruitment.count + Self.work.count == Self.templates.count)
    }

    /// The recruitment's documents, each on a round stopped before the work phase.
    static let recruitment = templates.filter { (try? DocumentRound.workflow(of: $0)) == "tb_putaran" }
    /// The rest (the contracts and everything after them), on one round run to 31 December.
    static let work = templates.filter { !recruitment.contains($0) }

    @Test(arguments: recruitment)
    func aTemplateRendersHostileTextLiterallyInBothOutputs(_ template: String) throws {
        try expectHostileTextLiteral(template, in: try DocumentRound())
    }

    @Test func theWorkPhaseTemplatesRenderHostileTextLiterallyInBothOutputs() throws {
        let round = try DocumentRound(applicants: 12, work: true)
        for template in Self.work { try expectHostileTextLiteral(template, in: round) }
    }

    func expectHostileTextLiteral(_ template: String, in round: DocumentRound) throws {
        let output = try round.compose(
            template, change: { hostile(&$0, Self.attack) },
            reference: { reference in
                // Reference rows are printed too (letterheads): treat them as typed text as well.
                for (name, rows) in reference.tables
                where name == "tutor_bantu/kop" || name == "tutor_bantu/nama_program" {
                    reference.tables[name] = rows.map { row in
                        row.mapValues { _ in Self.attack }.merging([
                            "organisasi": row["organisasi"] ?? "", "id": row["id"] ?? "",
                            "jenis": row["jenis"] ?? "",
                        ]) { _, kept in kept }
                    }
                }
            })
        let html = output.html.lowercased()
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<a "))
        // The line break is folded: "- daftar" stays in the line, not a list item; "&amp;" stays literal.
        #expect(output.html.contains("&lt;script&gt;alert(2)&lt;/script&gt; - daftar &amp;amp; &lt;p&gt;"))
        #expect(
            output.html.contains(
                "[Klik](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt; **tebal** # judul | pipa `kode`"))
        #expect(
            output.markdown.contains(
                ##"\[Klik\](javascript:alert(1)) \<img src=x onerror=alert(1)\> "##
                    + ##"\*\*tebal\*\* \# judul \| pipa \`kode\`"##
            ))
        #expect(!TextToken.occurs(in: output.html) && !TextToken.occurs(in: output.markdown))
        try expectTablesKeepTheirColumns(html: output.html, markdown: output.markdown, template: template)
    }

    /// A `|` in a name must not add a cell: every row has as many cells as its table's header.
    func expectTablesKeepTheirColumns(html: String, markdown: String, template: String) throws {
        for table in html.components(separatedBy: "<table>").dropFirst() {
            let body = table.components(separatedBy: "</table>")[0]
            let rows = body.components(separatedBy: "<tr>").dropFirst()
            let widths = rows.map {
                $0.components(separatedBy: "<td").count + $0.components(separatedBy: "<th").count - 2
            }
            #expect(Set(widths).count == 1, "\(template): rows of \(Set(widths)) cells")
        }
        var width: Int?
        for line in markdown.split(separator: "\n") {
            guard line.hasPrefix("|") else {
                width = nil
                continue
            }
            let cells = line.replacingOccurrences(of: #"\|"#, with: "").filter { $0 == "|" }.count
            if let width { #expect(cells == width, "\(template): \(line)") } else { width = cells }
        }
    }

    @Test func markdownEscapesWhatMarkdownReadsAndFoldsLines() {
        #expect(TextEscaping.markdown("a|b") == #"a\|b"#)
        #expect(TextEscaping.markdown("- Jakarta") == #"\- Jakarta"#)
        #expect(TextEscaping.markdown("1. Jalan") == #"1\. Jalan"#)
        #expect(TextEscaping.markdown("Jl. Mawar 2.") == "Jl. Mawar 2.")
        #expect(TextEscaping.markdown("baris\nkedua\r\n# judul") == ##"baris kedua \# judul"##)
        #expect(TextEscaping.markdown("Siti (fiktif)") == "Siti (fiktif)")
    }

    /// Printable ASCII is escaped byte by byte; the walk by characters stays for everything else. Both
    /// must write the same for any ASCII text: every short string over the characters that matter.
    @Test func theByteWalkEscapesASCIIAsTheCharacterWalkDoes() {
        let alphabet = Array(#"a1 .)-+=*_\`[]<>|#~&(9"#)
        var checked = 0
        func each(_ prefix: String, _ depth: Int) {
            let folded = TextEscaping.fold(prefix)
            #expect(TextEscaping.markdownASCII(folded) == TextEscaping.markdownByCharacters(folded), "\(prefix)")
            checked += 1
            guard depth > 0 else { return }
            for c in alphabet { each(prefix + String(c), depth - 1) }
        }
        each("", 3)
        #expect(checked > 10_000)
        #expect(TextEscaping.markdown("12) Ñoño") == #"12\) Ñoño"#)
        #expect(TextEscaping.markdown("-Ñ") == #"\-Ñ"#)
    }

    /// Printable ASCII with single inner spaces is taken as folded without a walk by characters; anything
    /// else still goes the long way.
    @Test func foldingKeepsFoldedTextAndFoldsTheRest() {
        #expect(TextEscaping.fold("Siti Aminah (fiktif) 12/3") == "Siti Aminah (fiktif) 12/3")
        #expect(TextEscaping.fold(" Siti") == "Siti")
        #expect(TextEscaping.fold("Siti ") == "Siti")
        #expect(TextEscaping.fold("Siti  Aminah") == "Siti Aminah")
        #expect(TextEscaping.fold("Siti\tAminah\u{7F}") == "Siti Aminah")
        #expect(TextEscaping.fold("Ñoño\u{0}  x") == "Ñoño x")
        #expect(TextEscaping.fold("") == "")
    }

    /// Escaped byte by byte: a `<` carrying a combining mark is one character but still a `<`.
    @Test func htmlEscapesAMarkupCharacterEvenWithACombiningMark() {
        #expect(TextEscaping.html("<\u{301}script>") == "&lt;\u{301}script&gt;")
    }

    @Test func htmlEscapesTheFiveCharacters() {
        #expect(
            TextEscaping.html(#"<a href="x">O'Neil & co</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;")
    }

    @Test func aTokenCarriesAnyTextThroughTheMarkdownParserUnchanged() {
        let text = "Ñoño 🙂 | <b> \u{F0000} \\"
        let token = TextToken.encode(text)
        #expect(TextToken.replace(in: "a \(token) b", { "[\($0)]" }) == "a [\(text)] b")
        #expect(TextToken.replace(in: MarkdownLayout.html("| x |\n|---|\n| \(token) |"), { $0 }).contains(text))
    }

    /// Text outside tokens is copied in runs up to the next 0xF3 byte: other code points led by that
    /// byte pass through, and a stray or cut token is dropped, as when it was copied code point by point.
    @Test func textAroundTokensIsCopiedAsItIs() {
        let token = TextToken.encode("<é>")
        let plain = "Ñoño 🙂 \u{F5555} \u{F0141} ẞ"
        #expect(TextToken.replace(in: plain + token + plain, { "[\($0)]" }) == plain + "[<é>]" + plain)
        #expect(TextToken.replace(in: "a\u{F0001}b", { $0 }) == "ab")
        #expect(TextToken.replace(in: "a\u{F0000}\u{F0141}zb", { $0 }) == "ab")
        #expect(TextToken.replace(in: "", { $0 }) == "")
        #expect(TextToken.replace(in: token, { $0 }) == "<é>")
        // The token's code points, written out: the markers around one U+F0100 + b per byte of "<é>".
        let scalars = [0xF0000, 0xF013C, 0xF01C3, 0xF01A9, 0xF013E, 0xF0001].map { Unicode.Scalar($0)! }
        #expect(token.unicodeScalars.elementsEqual(scalars))
    }

    @Test func aTemplateMayNotContainTheTokenAlphabet() throws {
        let round = try DocumentRound(applicants: 10)
        #expect(throws: DocumentError.self) {
            try DocumentRound.renderer.compose(
                "x \u{F0005}", file: "t", template: "t", instance: round.round,
                context: .record([:]), reference: ReferenceTables())
        }
    }
}
