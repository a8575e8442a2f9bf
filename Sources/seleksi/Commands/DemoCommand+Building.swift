import ArgumentParser
import Foundation

extension DemoCommand {
    /// Runs `build` on a database under a temporary name beside --db and moves it into place only when it
    /// is complete, so a demo that fails or is stopped leaves no half-made database at --db (what a SIGKILL
    /// leaves behind, `removeAbandonedBuilds` clears on the next run). Every process's demo goes through here.
    func buildInPlace<T>(_ build: (_ building: String) throws -> T) throws -> T {
        let building = db + ".building-\(ProcessInfo.processInfo.processIdentifier)"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) } }
        // An output folder this run made is removed again if the demo fails, as its database is.
        let madeOut = !FileManager.default.fileExists(atPath: out)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let result: T
        do {
            result = try build(building)
        } catch {
            if madeOut { try? FileManager.default.removeItem(atPath: out) }
            throw error
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        guard rename(building, db) == 0 else {
            fail(lang, "basis data demo tidak dapat dipindahkan ke \(db): \(String(cString: strerror(errno)))",
                 "the demo's database cannot be moved to \(db): \(String(cString: strerror(errno)))")
            throw ExitCode(3)
        }
        return result
    }
}
