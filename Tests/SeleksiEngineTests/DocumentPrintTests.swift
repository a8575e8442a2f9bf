import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiDocuments
@testable import SeleksiEngine

/// Whether pdftoppm (poppler-utils) is installed, to turn a printed page into a PNG.
let pdftoppm = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

@Suite("Print-ready documents")
struct DocumentPrintTests {
    @Test func theHTMLPageIsA4WithPageNumbersInTheFooter() throws {
        let html = PrintPage.html(title: "x", body: "<p>x</p>")
        #expect(html.contains("size: A4"))
        #expect(html.contains("@bottom-center { content: counter(page)"))
    }

    @Test(
        .enabled(
            if: PDFPrinter.find() != nil && pdftoppm != nil,
            "needs a headless Chromium (chromium) and pdftoppm (poppler-utils) on this machine"))
    func aDecreePrintsToAnA4PDFWhoseFirstPageRendersAsAnImage() throws {
        let round = try DocumentRound(applicants: 12)
        let out = round.temp.file("cetak")
        let rendered = try DocumentRound.renderer.render(
            "tutor_bantu/sk_tim", instance: round.round, engine: round.engine,
            outputFolder: out, pdf: PDFPrinter.find(), now: at("2019-08-01T08:00"))
        let pdfPath = try #require(rendered.pdfPath)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: pdfPath))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let mode = try FileManager.default.attributesOfItem(atPath: pdfPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftoppm!)
        process.arguments = [
            "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdfPath, round.temp.file("halaman"),
        ]
        try process.run()
        process.waitUntilExit()
        let png = try Data(contentsOf: URL(fileURLWithPath: round.temp.file("halaman.png")))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // Width and height from the PNG header: an A4 page is 1 : 1.414.
        func be32(_ at: Int) -> Double { Double(png[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) }) }
        #expect(abs(be32(20) / be32(16) - 1.414) < 0.01)
    }
}
