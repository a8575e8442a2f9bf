import Foundation
import Testing

@testable import SeleksiDocuments

@Suite("Markdown to HTML (cmark-gfm): the constructs the templates use")
struct DocumentMarkdownTests {
    /// Lines are cut at every "\n" byte, empty lines and a last empty line kept, exactly as the split of
    /// the UTF-8 view they replaced.
    @Test func linesAreCutAtEveryLineFeedAsTheSplitWas() {
        let texts = ["", "\n", "a", "a\n", "\n\na", "# Judul\n\n| No | Nama |\r\n| 1 | Ñoño ✓ |\n::: ttd\n:::\n",
                     String(repeating: "baris é\n", count: 300) + "akhir"]
        for text in texts {
            let expected = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .map { Substring($0) }
            #expect(MarkdownLayout.lines(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func aPipeTableBecomesATableWithAHeaderAndOneCellPerColumn() {
        let html = MarkdownLayout.html("| No | Nama | Jumlah |\n|---|---|---|\n| 1 | Siti | **10** |\n| 2 | Budi | 7 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<thead>\n<tr>\n<th>No</th>\n<th>Nama</th>\n<th>Jumlah</th>\n</tr>\n</thead>"))
        #expect(html.contains("<tr>\n<td>1</td>\n<td>Siti</td>\n<td><strong>10</strong></td>\n</tr>"))
        #expect(html.components(separatedBy: "<td>").count - 1 == 6)
        #expect(!html.contains("|"))
    }

    @Test func aFencedBlockBecomesADivAroundItsMarkdownAndIsLeftOutOfTheMarkdownFile() {
        let source = """
            ::: ttd-dua
            ::: ttd
            Kepala UPT,\\
            **Nama**
            :::
            ::: ttd kanan
            1. satu
            2. dua
            :::
            :::

            Penutup.
            """
        let html = MarkdownLayout.html(source)
        #expect(html.contains("<div class=\"ttd-dua\">\n<div class=\"ttd\">\n<p>Kepala UPT,<br />\n<strong>Nama</strong></p>"))
        #expect(html.contains("<div class=\"ttd kanan\">\n<ol>\n<li>satu</li>\n<li>dua</li>\n</ol>"))
        #expect(html.hasSuffix("</div>\n</div>\n<p>Penutup.</p>"))
        #expect(!html.contains(":::"))
        #expect(MarkdownLayout.markdownFile(source) == "Kepala UPT,\\\n**Nama**\n\n1. satu\n2. dua\n\nPenutup.\n")
    }

    /// Templates write no raw HTML (their layout is fenced blocks), so the parser prints none: a tag in a
    /// template by mistake is dropped, never passed into the page.
    @Test func rawHTMLInATemplateIsNotPassedThrough() {
        let html = MarkdownLayout.html("Teks <b onclick=\"x()\">tebal</b>\n\n<script>alert(1)</script>\n\n[a](javascript:alert(1))")
        #expect(!html.contains("<b "))
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("tebal"))
    }
}
