import SeleksiCore
import SeleksiStore

/// The forms that come with a `fire`: validated against the instance's versions of them, allowed only
/// when the event's transition requires them, and written as new versions (never over old ones).
struct ValidatedForms {
    var data: [String: [String: Value]] = [:]
    var writes: [NewSubmission] = []
    /// SHA-256 of every form as submitted, for the audit row of a refusal (never the data itself).
    var dataHash: Hash256?
    /// The attachments the forms name, by path.
    var attachmentPaths: Set<String> = []
}

extension Engine {
    /// 2. Validate the forms; nothing is stored unless all are valid and the event may carry them.
    /// `ahead`: what a batch validated on its second thread, used where its guess of the form's version
    /// holds (see `ValidationAhead`).
    func validateFireForms(_ request: FireRequest, _ load: FireLoad, files: PreparedAttachments, now: Timestamp,
                           ahead: ValidationAhead.Request = .init()) throws -> ValidatedForms {
        let record = load.record, w = load.workflow
        var out = ValidatedForms()
        // An event not allowed here is refused as such by the transition function, before any form is read.
        guard !load.candidates.isEmpty else { return out }
        var violations: [Violation] = []
        var written: [String: String] = [:]
        var allAhead = ahead.forms.count == request.forms.count
        let allowed = Set(load.candidates.flatMap(\.requiredForms))
        for (formID, raw) in request.forms.sorted(by: { $0.key < $1.key }) {
            guard let formHash = record.formHashes[formID] else {
                throw CommandRefused(.invalidSubmission,
                    "alur \(w.id) tidak memakai formulir '\(formID)'; formulirnya: \(record.formHashes.keys.sorted().joined(separator: ", "))",
                    "workflow \(w.id) does not use form '\(formID)'", instance: record.id, from: record.state)
            }
            guard allowed.contains(formID) else {
                throw CommandRefused(.notPermitted,
                    "formulir '\(formID)' bukan bagian dari peristiwa '\(request.event)' pada status '\(record.state)'"
                        + (allowed.isEmpty ? "" : "; peristiwa ini memerlukan: \(allowed.sorted().joined(separator: ", "))")
                        + "; untuk mengoreksi isian pakai `seleksi correct`",
                    "form '\(formID)' is not part of event '\(request.event)' in state '\(record.state)'; to correct answers use `seleksi correct`",
                    instance: record.id, from: record.state)
            }
            let form = try form(hash: formHash)
            let filler: Filler = load.held.contains { w.role($0)?.scope != .owner } ? .rater : .applicant
            let early = ahead.form(formID, version: formHash, filler: filler, definition: form)
            allAhead = allAhead && early != nil
            let outcome = try early?.outcome ?? FormValidator(form, reference: referenceTables())
                .validate(raw, filler: filler, today: now.date, resolveAttachment: files.resolver)
            violations += outcome.violations.map { Violation(path: "\(formID).\($0.path)", message: $0.message) }
            out.data[formID] = outcome.data
            out.attachmentPaths.formUnion(Engine.attachmentPaths(in: outcome.data))
            var version = try newVersion(of: formID, form: form, hash: formHash, data: outcome.data, request: request,
                                         record: record)
            // Each form's canonical JSON is made once: the store writes it, the audit row's hash covers it.
            let canonical = early?.canonical ?? CanonicalData(of: outcome.data)
            version.canonical = canonical
            written[formID] = canonical.json
            out.writes.append(version)
        }
        if !written.isEmpty {
            // Every form as validated ahead: the hash made there is over these very texts.
            out.dataHash = (allAhead ? ahead.dataHash : nil) ?? Hash256.of(Value.canonicalRecord(ofMemberJSON: written))
            assert(out.dataHash == Hash256.of(Value.canonicalRecord(ofMemberJSON: written)),
                   "the forms' hash made ahead is not the hash of the forms written")
        }
        if !violations.isEmpty {
            throw CommandRefused(refusal: Refusal(.invalidSubmission, LocalizedText(
                id: "formulir tidak sah: \(violations.count) kesalahan", en: "invalid form: \(violations.count) problem(s)")),
                violations: violations, instance: record.id, from: record.state, dataHash: out.dataHash)
        }
        return out
    }

    /// The first version of a form, or — when one exists — a correction, which needs a written reason.
    /// A rater's sheet is his own: a second one from him is refused (`seleksi correct` amends it).
    private func newVersion(of formID: String, form: FormDefinition, hash: String, data: [String: Value], request: FireRequest,
                            record: InstanceRecord) throws -> NewSubmission {
        if form.independentRatings {
            if let mine = try store.latestSubmission(instance: record.id, form: formID, actor: request.actor), mine.kind != .withdraw {
                throw CommandRefused(.alreadySubmitted,
                    "\(request.actor) sudah menyerahkan '\(formID)' untuk instans #\(record.id); penilaian hanya sekali "
                        + "(ubah dengan `seleksi correct` dan alasan tertulis)",
                    "\(request.actor) has already submitted '\(formID)' for instance #\(record.id); amend it with `seleksi correct`",
                    instance: record.id, from: record.state)
            }
            return NewSubmission(formID: formID, formHash: hash, actor: request.actor, kind: .submit, data: data)
        }
        let exists = try store.latestSubmissionIDs(instance: record.id)[formID] != nil
        if exists && (request.reason ?? "").trimmingSpaces.isEmpty {
            throw CommandRefused(.reasonRequired,
                "formulir '\(formID)' sudah ada untuk instans #\(record.id); versi baru adalah koreksi dan memerlukan alasan (--reason)",
                "form '\(formID)' already exists for instance #\(record.id); a new version is a correction and needs a reason (--reason)",
                instance: record.id, from: record.state)
        }
        return NewSubmission(formID: formID, formHash: hash, actor: request.actor, kind: exists ? .correct : .submit,
                             reason: exists ? request.reason : nil, data: data)
    }

    /// Keys the accepted event claims (one application per NIK per round); a key another instance
    /// holds refuses the command with the rule's message.
    func uniqueClaims(_ request: FireRequest, _ load: FireLoad, forms: ValidatedForms,
                      variables: [String: Value]) throws -> [(scope: Int64, name: String, valueHash: Hash256)] {
        let record = load.record
        var claims: [(scope: Int64, name: String, valueHash: Hash256)] = []
        for rule in load.workflow.uniqueRules where rule.event == request.event {
            // A key reads what a guard reads (`org`, `parent`, …), not only the instance's own data: a
            // key per organisation or per parent's zone must not silently lose its second half. Only the
            // names the key reads are loaded (an applicant's NIK needs neither his ratings nor his parent).
            let snapshot = InstanceSnapshot(id: record.id, state: record.state, variables: variables,
                                            forms: try latestForms(of: record.id).merging(forms.data) { $1 },
                                            context: try context(
                                                for: record, in: load.workflow, actor: request.actor,
                                                now: Timestamp(seconds: record.updatedAt), withVotes: false,
                                                names: Set(rule.key.paths.map { $0.path[0] })))
            let context = EvaluationContext(scopes: [snapshot.scope(actor: request.actor)], today: Timestamp(seconds: record.updatedAt).date,
                                            reference: try referenceTables())
            let value: Value
            do { value = try Evaluator.evaluate(rule.key, in: context) } catch {
                throw CommandRefused(.expressionFailed, "kunci unik '\(rule.name)' gagal dihitung: \(error)",
                                     "unique key '\(rule.name)' failed: \(error)", instance: record.id, from: record.state)
            }
            guard !value.isEmpty else { continue }
            let scope = rule.scope == .parent ? (record.parent ?? 0) : 0
            let hash = Hash256.of("\(rule.name)\u{1F}\(value.canonicalJSON)")
            if let holder = try store.uniqueKeyHolder(scope: scope, name: rule.name, valueHash: hash) {
                if holder == record.id { continue }
                throw CommandRefused(refusal: Refusal(.duplicateKey, LocalizedText(
                    id: "\(rule.message.id) (sudah dipakai instans #\(holder))", en: "\(rule.message.text(.en)) (already held by instance #\(holder))")),
                    instance: record.id, from: record.state, dataHash: forms.dataHash)
            }
            claims.append((scope, rule.name, hash))
        }
        return claims
    }

    /// Paths of attachment values in canonical form data (records with `sha256`), at any depth.
    static func attachmentPaths(in data: [String: Value]) -> Set<String> {
        var out: Set<String> = []
        func walk(_ v: Value) {
            switch v {
            case .record(let r):
                if case .string(let p)? = r["path"], r["sha256"] != nil { out.insert(p) } else { r.values.forEach(walk) }
            case .list(let l): l.forEach(walk)
            default: break
            }
        }
        data.values.forEach(walk)
        return out
    }
}

extension PreparedAttachments {
    /// The bytes of the attachments these forms name, to keep by their hash.
    func blobs(for forms: ValidatedForms) -> [(hash: Hash256, bytes: [UInt8])] {
        forms.attachmentPaths.sorted().compactMap { path in byPath[path].map { ($0.digest, $0.bytes) } }
    }
}

extension Engine {
    /// Reads every attachment the requests' forms name, before any transaction opens. A path that
    /// cannot be read is remembered as a problem, which validation then reports on its field.
    func prepareAttachments(_ requests: [FireRequest]) throws -> PreparedAttachments {
        var prepared = PreparedAttachments()
        for request in requests where !request.forms.isEmpty {
            guard let record = try wrap({ try store.instance(request.instance) }) else { continue }
            for (formID, raw) in request.forms {
                guard let hash = record.formHashes[formID], let form = try? self.form(hash: hash) else { continue }
                for path in Engine.attachmentAnswers(raw, form: form) where prepared.byPath[path] == nil && prepared.problems[path] == nil {
                    switch attachments.read(path) {
                    case .success(let evidence): prepared.byPath[path] = evidence
                    case .failure(let problem): prepared.problems[path] = problem
                    }
                }
            }
        }
        return prepared
    }

    /// The paths typed in a form's attachment fields (top level and in repeat rows).
    static func attachmentAnswers(_ raw: [String: Value], form: FormDefinition) -> [String] {
        var out: [String] = []
        for id in form.attachmentFields.fields {
            if case .string(let p)? = raw[id], !p.isEmpty { out.append(p) }
        }
        for (group, fields) in form.attachmentFields.groups {
            guard case .list(let rows)? = raw[group] else { continue }
            for row in rows {
                guard case .record(let cells) = row else { continue }
                for id in fields {
                    if case .string(let p)? = cells[id], !p.isEmpty { out.append(p) }
                }
            }
        }
        return out
    }
}
