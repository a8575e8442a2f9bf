import Foundation

/// Where a command finds the project folder (the one holding `forms/`, `workflows/`, `seed/` and
/// `templates/`) when it needs one: `--root`, else `SELEKSI_ROOT`, else the current folder when it is
/// one, else the folder the `seleksi` executable was built in (`…/.build/release/seleksi` lies inside
/// it, a link on the PATH included). Commands on a database read the definitions stored in it at
/// `init` instead, and need no folder at all.
public struct ProjectRoot: Sendable {
    public enum Source: String, Sendable {
        case option = "--root"
        case environment = "SELEKSI_ROOT"
        case currentFolder = "folder kerja"
        case executable = "lokasi seleksi"
    }

    public let path: String
    public let source: Source

    /// The folders a project root holds; `needs` are those the command reads.
    public static func holds(_ path: String, _ needs: [String]) -> Bool {
        needs.allSatisfy { folder in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(
                atPath: (path as NSString).appendingPathComponent(folder), isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }

    /// The root to use, or nil when none of the places holds `needs`. An explicit `--root` or
    /// `SELEKSI_ROOT` is returned even if it lacks them, so the message can name what it lacks.
    public static func find(
        option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        currentFolder: String = FileManager.default.currentDirectoryPath,
        executable: String? = ProjectRoot.executablePath(), needs: [String]
    ) -> ProjectRoot? {
        if let option, !option.isEmpty { return ProjectRoot(path: option, source: .option) }
        if let env = environment["SELEKSI_ROOT"], !env.isEmpty { return ProjectRoot(path: env, source: .environment) }
        if holds(currentFolder, needs) { return ProjectRoot(path: currentFolder, source: .currentFolder) }
        if let executable {
            var folder = (executable as NSString).deletingLastPathComponent
            for _ in 0..<6 {
                if holds(folder, needs) { return ProjectRoot(path: folder, source: .executable) }
                let up = (folder as NSString).deletingLastPathComponent
                if up == folder { break }
                folder = up
            }
        }
        return nil
    }

    /// The running executable with links resolved (a link on the PATH leads to the build folder).
    public static func executablePath() -> String? {
        guard let argument = CommandLine.arguments.first else { return nil }
        var path = argument
        if !path.contains("/") {
            // Found on the PATH.
            let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            guard
                let hit = folders.map({ ($0 as NSString).appendingPathComponent(argument) })
                    .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
            else { return nil }
            path = hit
        }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// Why no root was found, and what to do, in both languages.
    public static func missing(_ needs: [String]) -> (id: String, en: String) {
        let list = needs.map { "\($0)/" }.joined(separator: ", ")
        return (
            "folder proyek (berisi \(list)) tidak ditemukan: beri --root FOLDER atau setel SELEKSI_ROOT, atau jalankan dari folder proyek",
            "no project folder (holding \(list)) found: give --root FOLDER or set SELEKSI_ROOT, or run from the project folder"
        )
    }

    /// The first of `needs` this root lacks, if any.
    public func lacking(_ needs: [String]) -> String? { needs.first { !ProjectRoot.holds(path, [$0]) } }

    public func folder(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}
