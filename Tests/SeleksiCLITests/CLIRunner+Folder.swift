import Foundation

extension CLIRunner {
    /// Runs `seleksi args…` from `folder` (not the repository), with `SELEKSI_DB` set to this runner's
    /// database unless `environment` says otherwise, and `SELEKSI_ROOT` only when given. The binary is
    /// reached through a copy outside the repository when `outside` is set, so that it cannot find its
    /// build folder either.
    @discardableResult
    func run(
        _ args: [String], in folder: String, environment: [String: String] = [:], binary: String = CLIRunner.binary,
        input: String? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env["SELEKSI_DB"] = db
        env["SELEKSI_ROOT"] = nil
        env["COLUMNS"] = "100"
        for (k, v) in environment { env[k] = v.isEmpty ? nil : v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A folder of this runner's, away from the repository, to run commands from.
    func elsewhere() -> String {
        let path = folder + "/elsewhere"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The binary copied outside the repository (as an installed `seleksi` would be), so it cannot
    /// find the project beside itself.
    func installedCopy() throws -> String {
        let bin = folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let copy = bin + "/seleksi"
        if !FileManager.default.fileExists(atPath: copy) {
            try FileManager.default.copyItem(atPath: CLIRunner.binary, toPath: copy)
        }
        return copy
    }
}
