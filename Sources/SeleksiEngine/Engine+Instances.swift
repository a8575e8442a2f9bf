import SeleksiCore
import SeleksiStore

extension Engine {
    func instance(_ id: Int64) throws -> InstanceRecord? {
        try db.prepare(static: """
            SELECT id, workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, created_at, updated_at
            FROM instances WHERE id = ?
            """).first(.int(id)) { InstanceRecord(row: $0) }
    }

    func requireInstance(_ id: Int64) throws -> InstanceRecord {
        guard let i = try instance(id) else { throw EngineError.input("no instance #\(id); `seleksi list` shows the instances") }
        return i
    }

    /// The latest accepted submission of each form of an instance.
    func latestForms(of instance: Int64) throws -> [String: [String: Value]] {
        var out: [String: [String: Value]] = [:]
        let rows = try db.prepare("""
            SELECT form_id, id FROM submissions WHERE id IN (SELECT max(id) FROM submissions WHERE instance = ? GROUP BY form_id)
            """).rows(.int(instance), map: { ($0.text(0), $0.int(1)) })
        for (form, id) in rows { out[form] = try submission(id) }
        return out
    }

    /// One stored submission's data. Submissions never change once written, so each is parsed once per
    /// process: a parent's forms are read by every child's command (measured with `seleksi demo`).
    func submission(_ id: Int64) throws -> [String: Value] {
        if let cached = submissionCache[id] { return cached }
        let text = try db.prepare("SELECT data FROM submissions WHERE id = ?").first(.int(id)) { $0.text(0) } ?? "{}"
        let data = JSONBridge.storedRecord(text)
        if submissionCache.count > 100_000 { submissionCache.removeAll(keepingCapacity: true) }
        submissionCache[id] = data
        return data
    }

    /// Starts an instance of `workflowID` in `org`, owned by `actor`. Audited, accepted or refused.
    @discardableResult
    public func start(workflow workflowID: String, org: String, actor: String, parent: Int64? = nil, now: Timestamp) throws -> InstanceRecord {
        try wrap {
            do {
                return try db.transaction {
                    guard let hash = try currentHash(kind: "workflow", id: workflowID) else {
                        throw Refusal(.unknownWorkflow, LocalizedText(id: "tidak ada alur '\(workflowID)'; alur yang ada: \(try currentWorkflowIDs().joined(separator: ", "))",
                                                                  en: "no workflow '\(workflowID)'"))
                    }
                    let w = try workflow(hash: hash)
                    guard try actorExists(actor) else {
                        throw Refusal(.unknownActor, LocalizedText(id: "pelaku '\(actor)' tidak terdaftar", en: "actor '\(actor)' is not registered"))
                    }
                    guard try organisationExists(org) else {
                        throw Refusal(.roleMissing, LocalizedText(id: "organisasi '\(org)' tidak terdaftar", en: "organisation '\(org)' is not registered"))
                    }
                    let held = try roles(of: actor, in: org)
                    let publicStart = w.startRoles.contains { w.role($0)?.scope == .owner }
                    guard publicStart || w.startRoles.contains(where: held.contains) else {
                        throw Refusal(.roleMissing, LocalizedText(
                            id: "\(actor) tidak berwenang memulai \(w.id) di \(org): perlu peran \(w.startRoles.joined(separator: ", "))",
                            en: "\(actor) may not start \(w.id) in \(org): needs role \(w.startRoles.joined(separator: ", "))"))
                    }
                    if let parent, try instance(parent) == nil {
                        throw Refusal(.unknownInstance, LocalizedText(id: "tidak ada instans induk #\(parent)", en: "no parent instance #\(parent)"))
                    }
                    let role = w.startRoles.first(where: held.contains) ?? w.startRoles.first(where: { w.role($0)?.scope == .owner })
                    return try insertInstance(w, hash: hash, org: org, owner: actor, parent: parent, role: role, now: now)
                }
            } catch let refusal as Refusal {
                try db.transaction {
                    try audit.append(AuditRecord(at: now.seconds, actor: actor, command: "start", event: workflowID, outcome: "refused:\(refusal.code.rawValue)", reason: refusal.message.id))
                }
                throw EngineError.refused(refusal, violations: [])
            }
        }
    }

    /// Inserts an instance in its initial state, schedules its timers and audits the start.
    func insertInstance(_ w: WorkflowDefinition, hash: String, org: String, owner: String, parent: Int64?, role: String?, now: Timestamp) throws -> InstanceRecord {
        guard let initial = w.initialState else { throw EngineError.input("workflow \(w.id) has no initial state") }
        var formHashes: [String: Value] = [:]
        for f in w.referencedForms {
            guard let h = try currentHash(kind: "form", id: f) else { throw EngineError.input("workflow \(w.id) needs form '\(f)', which is not loaded") }
            formHashes[f] = .string(h)
        }
        let vars = try TransitionFunction(w).initialVariables(today: now.date)
        try db.prepare("""
            INSERT INTO instances (workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
            """).run(.text(w.id), .text(hash), .text(Value.record(formHashes).canonicalJSON), .text(org), .text(owner), .optional(parent),
                     .text(initial.id), .int(now.seconds), .text(Value.record(vars).canonicalJSON), .int(now.seconds), .int(now.seconds))
        let id = db.lastInsertRowID
        let record = try requireInstance(id)
        try scheduleTimers(for: record, in: w, now: now)
        try audit.append(AuditRecord(at: now.seconds, actor: owner, role: role, instance: id, command: "start", event: w.id,
                                     to: initial.id, outcome: "accepted", reason: parent.map { "child of #\($0)" }))
        return record
    }

    public struct InstanceSummary: Sendable {
        public let id: Int64
        public let workflow: String
        public let state: String
        public let org: String
        public let owner: String
        public let parent: Int64?
        public let updatedAt: Int64
    }

    public func list(workflow: String? = nil, state: String? = nil, parent: Int64? = nil, limit: Int = 1000) throws -> [InstanceSummary] {
        try wrap {
            try db.prepare("""
                SELECT id, workflow_id, state, org, owner, parent, updated_at FROM instances
                WHERE (?1 IS NULL OR workflow_id = ?1) AND (?2 IS NULL OR state = ?2) AND (?3 IS NULL OR parent = ?3)
                ORDER BY id LIMIT ?4
                """).rows(.optional(workflow), .optional(state), .optional(parent), .int(Int64(limit))) {
                InstanceSummary(id: $0.int(0), workflow: $0.text(1), state: $0.text(2), org: $0.text(3), owner: $0.text(4), parent: $0.optionalInt(5), updatedAt: $0.int(6))
            }
        }
    }

    /// Counts of instances per workflow and state, for `seleksi list --counts`.
    public func counts() throws -> [(workflow: String, state: String, count: Int)] {
        try wrap {
            try db.prepare("SELECT workflow_id, state, count(*) FROM instances GROUP BY workflow_id, state ORDER BY workflow_id, state").rows {
                (workflow: $0.text(0), state: $0.text(1), count: Int($0.int(2)))
            }
        }
    }

    public struct InstanceDetail: Sendable {
        public let record: InstanceRecord
        public let stateLabel: LocalizedText
        public let isFinal: Bool
        public let allowedEvents: [(event: String, label: LocalizedText, roles: [String])]
        public let forms: [String: [String: Value]]
        public let decisions: [(name: String, value: String, reason: String?, actor: String, at: Int64)]
        public let children: [(state: String, count: Int)]
        public let pendingTimers: [(event: String, dueAt: Int64)]
    }

    /// One instance as `viewer` may see it. A form rated independently (a scoring sheet) is shown
    /// only to a viewer who has submitted his own for this instance, and then with every rater's
    /// sheet; to anyone else it stays hidden, so no rater sees another's score before giving his.
    public func show(_ id: Int64, viewer: String? = nil) throws -> InstanceDetail {
        try wrap {
            let r = try requireInstance(id)
            let w = try workflow(hash: r.workflowHash)
            var forms = try latestForms(of: id)
            for formID in forms.keys.sorted() where try form(hash: r.formHashes[formID]!).independentRatings {
                if let viewer, try hasSubmitted(formID, instance: id, actor: viewer) {
                    if case .list(let all)? = try ratings(of: r, in: w)[formID] { forms[formID] = ["penilaian": .list(all)] }
                } else {
                    forms[formID] = nil
                }
            }
            let tf = TransitionFunction(w)
            let allowed = tf.allowedEvents(in: r.state).map { e in
                let ts = w.transitions(from: r.state).filter { $0.event == e }
                return (event: e, label: ts.first!.label, roles: Array(Set(ts.flatMap(\.roles))).sorted())
            }
            let decisions = try db.prepare("SELECT name, value, reason, actor, at FROM decisions WHERE instance = ? ORDER BY id").rows(.int(id)) {
                (name: $0.text(0), value: JSONBridge.stored($0.text(1)).displayText, reason: $0.optionalText(2), actor: $0.text(3), at: $0.int(4))
            }
            let children = try db.prepare("SELECT state, count(*) FROM instances WHERE parent = ? GROUP BY state ORDER BY state").rows(.int(id)) {
                (state: $0.text(0), count: Int($0.int(1)))
            }
            let timers = try db.prepare("SELECT event, due_at FROM timers WHERE instance = ? AND state_seq = ? ORDER BY due_at").rows(.int(id), .int(r.stateSeq)) {
                (event: $0.text(0), dueAt: $0.int(1))
            }
            let state = w.state(r.state)
            return InstanceDetail(record: r, stateLabel: state?.label ?? LocalizedText(id: r.state), isFinal: state?.isFinal ?? false,
                                  allowedEvents: allowed, forms: forms, decisions: decisions, children: children, pendingTimers: timers)
        }
    }

    /// One instance's audit rows: its path, who moved it and why.
    public func history(_ id: Int64) throws -> [AuditRecord] {
        try wrap {
            _ = try requireInstance(id)
            return try audit.records(instance: id)
        }
    }
}
