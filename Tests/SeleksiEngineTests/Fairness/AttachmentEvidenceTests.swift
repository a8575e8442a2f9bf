import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiEngine

@Suite("Attachments are evidence")
struct AttachmentEvidenceTests {
    /// An applicant with one answer replaced, submitted; the refusal's violation paths, or nil when accepted.
    private func submit(_ engine: Engine, _ change: (inout [String: Value]) -> Void) throws -> [String]? {
        let app = try engine.start(workflow: "demo_pelamar", org: "skb-demo", actor: "pelamar1", now: at("2026-01-06T09:00"))
        var answers = try exampleAnswers()
        change(&answers)
        do {
            try engine.fire(FireRequest(instance: app.id, event: "ajukan", actor: "pelamar1", forms: ["demo_pendaftaran": answers]),
                            now: at("2026-01-06T09:00"))
            return nil
        } catch EngineError.refused(_, let violations) {
            return violations.map { "\($0.path): \($0.message.en ?? $0.message.id)" }
        }
    }

    @Test func theStoredHashIsTheFilesPlainSHA256AndACopyIsKept() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        #expect(try submit(engine) { _ in } == nil)
        let info = try #require(try engine.attachments(of: 1).first)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [Repo.path("examples/demo/ijazah-contoh.txt")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        #expect(info.sha256 == String(printed))
        #expect(info.kept && info.onDisk == .same)
        let original = try #require(try engine.attachmentBytes(sha256: info.sha256))
        #expect(original == [UInt8](try Data(contentsOf: URL(fileURLWithPath: Repo.path("examples/demo/ijazah-contoh.txt")))))
    }

    @Test func aHashGivenInTheAnswersIsNeverTaken() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        let problems = try submit(engine) { $0["ijazah"] = .record(["path": .string("/tidak/ada.pdf"), "sha256": .string(String(repeating: "a", count: 64))]) }
        #expect(problems?.first?.hasPrefix("demo_pendaftaran.ijazah") == true)
    }

    @Test func onlyRegularFilesInsideTheAttachmentFolderAreRead() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        engine.attachments = Attachments(folder: temp.path)
        temp.write("ada.txt", "isi\n")
        try FileManager.default.createDirectory(atPath: temp.file("folder"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: temp.file("keluar"), withDestinationPath: "/etc/passwd")
        #expect(mkfifo(temp.file("pipa"), 0o600) == 0)
        // A sparse 2 GB file: refused by its size before a byte is read.
        let big = FileManager.default.createFile(atPath: temp.file("besar.bin"), contents: nil)
        #expect(big && truncate(temp.file("besar.bin"), 2 << 30) == 0)
        for (path, expected) in [("tidak-ada.pdf", "does not exist"), ("folder", "a folder"), ("keluar", "outside the attachment folder"),
                                 ("/etc/shadow", "outside the attachment folder"), ("pipa", "not a regular file"),
                                 ("besar.bin", "larger than 50 MB")] {
            let started = Date()
            let problems = try submit(engine) { $0["ijazah"] = .string(path) }
            #expect(problems?.contains { $0.contains(expected) } == true, "\(path): \(problems ?? [])")
            #expect(Date().timeIntervalSince(started) < 5, "\(path) took too long")
        }
        #expect(try submit(engine) { $0["ijazah"] = .string("ada.txt") } == nil)
    }

    @Test func aFileSwappedOnDiskLaterIsSeenAndTheOriginalCanStillBeShown() throws {
        let temp = TempFolder()
        let engine = try demoEngine(temp)
        engine.attachments = Attachments(folder: temp.path)
        temp.write("ijazah.txt", "Ijazah asli (fiktif)\n")
        #expect(try submit(engine) { $0["ijazah"] = .string("ijazah.txt") } == nil)
        temp.write("ijazah.txt", "Ijazah palsu\n")
        let info = try #require(try engine.attachments(of: 1).first)
        #expect(info.onDisk == .changed && info.kept)
        #expect(try engine.attachmentBytes(sha256: info.sha256) == Array("Ijazah asli (fiktif)\n".utf8))
    }
}
