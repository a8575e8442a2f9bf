import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiDocuments
@testable import SeleksiEngine

@Suite("Document files: templates only from their folder, outputs written together, owner-only")
struct DocumentFileTests {
    @Test func aTemplateSymlinkedOutOfTheFolderIsRefused() throws {
        let temp = TempFolder()
        temp.write("templates/t/baik.md.mustache", "# Baik\n")
        try FileManager.default.createSymbolicLink(
            atPath: temp.file("templates/t/rahasia.md.mustache"),
            withDestinationPath: "/etc/passwd")
        let folder = TemplateFolder(path: temp.file("templates"))
        #expect(throws: DocumentError.self) { try folder.read("t/rahasia") }
        #expect(throws: DocumentError.self) { try folder.read("../templates/t/baik") }
        #expect(throws: DocumentError.self) { try folder.read("/etc/passwd") }
        #expect(try folder.read("t/baik").source == "# Baik\n")
        #expect(folder.list() == ["t/baik"])
    }

    @Test func listingTheRootFolderLooksAtABoundedNumberOfEntries() {
        let started = Date()
        let found = TemplateFolder(path: "/").list()
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(found.allSatisfy { FileManager.default.fileExists(atPath: "/" + $0 + TemplateFolder.suffix) })
    }

    func files(_ base: String) -> [(name: String, bytes: [UInt8])] {
        [(base + ".md", Array("# md\n".utf8)), (base + ".html", Array("<p>html</p>\n".utf8))]
    }

    @Test func filesAreOwnerOnlyAndAnEarlierRenderingIsNotOverwrittenWithoutReplace() throws {
        let temp = TempFolder()
        let out = DocumentFiles(folder: temp.file("out"), replace: false)
        try out.write(files("sk-1"), names: ["sk-1.md", "sk-1.html", "sk-1.pdf"])
        let mode = try FileManager.default.attributesOfItem(atPath: temp.file("out/sk-1.md"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: DocumentError.self) {
            try out.write(files("sk-1"), names: ["sk-1.md", "sk-1.html", "sk-1.pdf"])
        }
        // With --replace, a PDF of the earlier rendering does not stay beside the new files.
        temp.write("out/sk-1.pdf", "%PDF lama")
        try DocumentFiles(folder: temp.file("out"), replace: true).write(
            files("sk-1"), names: ["sk-1.md", "sk-1.html", "sk-1.pdf"])
        #expect(!FileManager.default.fileExists(atPath: temp.file("out/sk-1.pdf")))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: temp.file("out")).sorted() == ["sk-1.html", "sk-1.md"])
    }

    @Test func anOutputPathThatIsASymlinkIsRefusedAndItsTargetUntouched() throws {
        let temp = TempFolder()
        let target = temp.write("korban.txt", "jangan ditimpa\n")
        try FileManager.default.createDirectory(atPath: temp.file("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: temp.file("out/sk-1.html"), withDestinationPath: target)
        for replace in [false, true] {
            #expect(throws: DocumentError.self) {
                try DocumentFiles(folder: temp.file("out"), replace: replace).write(
                    files("sk-1"), names: ["sk-1.md", "sk-1.html"])
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "jangan ditimpa\n")
        #expect(!FileManager.default.fileExists(atPath: temp.file("out/sk-1.md")))
    }

    @Test func whenTheHTMLCannotBeMovedIntoPlaceTheMarkdownDoesNotStayAndTheOldFilesReturn() throws {
        let temp = TempFolder()
        let out = temp.file("out")
        try DocumentFiles(folder: out, replace: false).write(files("sk-1"), names: ["sk-1.md", "sk-1.html"])
        struct Broken: Error {}
        let newer: [(name: String, bytes: [UInt8])] = [
            ("sk-1.md", Array("baru".utf8)), ("sk-1.html", Array("baru".utf8)),
        ]
        #expect(throws: Broken.self) {
            try DocumentFiles(folder: out, replace: true).write(newer, names: ["sk-1.md", "sk-1.html"]) { name in
                if name.hasSuffix(".html") { throw Broken() }
            }
        }
        #expect(try String(contentsOfFile: temp.file("out/sk-1.md"), encoding: .utf8) == "# md\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["sk-1.html", "sk-1.md"])
        // And into an empty folder: nothing at all.
        let empty = temp.file("kosong")
        #expect(throws: Broken.self) {
            try DocumentFiles(folder: empty, replace: false).write(newer, names: ["sk-1.md", "sk-1.html"]) { name in
                if name.hasSuffix(".html") { throw Broken() }
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty)
    }

    @Test func renderedFilesCarryTheInstanceNumber() throws {
        let round = try DocumentRound(applicants: 12)
        let out = round.temp.file("dokumen")
        let rendered = try DocumentRound.renderer.render(
            "tutor_bantu/sk_tim", instance: round.round, engine: round.engine,
            outputFolder: out, now: at("2019-08-01T08:00"))
        #expect(rendered.htmlPath.hasSuffix("/sk_tim-\(round.round).html"))
        #expect(rendered.markdownPath.hasSuffix("/sk_tim-\(round.round).md"))
        #expect(throws: DocumentError.self) {
            try DocumentRound.renderer.render(
                "tutor_bantu/sk_tim", instance: round.round, engine: round.engine,
                outputFolder: out, now: at("2019-08-01T09:00"))
        }
    }
}
