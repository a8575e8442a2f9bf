import Crypto
import Foundation
import SeleksiCore
import SeleksiStore

/// Resolves an attachment answer (a file path) into `{path, sha256, size}`: the file must exist, and
/// its hash is what the submission records, so a later change to the file is detectable.
public enum Attachments {
    static let maxBytes = 50 * 1024 * 1024

    public static let resolver: FieldCoercion.AttachmentResolver = { path in
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .failure(.init(LocalizedText(id: "berkas '\(path)' tidak ada", en: "file '\(path)' does not exist")))
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            return .failure(.init(LocalizedText(id: "berkas '\(path)' tidak dapat dibaca", en: "file '\(path)' cannot be read")))
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            size += chunk.count
            if size > maxBytes {
                return .failure(.init(LocalizedText(id: "berkas '\(path)' lebih dari 50 MB", en: "file '\(path)' is over 50 MB")))
            }
            hasher.update(data: chunk)
        }
        let digest = Hashing.sha256Hex(Array(hasher.finalize()))
        return .success(.record(["path": .string(url.standardizedFileURL.path), "sha256": .string(digest), "size": .number(Double(size))]))
    }
}

extension Engine {
    /// The resolver the CLI hands to form validation: reads and hashes the named file.
    public static var attachmentResolver: FieldCoercion.AttachmentResolver { Attachments.resolver }
}
