import SeleksiCore
import SeleksiStore

extension Engine {
    func instance(_ id: Int64) throws -> InstanceRecord? { try store.instance(id) }

    func requireInstance(_ id: Int64) throws -> InstanceRecord {
        guard let i = try store.instance(id) else { throw EngineError.input("tidak ada instans #\(id); `seleksi list` menampilkan instans", en: "no instance #\(id); `seleksi list` shows the instances") }
        return i
    }

    /// One instance's row as stored (state, variables), without the forms and decisions `show` gathers.
    public func record(_ id: Int64) throws -> InstanceRecord {
        try wrap { try requireInstance(id) }
    }

    /// The latest version of each form of an instance (withdrawn sheets left out).
    func latestForms(of instance: Int64, only names: Set<String>? = nil) throws -> [String: [String: Value]] {
        if names?.isEmpty == true { return [:] }  // an automatic recount reads no form: no query
        var out: [String: [String: Value]] = [:]
        for (form, id) in try store.latestSubmissionIDs(instance: instance) where names?.contains(form) ?? true {
            out[form] = try submissionData(id)
        }
        return out
    }

    /// The latest version of each form `reads` names, holding only what it reads. A form read whole is
    /// parsed and cached as `latestForms` does. One read by a few fields is narrowed from the cache when
    /// it is there, and otherwise read narrowed from its JSON and not cached: a round's ranking reads one
    /// field of each of 17,000 portfolios, and parsing and caching them whole pushed out of the cache
    /// what every applicant's command reads.
    func latestForms(of instance: Int64, reading reads: FormFieldReads) throws -> [String: [String: Value]] {
        let wanted = reads.formIDs
        if wanted.isEmpty { return [:] }
        var out: [String: [String: Value]] = [:]
        for (form, id) in try store.latestSubmissionIDs(instance: instance) where wanted.contains(form) {
            guard let keys = reads.keys(of: form) else {
                out[form] = try submissionData(id)
                continue
            }
            out[form] = reads.narrow(form, try submissionData(id, keeping: { keys.contains($0) }))
        }
        return out
    }

    /// One stored submission's data, parsed once per process: a parent's forms are read by every
    /// child's command (measured with `seleksi demo`).
    func submissionData(_ id: Int64) throws -> [String: Value] {
        if let cached = submissionCache.get(id) { return cached }
        let text = try store.submission(id)?.data ?? "{}"
        let data = JSONBridge.storedRecord(text)
        submissionCache.set(id, data, cost: text.utf8.count)
        return data
    }

    /// A stored submission of which only some members are read: the cached parse when there is one
    /// (the caller narrows it), or else only the members `isKept` accepts, read narrowed and not cached.
    /// A round's ranking, or a document listing its children, reads a few fields of each portfolio, and
    /// caching them whole pushed out what the commands read.
    func submissionData(_ id: Int64, keeping isKept: (String) -> Bool) throws -> [String: Value] {
        if let cached = submissionCache.get(id) { return cached }
        return JSONBridge.storedRecord(try store.submission(id)?.data ?? "{}", keeping: isKept)
    }

    /// Starts an instance of `workflowID` in `org`, owned by `actor`. Audited, accepted or refused.
    /// `variables` give declared variables their starting values instead of their `initial` (the
    /// parties of an agreement, a budget year); a name the workflow does not declare is refused.
    @discardableResult
    public func start(workflow workflowID: String, org: String, actor: String, parent: Int64? = nil, signer: SigningKey? = nil,
                      variables: [String: Value] = [:], now: Timestamp) throws -> InstanceRecord {
        try runCommand("start", actor: actor, event: workflowID, now: now) { now in
            guard let hash = try currentHash(kind: "workflow", id: workflowID) else {
                throw CommandRefused(.unknownWorkflow, "tidak ada alur '\(workflowID)'; alur yang ada: \(try currentWorkflowIDs().joined(separator: ", "))",
                                     "no workflow '\(workflowID)'; workflows: \(try currentWorkflowIDs().joined(separator: ", "))")
            }
            let w = try workflow(hash: hash)
            guard try actorExists(actor) else { throw unknownActor(actor) }
            try vouch(actor: actor, signer: signer, instance: nil, from: nil)
            guard try store.organisation(org) != nil else { throw try unknownOrganisation(org) }
            let held = try roles(of: actor, in: org, at: now)
            let publicStart = w.startRoles.contains { w.role($0)?.scope == .owner }
            guard publicStart || w.startRoles.contains(where: held.contains) else {
                throw CommandRefused(.roleMissing,
                    "\(actor) tidak berwenang memulai \(w.id) di \(org): perlu peran \(w.startRoles.joined(separator: ", "))",
                    "\(actor) may not start \(w.id) in \(org): needs role \(w.startRoles.joined(separator: ", "))")
            }
            if let parent, try store.instance(parent) == nil {
                throw CommandRefused(.unknownInstance, "tidak ada instans induk #\(parent)", "no parent instance #\(parent)")
            }
            let declared = w.variables.map(\.id)
            if let unknown = variables.keys.sorted().first(where: { !declared.contains($0) }) {
                throw CommandRefused(.notPermitted,
                    "alur \(w.id) tidak punya variabel '\(unknown)'; variabelnya: \(declared.joined(separator: ", "))",
                    "workflow \(w.id) has no variable '\(unknown)'; variables: \(declared.joined(separator: ", "))")
            }
            let role = w.startRoles.first(where: held.contains) ?? w.startRoles.first(where: { w.role($0)?.scope == .owner })
            return try insertInstance(w, hash: hash, org: org, owner: actor, parent: parent, role: role, signer: signer,
                                      given: variables, now: now)
        }
    }

    /// Inserts an instance in its initial state, audits the start and schedules its timers.
    func insertInstance(_ w: WorkflowDefinition, hash: String, org: String, owner: String, parent: Int64?, role: String?,
                        signer: SigningKey? = nil, given: [String: Value] = [:], now: Timestamp) throws -> InstanceRecord {
        guard let initial = w.initialState else { throw EngineError.input("alur \(w.id) tidak memiliki status awal", en: "workflow \(w.id) has no initial state") }
        var formHashes: [String: String] = [:]
        for f in w.referencedForms {
            guard let h = try currentHash(kind: "form", id: f) else { throw EngineError.input("alur \(w.id) memerlukan formulir '\(f)', yang tidak dimuat", en: "workflow \(w.id) needs form '\(f)', which is not loaded") }
            formHashes[f] = h
        }
        let vars: [String: Value]
        do {
            vars = try TransitionFunction(w).initialVariables(today: now.date, reference: try referenceTables(for: w), given: given)
        } catch let e as ExpressionError {
            throw EngineError.input("\(w.file): nilai awal variabel gagal dihitung: \(e.text(.id))",
                                    en: "\(w.file): an initial value failed: \(e.text(.en))")
        }
        var record = InstanceRecord(workflowID: w.id, workflowHash: hash, formHashes: formHashes, org: org, owner: owner, parent: parent,
                                    state: initial.id, enteredAt: now.seconds, variables: vars, createdAt: now.seconds, updatedAt: now.seconds)
        var write = CommandWrite(audit: AuditRecord(at: now.seconds, actor: owner, osUser: osUser, role: role, command: "start",
                                                    event: w.id, to: initial.id, outcome: "accepted",
                                                    reason: parent.map { "anak dari #\($0)" }))
        write.instance = .insert(record)
        write.signer = rowSigner(signer)
        let committed = try store.commit(write)
        record.id = committed.instanceID ?? 0
        try scheduleTimers(for: record, in: w, now: now)
        return record
    }

    public func list(_ filter: InstanceFilter = InstanceFilter(), limit: Int = 1000) throws -> [InstanceRecord] {
        try wrap { try store.instances(filter, limit: limit) }
    }

    /// The same instances one line each, without their variables (for `seleksi list`).
    public func listing(_ filter: InstanceFilter = InstanceFilter(), limit: Int = 1000) throws -> [InstanceListing] {
        try wrap { try store.listing(filter, limit: limit) }
    }

    /// Counts of instances per workflow and state, for `seleksi list --counts`, under the same filter as `list`.
    public func counts(_ filter: InstanceFilter = InstanceFilter()) throws -> [(workflow: String, state: String, count: Int)] {
        try wrap { try store.instanceCounts(filter) }
    }

    /// The states a workflow declares (for checking `list --state` and friends), or every state of every workflow.
    public func knownStates(workflow: String?) throws -> Set<String> {
        try wrap {
            let ids = try workflow.map { [$0] } ?? currentWorkflowIDs()
            var states: Set<String> = []
            for id in ids { for s in try currentWorkflow(id).states { states.insert(s.id) } }
            return states
        }
    }

    /// One instance's audit rows: its path, who moved it and why.
    public func history(_ id: Int64) throws -> [AuditRecord] {
        try wrap {
            _ = try requireInstance(id)
            return try store.auditRecords(instance: id)
        }
    }

    /// Every version of an instance's forms, oldest first.
    public func submissionVersions(_ id: Int64, form: String? = nil) throws -> [SubmissionRecord] {
        try wrap {
            _ = try requireInstance(id)
            return try store.submissionVersions(instance: id, form: form)
        }
    }

    /// Who an instance is about, for replies that name it ("#5 Dewi Pelamar, SKB Kota Contoh"), so a
    /// wrong number is seen before anything else is done to it.
    public func describeBriefly(_ id: Int64) -> String {
        guard let r = try? store.instance(id) else { return "#\(id)" }
        let owner = displayName(ofActor: r.owner)
        let org = ((try? store.organisation(r.org)) ?? nil)?.name ?? r.org
        return TerminalText.safe("#\(id) \(owner), \(org)")
    }
}
