import Foundation

/// Runs the `seleksi` binary built beside the tests, in a temporary folder with its own database.
final class CLIRunner: @unchecked Sendable {
    static let repo: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let binary: String = {
        // The test bundle lives in the build folder (.build/<triple>/debug), beside the executables.
        var url = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = url.appendingPathComponent("seleksi").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        return repo + "/.build/debug/seleksi"
    }()

    let folder: String
    var db: String { folder + "/seleksi.sqlite" }

    init() {
        folder = NSTemporaryDirectory() + "seleksi-cli-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `seleksi args…` from the repository root with `SELEKSI_DB` set to this runner's database.
    @discardableResult
    func run(_ args: [String], input: String? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: CLIRunner.repo)
        var env = ProcessInfo.processInfo.environment
        env["SELEKSI_DB"] = db
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func run(_ line: String, input: String? = nil) throws -> Output {
        try run(line.split(separator: " ").map(String.init), input: input)
    }
}
