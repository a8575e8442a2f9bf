import SeleksiCore
import SeleksiStore

/// Writing a form outside a transition: only as the workflow's `<submissions>` rules allow, each
/// write a new version (a correction or withdrawal with its reason), audited accepted or refused.
extension Engine {
    public struct SubmitRequest {
        public let instance: Int64
        public let form: String
        public let action: SubmissionRule.Action
        public let answers: [String: Value]
        public let actor: String
        public let reason: String?
        public let signer: SigningKey?

        public init(instance: Int64, form: String, action: SubmissionRule.Action = .submit, answers: [String: Value] = [:], actor: String,
                    reason: String? = nil, signer: SigningKey? = nil) {
            self.instance = instance
            self.form = form
            self.action = action
            self.answers = answers
            self.actor = actor
            self.reason = reason
            self.signer = signer
        }
    }

    /// Submits, corrects or withdraws a form; returns the SHA-256 of the version written.
    @discardableResult
    public func submit(_ request: SubmitRequest, now: Timestamp) throws -> String {
        let asFire = FireRequest(instance: request.instance, event: request.action.rawValue, actor: request.actor,
                                 forms: [request.form: request.answers])
        let files = try prepareAttachments([asFire])
        return try runCommand(request.action.rawValue, actor: request.actor, event: request.form, now: now) { now in
            try performSubmit(request, files: files, now: now)
        }
    }

    /// The form of earlier versions: `seleksi submit` of a first version.
    @discardableResult
    public func submit(instance id: Int64, form formID: String, answers: [String: Value], actor: String, now: Timestamp) throws -> String {
        try submit(SubmitRequest(instance: id, form: formID, action: .submit, answers: answers, actor: actor), now: now)
    }

    private func performSubmit(_ request: SubmitRequest, files: PreparedAttachments, now: Timestamp) throws -> String {
        guard let record = try store.instance(request.instance) else { throw unknownInstance(request.instance) }
        let w = try workflow(hash: record.workflowHash)
        func refuse(_ code: Refusal.Code, _ id: String, _ en: String) -> CommandRefused {
            CommandRefused(code, id, en, instance: record.id, from: record.state)
        }
        guard try actorExists(request.actor) else {
            var r = unknownActor(request.actor)
            r.instance = record.id
            throw r
        }
        try vouch(actor: request.actor, signer: request.signer, instance: record.id, from: record.state)
        guard let formHash = record.formHashes[request.form] else {
            throw refuse(.invalidSubmission, "alur \(w.id) tidak memakai formulir '\(request.form)'; formulirnya: "
                         + record.formHashes.keys.sorted().joined(separator: ", "), "workflow \(w.id) does not use form '\(request.form)'")
        }
        if w.state(record.state)?.isFinal == true {
            throw refuse(.notAllowedInState, "instans #\(record.id) sudah berstatus akhir '\(record.state)'",
                         "instance #\(record.id) is in final state '\(record.state)'")
        }
        let held = try roles(of: request.actor, for: record, in: w, at: now)
        try requireRule(request, w: w, record: record, held: held)
        let form = try form(hash: formHash)
        let reason = request.reason?.trimmingSpaces ?? ""
        if request.action != .submit && reason.isEmpty {
            throw refuse(.reasonRequired, "\(request.action == .correct ? "koreksi" : "penarikan") memerlukan alasan tertulis (--reason)",
                         "a \(request.action == .correct ? "correction" : "withdrawal") needs a written reason (--reason)")
        }
        let previous = form.independentRatings
            ? try store.latestSubmission(instance: record.id, form: request.form, actor: request.actor).flatMap { $0.kind == .withdraw ? nil : $0 }
            : try store.latestSubmissionIDs(instance: record.id)[request.form].flatMap { try store.submission($0) }
        try requireVersionOrder(request, previous: previous, refuse: refuse)
        var data: [String: Value] = [:]
        var dataHash: Hash256?
        if request.action != .withdraw {
            let filler: Filler = held.contains { w.role($0)?.scope != .owner } ? .rater : .applicant
            let outcome = FormValidator(form, reference: try referenceTables())
                .validate(request.answers, filler: filler, today: now.date, resolveAttachment: files.resolver)
            data = outcome.data
            dataHash = Hash256.of(Value.record(data).canonicalJSON)
            if !outcome.isValid {
                throw CommandRefused(refusal: Refusal(.invalidSubmission, LocalizedText(
                    id: "formulir tidak sah: \(outcome.violations.count) kesalahan", en: "invalid form: \(outcome.violations.count) problem(s)")),
                    violations: outcome.violations, instance: record.id, from: record.state, dataHash: dataHash)
            }
        }
        let kind = SubmissionRecord.Kind(rawValue: request.action.rawValue) ?? .submit
        var write = CommandWrite(audit: AuditRecord(at: now.seconds, actor: request.actor, osUser: osUser,
                                                    role: held.sorted().first(where: { r in w.submissionRules.contains { $0.roles.contains(r) } }),
                                                    instance: record.id, command: request.action.rawValue, event: request.form,
                                                    from: record.state, to: record.state, outcome: "accepted", reason: request.reason))
        write.submissions = [NewSubmission(formID: request.form, formHash: formHash, actor: request.actor, kind: kind,
                                           reason: request.action == .submit ? nil : request.reason, data: data)]
        let validated = ValidatedForms(data: [request.form: data], attachmentPaths: Engine.attachmentPaths(in: data))
        write.blobs = files.blobs(for: validated)
        write.signer = rowSigner(request.signer)
        try store.commit(write)
        // A corrected form may move a date a timer reads; a corrected or withdrawn sheet may complete (or
        // reopen) what an automatic transition waits for, here or in the parent.
        try rescheduleTimers(for: record, in: w, entered: false, now: now)
        _ = try fireAutomatic(on: record.id, in: w, state: record.state, now: now, depth: 0)
        try parentNotices(record, now: now, depth: 0)
        return (dataHash ?? Hash256.of("{}")).hex
    }

    /// The workflow must allow this action on this form, in this state, to a role the actor holds.
    private func requireRule(_ request: SubmitRequest, w: WorkflowDefinition, record: InstanceRecord, held: Set<String>) throws {
        guard !w.submissionRules.contains(where: { $0.applies(to: request.action, form: request.form, state: record.state, roles: held) }) else {
            return
        }
        let rules = w.submissionRules.filter { $0.action == request.action && $0.form == request.form }
        let allowed = rules.map { "\($0.roles.joined(separator: "/")) pada status \($0.states.joined(separator: "/"))" }
        throw CommandRefused(.notPermitted,
            "\(request.actor) tidak boleh \(request.action.indonesian) '\(request.form)' pada status '\(record.state)'"
                + (allowed.isEmpty ? "; alur \(w.id) tidak mengizinkannya di luar peristiwa" : "; yang diizinkan: \(allowed.joined(separator: "; "))"),
            "\(request.actor) may not \(request.action.rawValue) '\(request.form)' in state '\(record.state)'"
                + (allowed.isEmpty ? "; workflow \(w.id) allows it only with an event" : ""),
            instance: record.id, from: record.state)
    }

    /// A first version is submitted once; a correction or withdrawal needs one to correct.
    private func requireVersionOrder(_ request: SubmitRequest, previous: SubmissionRecord?,
                                     refuse: (Refusal.Code, String, String) -> CommandRefused) throws {
        switch (request.action, previous) {
        case (.submit, .some):
            throw refuse(.alreadySubmitted, "'\(request.form)' sudah diserahkan; versi baru adalah koreksi: `seleksi correct … --reason`",
                         "'\(request.form)' was already submitted; a new version is a correction: `seleksi correct … --reason`")
        case (.correct, .none), (.withdraw, .none):
            throw refuse(.formMissing, "belum ada '\(request.form)' dari \(request.actor) untuk dikoreksi atau ditarik",
                         "there is no '\(request.form)' by \(request.actor) to correct or withdraw")
        default: return
        }
    }
}

extension SubmissionRule.Action {
    var indonesian: String {
        switch self {
        case .submit: return "menyerahkan"
        case .correct: return "mengoreksi"
        case .withdraw: return "menarik"
        }
    }
}
