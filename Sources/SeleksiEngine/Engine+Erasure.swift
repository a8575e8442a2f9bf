import SeleksiCore
import SeleksiStore

extension Engine {
    /// What an erasure removed.
    public struct ErasureReport: Sendable {
        public let instance: Int64
        /// Field paths erased, per form (`tb_portofolio.alamat`, `tb_portofolio.pengalaman[1].…`).
        public let fields: [String]
        public let submissions: Int
        /// Attachment copies dropped (a copy another instance still uses is kept).
        public let attachments: Int
    }

    /// The text that replaces erased personal data.
    public static let erasedMarker = "[dihapus]"

    /// Erases an applicant's personal data on request: every personal field (NIK, NPWP, phone, e-mail,
    /// and fields marked `personal`) in every version of the instance's forms, and the kept copies of
    /// its attachments. The chain stays verifiable: each submission keeps the SHA-256 of what was
    /// submitted, and the erasure's audit row records the new texts' hashes and which fields went.
    /// Only for an instance in a final state, by someone holding an office role of its workflow there.
    @discardableResult
    public func erasePersonalData(instance id: Int64, actor: String, reason: String, now: Timestamp) throws -> ErasureReport {
        try runCommand("erase", actor: actor, event: "\(id)", now: now) { now in
            guard let record = try store.instance(id) else { throw unknownInstance(id) }
            let w = try workflow(hash: record.workflowHash)
            try requireEraser(actor, record: record, workflow: w, reason: reason, now: now)
            var rewritten: [(id: Int64, data: String)] = []
            var fields: Set<String> = []
            var hashes: Set<Hash256> = []
            for version in try store.submissionVersions(instance: id, form: nil) {
                let form = try form(hash: version.formHash)
                var data = JSONBridge.storedRecord(version.data)
                let erased = Engine.erasePersonal(in: &data, form: form, attachments: &hashes)
                guard !erased.isEmpty else { continue }
                fields.formUnion(erased.map { "\(version.formID).\($0)" })
                rewritten.append((version.id, Value.record(data).canonicalJSON))
            }
            guard !rewritten.isEmpty else {
                throw CommandRefused(.notPermitted, "instans #\(id) tidak menyimpan data pribadi (lagi)", "instance #\(id) holds no personal data",
                                     instance: id, from: record.state)
            }
            let dropped = try hashes.filter { try !store.blobUsed($0, outside: id) }
            var write = CommandWrite(audit: AuditRecord(at: now.seconds, actor: actor, osUser: osUser, command: "erase", event: "\(id)",
                                                        outcome: "accepted",
                                                        reason: "\(reason) — dihapus: \(fields.sorted().joined(separator: ", "))"))
            write.directory = .erasure(instance: id, submissions: rewritten, dropBlobs: Array(dropped))
            try store.commit(write)
            submissionCache.removeAll()
            return ErasureReport(instance: id, fields: fields.sorted(), submissions: rewritten.count, attachments: dropped.count)
        }
    }

    private func requireEraser(_ actor: String, record: InstanceRecord, workflow w: WorkflowDefinition, reason: String, now: Timestamp) throws {
        guard try actorExists(actor) else { throw unknownActor(actor) }
        guard w.state(record.state)?.isFinal == true else {
            throw CommandRefused(.notAllowedInState, "instans #\(record.id) masih berjalan (status \(record.state)); hapus data pribadi setelah status akhir",
                                 "instance #\(record.id) is still running; erase personal data once it is in a final state",
                                 instance: record.id, from: record.state)
        }
        let office = try roles(of: actor, in: record.org, at: now).filter { w.role($0)?.scope == .organisation }
        guard !office.isEmpty else {
            throw CommandRefused(.roleMissing, "\(actor) tidak memegang peran kantor pada alur \(w.id) di \(record.org)",
                                 "\(actor) holds no office role of workflow \(w.id) in \(record.org)", instance: record.id, from: record.state)
        }
        guard !reason.trimmingSpaces.isEmpty else {
            throw CommandRefused(.reasonRequired, "penghapusan data pribadi memerlukan alasan tertulis (mis. nomor surat permohonan)",
                                 "erasing personal data needs a written reason (e.g. the request's letter number)",
                                 instance: record.id, from: record.state)
        }
    }

    /// Replaces the personal fields of one form's data; returns the paths erased and collects the
    /// attachments' hashes.
    static func erasePersonal(in data: inout [String: Value], form: FormDefinition, attachments: inout Set<Hash256>) -> [String] {
        var erased: [String] = []
        eachField(of: form, in: &data) { f, value, path in
            if f.type == .attachment, case .record(var r) = value {
                if case .string(let hex)? = r["sha256"], let h = Hash256(hex: hex) { attachments.insert(h) }
                guard r["path"] != .string(erasedMarker) else { return }
                r["path"] = .string(erasedMarker)
                value = .record(r)
                erased.append(path)
            } else if f.personal, value != .string(erasedMarker) {
                value = .string(erasedMarker)
                erased.append(path)
            }
        }
        return erased
    }

    /// What `show` prints instead of a personal value unless personal data is asked for.
    public static let personalMask = "[data pribadi]"

    /// Hides the personal fields (NIK, NPWP, phone, e-mail, fields marked `personal`) of one form's data
    /// from a viewer who did not ask for them; empty and erased values stay as they are.
    static func maskPersonal(in data: inout [String: Value], form: FormDefinition) {
        eachField(of: form, in: &data) { f, value, _ in
            guard f.personal, !value.isNull, value != .string(erasedMarker) else { return }
            value = .string(personalMask)
        }
    }

    /// Calls `body` with every answered field of the data, top-level and in each row of a repeat group,
    /// with its path as messages write it (`pengalaman[2].mulai`).
    static func eachField(
        of form: FormDefinition, in data: inout [String: Value], _ body: (FieldDefinition, inout Value, String) -> Void
    ) {
        for item in form.items {
            switch item {
            case .field(let f):
                guard var v = data[f.id] else { continue }
                body(f, &v, f.id)
                data[f.id] = v
            case .repeatGroup(let g):
                guard case .list(var rows)? = data[g.id] else { continue }
                for i in rows.indices {
                    guard case .record(var cells) = rows[i] else { continue }
                    for f in g.fields { if var v = cells[f.id] { body(f, &v, "\(g.id)[\(i + 1)].\(f.id)"); cells[f.id] = v } }
                    rows[i] = .record(cells)
                }
                data[g.id] = .list(rows)
            }
        }
    }
}
