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

    /// What a folder shows by name: the documents, no temporary or set-aside file.
    func listing(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func aBatchPutsEveryDocumentInPlaceAtCommitAndNoneBefore() throws {
        let temp = TempFolder()
        let (a, b) = (temp.file("out/a"), temp.file("out/b"))
        try DocumentFiles(folder: a, replace: false).write(files("sk-1"), names: ["sk-1.md", "sk-1.html"])
        let batch = DocumentBatch()
        for i in 1...6 {
            try batch.stage(files("pk-\(i)"), names: ["pk-\(i).md", "pk-\(i).html"], folder: i % 2 == 0 ? a : b, replace: false)
        }
        // Rendered again in the same batch: the later files win, the earlier leave no temporary behind.
        let newer: [(name: String, bytes: [UInt8])] = [("sk-1.md", Array("baru".utf8)), ("sk-1.html", Array("baru".utf8))]
        try batch.stage(files("sk-1"), names: ["sk-1.md", "sk-1.html"], folder: a, replace: true)
        try batch.stage(newer, names: ["sk-1.md", "sk-1.html"], folder: a, replace: true)
        #expect(throws: DocumentError.self) {
            try batch.stage(files("pk-2"), names: ["pk-2.md", "pk-2.html"], folder: a, replace: false)
        }
        #expect(batch.pending == 7)
        // Before the commit only temporaries: nothing of the batch under its name, the old sk-1 intact.
        #expect(try listing(a).filter { !$0.hasPrefix(".") } == ["sk-1.html", "sk-1.md"])
        #expect(try String(contentsOfFile: temp.file("out/a/sk-1.md"), encoding: .utf8) == "# md\n")
        #expect(try listing(b).allSatisfy { $0.hasPrefix(".") && $0.contains(".tmp-") })
        try batch.commit()
        #expect(batch.pending == 0)
        #expect(try listing(a) == ["pk-2.html", "pk-2.md", "pk-4.html", "pk-4.md", "pk-6.html", "pk-6.md", "sk-1.html", "sk-1.md"])
        #expect(try listing(b) == ["pk-1.html", "pk-1.md", "pk-3.html", "pk-3.md", "pk-5.html", "pk-5.md"])
        #expect(try String(contentsOfFile: temp.file("out/a/sk-1.md"), encoding: .utf8) == "baru")
        #expect(try String(contentsOfFile: temp.file("out/b/pk-5.html"), encoding: .utf8) == "<p>html</p>\n")
        let mode = try FileManager.default.attributesOfItem(atPath: temp.file("out/b/pk-3.md"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aBatchThatFailsMidwayLeavesNoneOfItsFilesUnderTheirNamesAndTheOldOnesBack() throws {
        let temp = TempFolder()
        let (a, b) = (temp.file("out/a"), temp.file("out/b"))
        try DocumentFiles(folder: a, replace: false).write(files("sk-1"), names: ["sk-1.md", "sk-1.html"])
        struct Broken: Error {}
        let batch = DocumentBatch()
        try batch.stage(files("pk-1"), names: ["pk-1.md", "pk-1.html"], folder: b, replace: false)
        try batch.stage([("sk-1.md", Array("baru".utf8)), ("sk-1.html", Array("baru".utf8))],
                        names: ["sk-1.md", "sk-1.html", "sk-1.pdf"], folder: a, replace: true)
        for i in 2...5 { try batch.stage(files("pk-\(i)"), names: ["pk-\(i).md", "pk-\(i).html"], folder: b, replace: false) }
        // The fourth document's HTML cannot be moved: by then three documents were in place.
        #expect(throws: Broken.self) {
            try batch.commit { name in if name == "pk-3.html" { throw Broken() } }
        }
        #expect(try listing(a) == ["sk-1.html", "sk-1.md"])
        #expect(try String(contentsOfFile: temp.file("out/a/sk-1.md"), encoding: .utf8) == "# md\n")
        #expect(try listing(b).isEmpty)
        #expect(batch.pending == 0)
    }

    @Test func aBatchDroppedWithoutCommitLeavesNothing() throws {
        let temp = TempFolder()
        do {
            let batch = DocumentBatch()
            try batch.stage(files("pk-1"), names: ["pk-1.md", "pk-1.html"], folder: temp.file("out"), replace: false)
            #expect(try listing(temp.file("out")).count == 2)
        }
        #expect(try listing(temp.file("out")).isEmpty)
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
