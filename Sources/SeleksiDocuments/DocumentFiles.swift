import Foundation

/// Writes the files of one document (`.md`, `.html`, perhaps `.pdf`) together or not at all: a batch
/// of one document (`DocumentBatch`), committed at once.
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
        let batch = DocumentBatch()
        try batch.stage(files, names: names, folder: folder, replace: replace)
        try batch.commit(beforeMove: beforeMove)
    }
}

/// The files of many documents, made visible under their names together, at the cost of one sync.
///
/// Each file is first written under a temporary name in its output folder, readable by the owner only
/// (0600: documents hold personal data). `commit` then puts the data on disk, moves every file into
/// place (an earlier rendering that is replaced is kept aside until all are placed) and syncs the
/// folders, so the names are on disk when it returns. A document is therefore never seen half-written
/// under its name, not even after a crash; if a step up to the last move fails, nothing of the batch
/// keeps its name and the earlier renderings come back (a failure to sync the folders after that is
/// reported, the files staying in place, complete). Files not yet committed are removed when the
/// batch is dropped.
///
/// The national demo writes some 6,000 files: an `fsync` of each was 6% of its time. Measured here
/// (ext4, 2,000 files of 15 kB): an `fsync` per file 3.1–6.4 s, the same `fsync`s after writing them
/// all 4.9–9.2 s, one `syncfs` 0.36–0.48 s (writing without any sync 0.1–0.35 s). So a batch of more
/// than a few files is synced with one `syncfs` of each file system it writes to; a single document
/// (`seleksi document render`) still syncs only its own files, which costs it a few milliseconds and
/// does not make it wait for every other writer's data on the disk.
public final class DocumentBatch: @unchecked Sendable {
    struct Document {
        let folder: String
        let replace: Bool
        /// The document's whole set of names, and the files written now with their temporary names.
        let names: [String]
        var temporaries: [(name: String, temp: String)]
    }

    /// A batch of at most this many files syncs each of them rather than the whole file system.
    static let fewFiles = 4

    private var documents: [Document] = []
    /// The folders made sure to exist since the last commit (once each, not for every document).
    private var folders: Set<String> = []
    private let lock = NSLock()

    public init() {}

    deinit { discard() }

    /// How many documents wait for `commit`.
    public var pending: Int { lock.withLock { documents.count } }

    /// Writes `files` under temporary names in `folder`; they take their names at `commit`. `names` is
    /// the document's whole set (a `.pdf` of an earlier rendering is removed when this one has none).
    /// A document staged again in the same batch replaces the earlier staging (with `replace`).
    func stage(_ files: [(name: String, bytes: [UInt8])], names: [String], folder: String, replace: Bool) throws {
        try lock.withLock {
            if folders.insert(folder).inserted {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            let existing = try names.filter { try Self.exists($0, in: folder) }
            // A document has two or three names: compared as they are, not as a set made per document staged.
            let staged = documents.indices.filter {
                documents[$0].folder == folder && documents[$0].names.contains(where: names.contains)
            }
            if (!existing.isEmpty || !staged.isEmpty) && !replace {
                throw Self.alreadyHeld(existing.isEmpty ? names : existing, in: folder)
            }
            var document = Document(folder: folder, replace: replace, names: names, temporaries: [])
            do {
                for file in files {
                    document.temporaries.append((file.name, try Self.writeTemporary(file.name, file.bytes, in: folder)))
                }
            } catch {
                for t in document.temporaries { unlink(Self.path(t.temp, in: folder)) }
                throw error
            }
            for i in staged.reversed() {
                for t in documents[i].temporaries { unlink(Self.path(t.temp, in: documents[i].folder)) }
                documents.remove(at: i)
            }
            documents.append(document)
        }
    }

    /// Syncs the staged files, moves them all into place and syncs their folders. On failure nothing of
    /// the batch keeps its name, the renderings it replaced are back, and the batch is empty.
    /// `beforeMove` (given each file's name) lets a test fail a step midway.
    public func commit() throws { try commit(beforeMove: { _ in }) }

    func commit(beforeMove: (String) throws -> Void) throws {
        try lock.withLock {
            let batch = documents
            documents = []
            folders = []
            guard !batch.isEmpty else { return }
            var backups: [(folder: String, name: String, backup: String)] = []
            var placed: [(folder: String, name: String)] = []
            do {
                try Self.syncData(of: batch)
                for document in batch {
                    let folder = document.folder
                    let existing = try document.names.filter { try Self.exists($0, in: folder) }
                    if !existing.isEmpty && !document.replace {
                        throw Self.alreadyHeld(existing, in: folder)
                    }
                    for name in existing {
                        let backup = try Self.uniqueName(for: name, tag: "old", in: folder)
                        try Self.move(name, backup, in: folder)
                        backups.append((folder, name, backup))
                    }
                    for t in document.temporaries {
                        try beforeMove(t.name)
                        try Self.move(t.temp, t.name, in: folder)
                        placed.append((folder, t.name))
                    }
                }
            } catch {
                for p in placed { unlink(Self.path(p.name, in: p.folder)) }
                for document in batch {
                    for t in document.temporaries
                    where !placed.contains(where: { $0.folder == document.folder && $0.name == t.name }) {
                        unlink(Self.path(t.temp, in: document.folder))
                    }
                }
                for b in backups.reversed() { rename(Self.path(b.backup, in: b.folder), Self.path(b.name, in: b.folder)) }
                throw error
            }
            for b in backups { unlink(Self.path(b.backup, in: b.folder)) }
            // The renames themselves reach the disk with their folders.
            for folder in Set(batch.map(\.folder)) {
                try Self.syncFolder(folder) { try Self.check(fsync($0) == 0, .sync, folder) }
            }
        }
    }

    /// Removes the files of every document not yet committed.
    public func discard() {
        lock.withLock {
            for document in documents {
                for t in document.temporaries { unlink(Self.path(t.temp, in: document.folder)) }
            }
            documents = []
        }
    }

    // MARK: Files

    /// The data of every temporary on disk before any takes its name: each file's own `fsync` for a few
    /// files, else one `syncfs` per file system (see the type's note for the figures).
    private static func syncData(of batch: [Document]) throws {
        #if os(Linux)
            let each = batch.reduce(0) { $0 + $1.temporaries.count } <= fewFiles
        #else
            let each = true  // syncfs is Linux's
        #endif
        if each {
            for document in batch {
                for t in document.temporaries {
                    let fd = open(path(t.temp, in: document.folder), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
                    try check(fd >= 0, .open, t.temp, in: document.folder)
                    defer { close(fd) }
                    try check(fsync(fd) == 0, .sync, t.temp, in: document.folder)
                }
            }
            return
        }
        var synced: Set<UInt64> = []
        for folder in Set(batch.map(\.folder)) {
            var info = stat()
            try check(stat(folder, &info) == 0, .read, folder)
            guard synced.insert(UInt64(info.st_dev)).inserted else { continue }
            #if os(Linux)
                try syncFolder(folder) { try check(syncfs($0) == 0, .syncFileSystem, folder) }
            #endif
        }
    }

    private static func syncFolder(_ folder: String, _ sync: (Int32) throws -> Void) throws {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try check(fd >= 0, .open, folder)
        defer { close(fd) }
        try sync(fd)
    }

    private static func path(_ name: String, in folder: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }

    /// Whether `name` exists; a symlink there is refused outright, never followed or replaced.
    private static func exists(_ name: String, in folder: String) throws -> Bool {
        var info = stat()
        guard lstat(path(name, in: folder), &info) == 0 else { return false }
        if info.st_mode & S_IFMT == S_IFLNK {
            throw DocumentError.output(
                id: "\(path(name, in: folder)) adalah tautan simbolik; ditolak (sasarannya tidak pernah ditimpa)",
                en: "\(path(name, in: folder)) is a symbolic link; refused (its target is never overwritten)")
        }
        return true
    }

    private static func uniqueName(for name: String, tag: String, in folder: String) throws -> String {
        for _ in 0..<100 {
            let candidate = ".\(name).\(tag)-\(UInt32.random(in: 0...UInt32.max))"
            var info = stat()
            if lstat(path(candidate, in: folder), &info) != 0 { return candidate }
        }
        throw DocumentError.output(id: "\(folder): tidak ada nama sementara yang bebas untuk \(name)",
                                   en: "\(folder): no free temporary name for \(name)")
    }

    /// A new file (never an existing one, never through a symlink), mode 0600; synced at `commit`.
    private static func writeTemporary(_ name: String, _ bytes: [UInt8], in folder: String) throws -> String {
        let temp = try uniqueName(for: name, tag: "tmp", in: folder)
        let fd = open(path(temp, in: folder), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        try check(fd >= 0, .create, temp, in: folder)
        defer { close(fd) }
        fchmod(fd, 0o600)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else {
                let error = failure(.write, temp, in: folder)
                unlink(path(temp, in: folder))
                throw error
            }
            offset += written
        }
        return temp
    }

    private static func move(_ from: String, _ to: String, in folder: String) throws {
        try check(rename(path(from, in: folder), path(to, in: folder)) == 0, .move, to, in: folder)
    }

    private static func check(_ ok: Bool, _ what: FileOperation, _ name: String, in folder: String? = nil) throws {
        guard !ok else { return }
        throw failure(what, name, in: folder)
    }

    private static func failure(_ what: FileOperation, _ name: String, in folder: String?) -> DocumentError {
        let file = folder.map { path(name, in: $0) } ?? name, reason = String(cString: strerror(errno))
        return .output(id: "\(what.text.id) \(file): \(reason)", en: "\(what.text.en) \(file): \(reason)")
    }

    /// The folder already holds files of the document, and `--replace` was not given.
    private static func alreadyHeld(_ names: [String], in folder: String) -> DocumentError {
        let held = names.joined(separator: ", ")
        return .output(
            id: "\(folder) sudah berisi \(held) dari dokumen ini; pakai --replace untuk menggantinya, atau --out lain",
            en: "\(folder) already holds \(held) of this document; use --replace to replace them, or another --out")
    }

    /// What could not be done to a file, said in both languages.
    private enum FileOperation {
        case open, sync, read, syncFileSystem, create, write, move

        var text: (id: String, en: String) {
            switch self {
            case .open: return ("tidak dapat membuka", "cannot open")
            case .sync: return ("tidak dapat menyimpan ke disk", "cannot sync")
            case .read: return ("tidak dapat membaca", "cannot read")
            case .syncFileSystem:
                return ("tidak dapat menyimpan ke disk sistem berkas", "cannot sync the file system of")
            case .create: return ("tidak dapat membuat", "cannot create")
            case .write: return ("tidak dapat menulis", "cannot write")
            case .move: return ("tidak dapat memindahkan ke tempatnya", "cannot move into place")
            }
        }
    }
}

#if os(Linux)
    /// glibc declares syncfs(2) only under _GNU_SOURCE, which the Glibc module is not built with: it is
    /// looked up by name and called through its C signature (glibc has had it since 2.14; were it missing,
    /// the batch would fail with ENOSYS rather than claim its files are on disk).
    private func syncfs(_ fd: Int32) -> Int32 {
        typealias SyncFS = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else {
            errno = ENOSYS
            return -1
        }
        return unsafeBitCast(symbol, to: SyncFS.self)(fd)
    }
#endif
