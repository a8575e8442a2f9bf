import Foundation
import SeleksiCore
import SeleksiStore

/// What a person needs to read an instance rather than its JSON: the definitions it runs on (labels,
/// choices), the machine's proposals with the label of their value, and its attachments with their
/// hashes verified against the copy the engine keeps and the file on disk.
extension Engine {
    /// The workflow and forms an instance runs on (the versions it started with).
    public func definitions(of id: Int64) throws -> (workflow: WorkflowDefinition, forms: [String: FormDefinition]) {
        try wrap {
            let r = try requireInstance(id)
            var forms: [String: FormDefinition] = [:]
            for (f, hash) in r.formHashes { forms[f] = try form(hash: hash) }
            return (try workflow(hash: r.workflowHash), forms)
        }
    }

    /// A variable that proposes the answer to a field a person fills (`proposes="form.field"`).
    public struct Proposal: Sendable {
        public let variable: String
        public let label: LocalizedText
        public let value: Value
        /// The label of the value among the field's choices (`Tidak memenuhi syarat` for `tidak_memenuhi`).
        public let valueLabel: LocalizedText?
        public let reasons: String?
        public let form: String
        public let field: String
    }

    /// The proposals an instance carries now, in the workflow's order (none while a value is unset).
    public func proposals(of id: Int64) throws -> [Proposal] {
        try wrap {
            let r = try requireInstance(id)
            let w = try workflow(hash: r.workflowHash)
            var out: [Proposal] = []
            for v in w.variables {
                guard let target = v.proposedField, let value = r.variables[v.id], !value.isNull else { continue }
                var valueLabel: LocalizedText?
                if let hash = r.formHashes[target.form] {
                    let form = try form(hash: hash)
                    let field = form.allFields.first { $0.path == target.field }?.field
                    let list = field?.choices.flatMap { form.choiceLists[$0] }
                    valueLabel = list?.choices.first { $0.value == value.displayText }?.label
                }
                let reasons = v.because.flatMap { r.variables[$0] }.map(\.displayText).flatMap { $0.isEmpty ? nil : $0 }
                out.append(Proposal(variable: v.id, label: v.label ?? LocalizedText(id: v.id), value: value, valueLabel: valueLabel,
                                    reasons: reasons, form: target.form, field: target.field))
            }
            return out
        }
    }

    /// One attachment of an instance's forms, checked.
    public struct AttachmentCheck: Sendable {
        public let form: String
        /// The field's label (`Pindaian KTP`), with the row for a repeat group.
        public let label: LocalizedText
        public let path: String
        public let size: Int?
        public let sha256: String
        /// The copy kept in the database hashes to `sha256` (nil: no copy kept).
        public let storedCopyMatches: Bool?
        /// The file at `path` (under the attachment folder) hashes to `sha256` (nil: no such file).
        public let fileMatches: Bool?
        /// Where the file is, when it is there.
        public let filePath: String?
    }

    /// Every attachment in the instance's latest forms, each hash checked against the stored copy and
    /// the file on disk (read relative to `attachments.folder`).
    public func checkAttachments(of id: Int64) throws -> [AttachmentCheck] {
        try wrap {
            let r = try requireInstance(id)
            var out: [AttachmentCheck] = []
            for (formID, data) in try latestForms(of: id).sorted(by: { $0.key < $1.key }) {
                guard let hash = r.formHashes[formID] else { continue }
                let form = try form(hash: hash)
                for (path, field) in form.allFields where field.type == .attachment {
                    let parts = path.split(separator: ".").map(String.init)
                    var values: [(Value, String)] = []
                    if parts.count == 1, let v = data[parts[0]] { values = [(v, "")] }
                    if parts.count == 2, case .list(let rows)? = data[parts[0]] {
                        for (i, row) in rows.enumerated() { if case .record(let cells) = row, let v = cells[parts[1]] { values.append((v, " (\(i + 1))")) } }
                    }
                    for (value, row) in values {
                        guard case .record(let a) = value, case .string(let name)? = a["path"], case .string(let hex)? = a["sha256"] else { continue }
                        out.append(try check(name: name, hex: hex, size: a["size"], form: formID,
                                             label: LocalizedText(id: field.label.id + row, en: field.label.text(.en) + row)))
                    }
                }
            }
            return out
        }
    }

    private func check(name: String, hex: String, size: Value?, form: String, label: LocalizedText) throws -> AttachmentCheck {
        var stored: Bool?
        if let digest = Hash256(hex: hex), let bytes = try store.blob(digest) { stored = Hash256.of(bytes) == digest }
        var onDisk: Bool?
        var filePath: String?
        if case .success(let evidence) = attachments.read(name) {
            onDisk = evidence.digest.hex == hex
            filePath = name.hasPrefix("/") ? name : (attachments.folder as NSString).appendingPathComponent(name)
        }
        let bytes: Int? = if case .number(let n)? = size { Int(n) } else { nil }
        return AttachmentCheck(form: form, label: label, path: name, size: bytes, sha256: hex, storedCopyMatches: stored, fileMatches: onDisk,
                               filePath: filePath)
    }

    /// Writes the stored copy of an attachment to a new file in `folder` (named by its hash and original
    /// name) and returns the file's path; refuses a copy whose bytes no longer match their hash.
    public func exportAttachment(sha256 hex: String, name: String, to folder: String = NSTemporaryDirectory()) throws -> String {
        try wrap {
            guard let digest = Hash256(hex: hex), let bytes = try store.blob(digest) else {
                throw EngineError.input("tidak ada salinan tersimpan untuk sha256 \(hex.prefix(16))… (no stored copy)")
            }
            guard Hash256.of(bytes) == digest else {
                throw EngineError.auditBroken("salinan tersimpan \(hex.prefix(16))… tidak cocok dengan hash-nya; jalankan `seleksi audit verify`")
            }
            let base = (name as NSString).lastPathComponent.filter { $0.isLetter || $0.isNumber || "._-".contains($0) }
            let path = (folder as NSString).appendingPathComponent("seleksi-\(hex.prefix(12))-\(base.isEmpty ? "lampiran" : base)")
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                throw EngineError.input("tidak dapat menulis \(path) (cannot write)")
            }
            return path
        }
    }
}
