import SeleksiCore
import SeleksiStore

extension Engine {
    /// Validates and stores a form for an instance without firing an event (a draft, or a rater's
    /// sheet sent ahead of the event that needs it). Audited, accepted or refused.
    @discardableResult
    public func submit(instance id: Int64, form formID: String, answers: [String: Value], actor: String, now: Timestamp) throws -> String {
        let request = FireRequest(instance: id, event: "submit:\(formID)", actor: actor, forms: [formID: answers])
        return try wrap {
            do {
                return try db.transaction {
                    guard let record = try instance(id) else {
                        throw CommandRefused(refusal: Refusal(.unknownInstance, LocalizedText(id: "tidak ada instans #\(id)", en: "no instance #\(id)")), violations: [])
                    }
                    let w = try workflow(hash: record.workflowHash)
                    let held = try actorExists(actor) ? try roles(of: actor, for: record, in: w) : []
                    let workflowRoles = Set(w.roles.map(\.id))
                    guard !held.isDisjoint(with: workflowRoles) else {
                        throw CommandRefused(refusal: Refusal(.roleMissing, LocalizedText(
                            id: "\(actor) tidak memegang peran apa pun di instans #\(id) (\(w.id))", en: "\(actor) holds no role in instance #\(id)")),
                            violations: [], instance: id, from: record.state)
                    }
                    if w.state(record.state)?.isFinal == true {
                        throw CommandRefused(refusal: Refusal(.notAllowedInState, LocalizedText(
                            id: "instans #\(id) sudah berstatus akhir '\(record.state)'", en: "instance #\(id) is in final state '\(record.state)'")),
                            violations: [], instance: id, from: record.state)
                    }
                    guard let formHash = record.formHashes[formID] else {
                        throw CommandRefused(refusal: Refusal(.invalidSubmission, LocalizedText(
                            id: "alur \(w.id) tidak memakai formulir '\(formID)'; formulirnya: \(record.formHashes.keys.sorted().joined(separator: ", "))",
                            en: "workflow \(w.id) does not use form '\(formID)'")), violations: [], instance: id, from: record.state)
                    }
                    let filler: Filler = held.contains { w.role($0)?.scope != .owner } ? .rater : .applicant
                    if try form(hash: formHash).independentRatings, try hasSubmitted(formID, instance: id, actor: actor) {
                        throw CommandRefused(refusal: Refusal(.alreadySubmitted, LocalizedText(
                            id: "\(actor) sudah menyerahkan '\(formID)' untuk instans #\(id); penilaian hanya sekali",
                            en: "\(actor) has already submitted '\(formID)' for instance #\(id)")), violations: [], instance: id, from: record.state)
                    }
                    let outcome = FormValidator(try form(hash: formHash), reference: try referenceTables()).validate(answers, filler: filler, today: now.date, resolveAttachment: Attachments.resolver)
                    let json = Value.record(outcome.data).canonicalJSON
                    let hash = Hashing.sha256Hex(json)
                    if !outcome.isValid {
                        throw CommandRefused(refusal: Refusal(.invalidSubmission, LocalizedText(
                            id: "formulir tidak sah: \(outcome.violations.count) kesalahan", en: "invalid form: \(outcome.violations.count) problem(s)")),
                            violations: outcome.violations, instance: id, from: record.state, dataHash: hash)
                    }
                    try storeSubmissions([formID: outcome.data], record: record, actor: actor, now: now)
                    try audit.append(AuditRecord(at: now.seconds, actor: actor, role: held.sorted().first, instance: id, command: "submit",
                                                 event: formID, from: record.state, to: record.state, outcome: "accepted", dataHash: hash))
                    return hash
                }
            } catch let refused as CommandRefused {
                try auditRefusal(refused, command: "submit", request: request, now: now)
                throw EngineError.refused(refused.refusal, violations: refused.violations)
            }
        }
    }

    /// Recomputes the audit chain; throws `auditBroken` naming the first bad row.
    public func verifyAudit() throws -> AuditLog.Verification {
        let v = try wrap { try audit.verify() }
        if let broken = v.firstBroken {
            throw EngineError.auditBroken("log audit rusak pada baris \(broken.seq): \(broken.problem) (audit log broken at row \(broken.seq))")
        }
        return v
    }
}
