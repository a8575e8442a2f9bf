import Foundation

/// Writes the files of one document (`.md`, `.html`, perhaps `.pdf`) together or not at all: each is
/// written to a temporary name in the output folder, readable by the owner only (0600: documents hold
/// personal data), then renamed into place; if any step fails, the files already moved are taken back
/// and the earlier rendering, if one was being replaced, is restored.
struct DocumentFiles {
    let folder: String
    /// Whether an earlier rendering of the same document may be replaced. Without it, a folder that
    /// already holds any file of the document is refused, so old and new files never sit side by side.
    let replace: Bool

    /// `names` is the document's whole set (a `.pdf` from an earlier `--pdf` rendering is removed
    /// when this one has none); `files` are the ones written now. `beforeMove` lets a test fail a step.
    func write(
        _ files: [(name: String, bytes: [UInt8])], names: [String],
        beforeMove: (String) throws -> Void = { _ in }
    ) throws {
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let existing = try names.filter { try exists($0) }
        if !existing.isEmpty && !replace {
            throw DocumentError.output(
                "\(folder) already holds \(existing.joined(separator: ", ")) of this document; "
                    + "use --replace to replace them, or another --out")
        }
        var temporaries: [(name: String, temp: String)] = []
        var backups: [(name: String, backup: String)] = []
        var placed: [String] = []
        do {
            for file in files { temporaries.append((file.name, try writeTemporary(file.name, file.bytes))) }
            for name in existing {
                let backup = try uniqueName(for: name, tag: "old")
                try move(name, backup)
                backups.append((name, backup))
            }
            for t in temporaries {
                try beforeMove(t.name)
                try move(t.temp, t.name)
                placed.append(t.name)
            }
        } catch {
            for name in placed { unlink(path(name)) }
            for t in temporaries where !placed.contains(t.name) { unlink(path(t.temp)) }
            for b in backups { rename(path(b.backup), path(b.name)) }
            throw error
        }
        for b in backups { unlink(path(b.backup)) }
    }

    private func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// Whether `name` exists; a symlink there is refused outright, never followed or replaced.
    private func exists(_ name: String) throws -> Bool {
        var info = stat()
        guard lstat(path(name), &info) == 0 else { return false }
        if info.st_mode & S_IFMT == S_IFLNK {
            throw DocumentError.output("\(path(name)) is a symbolic link; refused (its target is never overwritten)")
        }
        return true
    }

    private func uniqueName(for name: String, tag: String) throws -> String {
        for _ in 0..<100 {
            let candidate = ".\(name).\(tag)-\(UInt32.random(in: 0...UInt32.max))"
            var info = stat()
            if lstat(path(candidate), &info) != 0 { return candidate }
        }
        throw DocumentError.output("\(folder): no free temporary name for \(name)")
    }

    /// A new file (never an existing one, never through a symlink), mode 0600, synced to disk.
    private func writeTemporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let temp = try uniqueName(for: name, tag: "tmp")
        let fd = open(path(temp), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create", temp) }
        defer { close(fd) }
        fchmod(fd, 0o600)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else {
                unlink(path(temp))
                throw failure("cannot write", temp)
            }
            offset += written
        }
        guard fsync(fd) == 0 else {
            unlink(path(temp))
            throw failure("cannot sync", temp)
        }
        return temp
    }

    private func move(_ from: String, _ to: String) throws {
        guard rename(path(from), path(to)) == 0 else { throw failure("cannot move into place", to) }
    }

    private func failure(_ what: String, _ name: String) -> DocumentError {
        .output("\(what) \(path(name)): \(String(cString: strerror(errno)))")
    }
}
