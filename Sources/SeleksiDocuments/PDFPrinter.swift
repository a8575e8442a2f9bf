import Foundation

/// Prints an HTML page to an A4 PDF with a headless Chromium (`chromium` or `chromium-headless-shell`
/// on PATH), in a private temporary folder, under a time limit. Page size, margins and page numbers come
/// from the page's own CSS (`@page`); Chromium's own header and footer are turned off.
public struct PDFPrinter: Sendable {
    public let executable: String
    public var timeout: TimeInterval = 60

    public static let candidates = ["chromium", "chromium-headless-shell", "chromium-browser"]

    /// The first candidate found on PATH, or nil.
    public static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> PDFPrinter? {
        for folder in (path ?? "").split(separator: ":") {
            for name in candidates {
                let file = (String(folder) as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: file) { return PDFPrinter(executable: file) }
            }
        }
        return nil
    }

    public static func require() throws -> PDFPrinter {
        guard let printer = find() else {
            let names = candidates.joined(separator: ", ")
            throw DocumentError.pdf(
                id: "--pdf memerlukan Chromium tanpa layar (\(names) di PATH); di Debian: apt-get install chromium",
                en: "--pdf needs a headless Chromium (\(names) on PATH); on Debian: apt-get install chromium")
        }
        return printer
    }

    public func pdf(fromHTML html: [UInt8]) throws -> [UInt8] {
        let work = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let page = work + "/page.html"
        let out = work + "/page.pdf"
        let log = work + "/chromium.log"
        try Data(html).write(to: URL(fileURLWithPath: page))
        try run(
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--no-pdf-header-footer", "--user-data-dir=\(work)/profile", "--print-to-pdf=\(out)",
                URL(fileURLWithPath: page).absoluteString,
            ], log: log)
        guard let data = FileManager.default.contents(atPath: out), data.starts(with: Array("%PDF".utf8)) else {
            throw DocumentError.pdf(id: "\(executable) tidak menulis PDF; keluaran terakhirnya: \(tail(log))",
                                    en: "\(executable) wrote no PDF; its last words: \(tail(log))")
        }
        return Array(data)
    }

    private func run(_ arguments: [String], log: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let output = FileHandle(forWritingAtPath: log)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            throw DocumentError.pdf(id: "\(executable) tidak dapat dijalankan: \(error)",
                                    en: "cannot run \(executable): \(error)")
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw DocumentError.pdf(id: "\(executable) tidak selesai dalam \(Int(timeout)) detik; dihentikan",
                                    en: "\(executable) did not finish within \(Int(timeout)) s; stopped")
        }
        try? output?.close()
        guard process.terminationStatus == 0 else {
            throw DocumentError.pdf(id: "\(executable) gagal (keluar \(process.terminationStatus)): \(tail(log))",
                                    en: "\(executable) failed (exit \(process.terminationStatus)): \(tail(log))")
        }
    }

    private func temporaryFolder() throws -> String {
        var template = Array(
            (NSTemporaryDirectory() as NSString).appendingPathComponent("seleksi-pdf-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw DocumentError.pdf(id: "folder sementara tidak dapat dibuat", en: "cannot make a temporary folder")
        }
        return String(cString: made)
    }

    private func tail(_ log: String) -> String {
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(3).joined(separator: " | ")
    }
}
