import Foundation
import SeleksiCore
import SeleksiStore

extension Engine {
    /// One attachment of an instance's latest forms, with what was kept and what the disk holds now.
    public struct AttachmentInfo: Sendable {
        public enum OnDisk: String, Sendable {
            /// The file at the recorded path has the recorded hash.
            case same
            /// The file is there but its bytes differ: it was changed after it was submitted.
            case changed
            /// No readable file at the recorded path (moved, deleted, or another machine).
            case missing
        }
        public let form: String
        public let field: String
        public let name: String
        public let sha256: String
        public let size: Int
        /// Whether the database holds the original bytes (and they still have their hash).
        public let kept: Bool
        public let onDisk: OnDisk
    }

    /// The attachments an instance's latest forms name, each checked against the kept copy and the disk.
    public func attachments(of id: Int64) throws -> [AttachmentInfo] {
        try wrap {
            _ = try requireInstance(id)
            var out: [AttachmentInfo] = []
            for (form, data) in try latestForms(of: id).sorted(by: { $0.key < $1.key }) {
                for (field, record) in Engine.attachmentValues(in: data) {
                    guard case .string(let hex)? = record["sha256"], let hash = Hash256(hex: hex) else { continue }
                    let name = record["path"]?.displayText ?? ""
                    let kept = try store.blob(hash).map { Hash256.of($0) == hash } ?? false
                    let size = record["size"].flatMap { if case .number(let n) = $0 { return Int(exactly: n) } else { return nil } } ?? 0
                    out.append(AttachmentInfo(form: form, field: field, name: name, sha256: hex, size: size, kept: kept,
                                              onDisk: diskState(name, expected: hash)))
                }
            }
            return out
        }
    }

    /// The original bytes of an attachment, as kept when it was submitted.
    public func attachmentBytes(sha256 hex: String) throws -> [UInt8]? {
        guard let hash = Hash256(hex: hex) else { throw EngineError.input("'\(hex)' bukan SHA-256 (64 digit heksadesimal)") }
        return try wrap { try store.blob(hash) }.flatMap { Hash256.of($0) == hash ? $0 : nil }
    }

    private func diskState(_ name: String, expected: Hash256) -> AttachmentInfo.OnDisk {
        switch attachments.read(name) {
        case .success(let evidence): return evidence.digest == expected ? .same : .changed
        case .failure: return .missing
        }
    }

    /// Attachment records (`{path, sha256, size}`) in form data, with the field's path.
    static func attachmentValues(in data: [String: Value]) -> [(String, [String: Value])] {
        var out: [(String, [String: Value])] = []
        func walk(_ v: Value, _ path: String) {
            switch v {
            case .record(let r):
                if r["sha256"] != nil, r["path"] != nil { out.append((path, r)); return }
                for key in r.keys.sorted() { walk(r[key]!, path.isEmpty ? key : "\(path).\(key)") }
            case .list(let l):
                for (i, item) in l.enumerated() { walk(item, "\(path)[\(i + 1)]") }
            default: return
            }
        }
        for key in data.keys.sorted() { walk(data[key]!, key) }
        return out
    }
}
