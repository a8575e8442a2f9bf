import Crypto
import Foundation
import SeleksiCore
import SeleksiStore

/// Attachments are evidence: the engine reads the named file itself (a regular file inside the
/// attachment folder, at most 50 MB), hashes its bytes (plain SHA-256, as `sha256sum` prints it) and
/// keeps a copy in the database by that hash, so a file swapped later is detected and the original
/// can still be shown. A hash is never taken from input.
public struct Attachments: Sendable {
    public static let maxBytes = 50 * 1024 * 1024

    /// Paths are read relative to this folder, and must resolve inside it (symbolic links included).
    public let folder: String

    public init(folder: String = FileManager.default.currentDirectoryPath) {
        self.folder = (folder as NSString).standardizingPath
    }

    /// One file read and hashed.
    public struct Evidence: Sendable {
        public let name: String
        public let digest: Hash256
        public let bytes: [UInt8]

        /// What a submission stores for the field.
        public var value: Value {
            .record(["path": .string(name), "sha256": .string(digest.hex), "size": .number(Double(bytes.count))])
        }
    }

    /// Reads and hashes `path`; a message a user can act on when it cannot be evidence.
    public func read(_ path: String) -> Result<Evidence, FieldCoercion.AttachmentProblem> {
        func fail(_ id: String, _ en: String) -> Result<Evidence, FieldCoercion.AttachmentProblem> {
            .failure(.init(LocalizedText(id: id, en: en)))
        }
        let full = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
        guard let resolved = realpath(full, nil) else {
            return fail("berkas '\(path)' tidak ada", "file '\(path)' does not exist")
        }
        let real = String(cString: resolved)
        free(resolved)
        let root = realpath(folder, nil).map { p in defer { free(p) }; return String(cString: p) } ?? folder
        guard real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            return fail("berkas '\(path)' berada di luar folder lampiran \(root) (tautan atau jalur ke luar); salin ke dalamnya "
                        + "atau pakai --attachments FOLDER",
                        "file '\(path)' lies outside the attachment folder \(root); copy it in or use --attachments FOLDER")
        }
        var bytes: [UInt8] = []
        do {
            try SafeFile.stream(real, limit: Attachments.maxBytes, what: "lampiran") { bytes.append(contentsOf: $0) }
        } catch let e as EngineError {
            return .failure(.init(LocalizedText(id: e.message(.id), en: e.message(.en))))
        } catch {
            return fail("berkas '\(path)' tidak dapat dibaca", "file '\(path)' cannot be read")
        }
        return .success(Evidence(name: path, digest: Hash256.of(bytes), bytes: bytes))
    }

    /// A resolver for form validation at a terminal prompt: reads the file at once.
    public var resolver: FieldCoercion.AttachmentResolver {
        let attachments = self
        return { path in attachments.read(path).map(\.value) }
    }
}

/// Attachments read before a command's transaction opens, by the path the answers give.
struct PreparedAttachments {
    var byPath: [String: Attachments.Evidence] = [:]
    var problems: [String: FieldCoercion.AttachmentProblem] = [:]

    /// The resolver validation uses inside the transaction: no I/O, only what was read before.
    var resolver: FieldCoercion.AttachmentResolver {
        let byPath = byPath, problems = problems
        return { path in
            if let e = byPath[path] { return .success(e.value) }
            return .failure(problems[path] ?? .init(LocalizedText(id: "lampiran '\(path)' tidak terbaca", en: "attachment '\(path)' was not read")))
        }
    }

    var blobs: [(hash: Hash256, bytes: [UInt8])] { byPath.values.map { ($0.digest, $0.bytes) } }
}

extension Engine {
    /// Reads and hashes a file named at a terminal prompt, relative to the current folder.
    public static var attachmentResolver: FieldCoercion.AttachmentResolver { Attachments().resolver }
}
