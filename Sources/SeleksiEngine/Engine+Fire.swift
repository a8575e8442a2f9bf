import SeleksiCore
import SeleksiStore

/// An event to fire: on which instance, by whom, why, with which forms (raw answers), and the
/// actor's signing key when the command is signed.
public struct FireRequest {
    public let instance: Int64
    public let event: String
    public let actor: String
    public let reason: String?
    public let forms: [String: [String: Value]]
    public let signer: SigningKey?

    public init(instance: Int64, event: String, actor: String, reason: String? = nil, forms: [String: [String: Value]] = [:],
                signer: SigningKey? = nil) {
        self.instance = instance
        self.event = event
        self.actor = actor
        self.reason = reason
        self.forms = forms
        self.signer = signer
    }
}

public struct FireResult: Sendable {
    public enum Kind: Sendable, Equatable {
        case moved(from: String, to: String)
        case pending(have: Int, need: Int)
    }
    public let instance: Int64
    public let event: String
    public let kind: Kind
    public let auditSeq: Int64
    public let createdChildren: [Int64]
    /// Automatic transitions that followed, in order.
    public var followUps: [FireResult] = []

    /// The state the instance ended in, after any automatic transitions.
    public var finalState: String? {
        if let last = followUps.last { return last.finalState }
        if case .moved(_, let to) = kind { return to }
        return nil
    }
}

extension Engine {
    /// Fires one event in its own transaction. Attachments are read first, outside it; a refusal rolls
    /// everything back and is then audited alone.
    @discardableResult
    public func fire(_ request: FireRequest, now: Timestamp) throws -> FireResult {
        let files = try prepareAttachments([request])
        return try runCommand("fire", actor: request.actor, event: request.event, now: now) { now in
            try performFire(request, files: files, now: now)
        }
    }

    /// Fires many events in one transaction: a refused one is audited, the others stand. Returns each
    /// request's result or refusal, in order. `performFire` decides everything before it writes
    /// anything, so no savepoint is needed per command.
    public func fireBatch(_ requests: [FireRequest], now: Timestamp) throws -> [Result<FireResult, EngineError>] {
        let files = try prepareAttachments(requests)
        return try wrap {
            try store.transaction {
                try requireTime(now)
                let ahead = try validationAhead(requests, files: files, now: now)
                defer { ahead?.cancel() }
                var results: [Result<FireResult, EngineError>] = []
                results.reserveCapacity(requests.count)
                for (i, request) in requests.enumerated() {
                    do {
                        let validated = ahead?.take(i) ?? .init()
                        results.append(.success(try performFire(request, files: files, now: now, ahead: validated)))
                    } catch let refused as CommandRefused {
                        try auditRefusalRow(refused, command: "fire", actor: request.actor, event: request.event, now: now)
                        results.append(.failure(.refused(refused.refusal, violations: refused.violations)))
                    }
                }
                return results
            }
        }
    }

    /// Decides, then writes: every refusal is thrown before the first write, so a refused command
    /// leaves nothing behind even inside a batch's transaction. Errors of the database itself
    /// (disk full, lock) abort the enclosing transaction instead.
    func performFire(_ request: FireRequest, files: PreparedAttachments, now: Timestamp, depth: Int = 0,
                     preset: [String: Value] = [:], ahead: ValidationAhead.Request = .init()) throws -> FireResult {
        guard depth < 16 else {
            throw EngineError.input("more than 16 automatic or ranking steps in a row from one command; check the workflow for a loop")
        }
        var load = try loadForFire(request, now: now)
        for (k, v) in preset { load.record.variables[k] = v }
        let forms = try validateFireForms(request, load, files: files, now: now, ahead: ahead)
        let outcome = try decide(request, load, forms: forms, now: now)
        switch outcome {
        case .refused(let refusal):
            throw CommandRefused(refusal: refusal, instance: load.record.id, from: load.record.state, dataHash: forms.dataHash)
        case .pending(let role, let have, let need):
            return try writePending(request, load, forms: forms, files: files, role: role, have: have, need: need, now: now)
        case .accepted(let accepted):
            return try writeAccepted(request, load, forms: forms, files: files, accepted: accepted, now: now, depth: depth)
        }
    }

    /// What a command needs of its instance before deciding.
    struct FireLoad {
        var record: InstanceRecord
        let workflow: WorkflowDefinition
        let held: Set<String>
        /// The transitions the event names from the current state.
        let candidates: [TransitionDefinition]
    }

    /// 1. Load the instance and its workflow; check the actor is known and vouched for.
    private func loadForFire(_ request: FireRequest, now: Timestamp) throws -> FireLoad {
        guard let record = try store.instance(request.instance) else { throw unknownInstance(request.instance) }
        let w = try workflow(hash: record.workflowHash)
        let isSystem = request.actor == Command.systemActor
        if !isSystem {
            guard try actorExists(request.actor) else {
                var refused = unknownActor(request.actor)
                refused.instance = record.id
                refused.from = record.state
                throw refused
            }
            try vouch(actor: request.actor, signer: request.signer, instance: record.id, from: record.state)
        }
        let held: Set<String> = isSystem ? ["system"] : try roles(of: request.actor, for: record, in: w, at: now)
        let isFinal = w.state(record.state)?.isFinal ?? false
        let candidates = (w.transitionsByEvent[request.event] ?? []).filter {
            $0.from.contains(record.state) || ($0.from.contains("*") && !isFinal)
        }
        return FireLoad(record: record, workflow: w, held: held, candidates: candidates)
    }

    /// 3. Ask the pure transition function, with what the workflow reads loaded.
    private func decide(_ request: FireRequest, _ load: FireLoad, forms: ValidatedForms, now: Timestamp) throws -> TransitionOutcome {
        let record = load.record, w = load.workflow
        if load.candidates.contains(where: \.signatureRequired), request.signer == nil, request.actor != Command.systemActor {
            throw CommandRefused(.signatureRequired, "'\(request.event)' harus ditandatangani: tambahkan --sign BERKAS_KUNCI",
                                 "'\(request.event)' must be signed: add --sign KEY_FILE", instance: record.id, from: record.state)
        }
        // A refusal by state or by role reads nothing else: give it before loading the instance's forms,
        // children and context (a refused command from the terminal was mostly that loading).
        let permitted = load.candidates.contains { t in request.actor == Command.systemActor || t.roles.contains(where: load.held.contains) }
        if !permitted {
            let command = Command(event: request.event, actor: request.actor, actorRoles: load.held, reason: request.reason, now: now,
                                  submittedForms: forms.data)
            let snapshot = InstanceSnapshot(id: record.id, state: record.state, variables: record.variables, forms: [:])
            return TransitionFunction(w).apply(command, to: snapshot)
        }
        // The children, with only what of their forms the candidates read, when one reads them at all;
        // their states alone when that is all they read (a round waiting on `children-count(…)`).
        let children: [ChildView]?
        if !load.candidates.contains(where: \.readsChildren) {
            children = nil
        } else if load.candidates.contains(where: \.readsChildScopes) {
            children = try childViews(of: record.id, reads: Self.childFormsRead(by: load.candidates))
        } else {
            children = try childStateViews(of: record.id)
        }
        let quorumRoles: Set<String> = load.candidates.contains { $0.quorum != nil }
            ? Set(load.candidates.filter { $0.quorum != nil }.flatMap(\.roles)) : []
        var holders: [String: Int] = [:]
        for role in quorumRoles { holders[role] = try self.holders(of: role, for: record, in: w, at: now) }
        let confirmations = quorumRoles.isEmpty ? [] : try store.confirmations(instance: record.id, stateSeq: record.stateSeq, event: request.event)
        var command = Command(event: request.event, actor: request.actor, actorRoles: load.held, reason: request.reason, now: now,
                              submittedForms: forms.data, confirmations: confirmations, roleHolders: holders,
                              children: children,
                              reference: try referenceTables(for: w),
                              actors: try knownActors(for: w))
        command.siblings = try siblingViews(of: record, for: load.candidates)
        // Only the instance's forms and context names the candidates read (a recount: its ratings).
        let own = w.referencedForms.isEmpty
            ? [:] : try latestForms(of: record.id, only: Self.ownFormsRead(by: load.candidates))
        let snapshot = InstanceSnapshot(id: record.id, state: record.state, variables: record.variables, forms: own,
                                        context: try context(for: record, in: w, actor: request.actor, now: now,
                                                             names: Self.namesRead(by: load.candidates),
                                                             parentForms: Self.parentFormsRead(by: load.candidates)))
        return TransitionFunction(w).apply(command, to: snapshot)
    }

    private func writePending(_ request: FireRequest, _ load: FireLoad, forms: ValidatedForms, files: PreparedAttachments,
                              role: String, have: Int, need: Int, now: Timestamp) throws -> FireResult {
        let record = load.record
        var write = CommandWrite(audit: AuditRecord(at: now.seconds, actor: request.actor, osUser: osUser, role: role, instance: record.id,
                                                    command: "fire", event: request.event, from: record.state, to: record.state,
                                                    outcome: "pending:\(have)/\(need)", reason: request.reason))
        write.submissions = forms.writes
        write.blobs = files.blobs(for: forms)
        write.confirmation = (record.stateSeq, request.event)
        write.signer = rowSigner(request.signer)
        let committed = try store.commit(write)
        return FireResult(instance: record.id, event: request.event, kind: .pending(have: have, need: need), auditSeq: committed.seq,
                          createdChildren: [])
    }

    /// 4. Write the accepted move, then what follows from it: children created, events a ranking sends
    /// to children, automatic transitions.
    private func writeAccepted(_ request: FireRequest, _ load: FireLoad, forms: ValidatedForms, files: PreparedAttachments,
                               accepted: TransitionOutcome.Accepted, now: Timestamp, depth: Int) throws -> FireResult {
        var record = load.record
        let w = load.workflow
        let claims = try uniqueClaims(request, load, forms: forms, variables: accepted.variables)
        var childWorkflows: [(hash: String, workflow: WorkflowDefinition, count: Int, given: [String: Value])] = []
        for (childWorkflow, count, given) in accepted.children {
            guard let hash = try currentHash(kind: "workflow", id: childWorkflow) else {
                throw CommandRefused(.expressionFailed, "alur anak '\(childWorkflow)' tidak dimuat", "child workflow '\(childWorkflow)' is not loaded",
                                     instance: record.id, from: record.state)
            }
            childWorkflows.append((hash, try workflow(hash: hash), count, given))
        }
        let grants = try prepareGrants(accepted.grants, for: record, now: now)
        // From here on, nothing refuses: write.
        let moved = accepted.to != accepted.from
        let from = record.state
        record.state = accepted.to
        record.variables = accepted.variables
        record.updatedAt = now.seconds
        if moved {
            record.stateSeq += 1
            record.enteredAt = now.seconds
        }
        var write = CommandWrite(audit: AuditRecord(at: now.seconds, actor: request.actor, osUser: osUser, role: accepted.role,
                                                    instance: record.id, command: "fire", event: request.event, from: from,
                                                    to: accepted.to, outcome: "accepted", reason: request.reason))
        write.instance = .update(record, stateChanged: moved)
        write.submissions = forms.writes
        write.blobs = files.blobs(for: forms)
        write.decisions = accepted.decisions.map {
            DecisionRecord(instance: record.id, name: $0.name, value: $0.value, reason: request.reason, actor: request.actor, at: now.seconds)
        }
        write.uniqueClaims = claims
        write.signer = rowSigner(request.signer)
        let committed = try store.commit(write)
        try rescheduleTimers(for: record, in: w, entered: moved, now: now)
        var created: [Int64] = []
        for child in childWorkflows {
            for _ in 0..<child.count {
                created.append(try insertInstance(child.workflow, hash: child.hash, org: record.org, owner: request.actor, parent: record.id,
                                                  role: accepted.role, given: child.given, now: now).id)
            }
        }
        try sendChildEvents(accepted.childEvents, from: request, parent: record, workflow: w, now: now, depth: depth)
        // Automatic transitions are looked for after every accepted command, a self-loop included
        // (a rater's sheet that completes the set of ratings moves the applicant on).
        try writeGrants(grants, by: request, event: accepted.event, instance: record, now: now)
        let followUps = try fireAutomatic(on: record.id, in: w, state: accepted.to, now: now, depth: depth)
        try parentNotices(record, now: now, depth: depth)
        return FireResult(instance: record.id, event: request.event, kind: .moved(from: from, to: accepted.to), auditSeq: committed.seq,
                          createdChildren: created, followUps: followUps)
    }

    /// Events a ranking sends to the children, each with the variables to set on it first. A child that
    /// refuses one is a fault of the definitions (its workflow must take the ranking's events), so it
    /// aborts the command.
    private func sendChildEvents(_ events: [TransitionOutcome.ChildEvent], from request: FireRequest, parent: InstanceRecord,
                                 workflow w: WorkflowDefinition, now: Timestamp, depth: Int) throws {
        for childEvent in events {
            do {
                _ = try performFire(FireRequest(instance: childEvent.child, event: childEvent.event, actor: Command.systemActor,
                                                reason: "\(request.event) #\(parent.id)"),
                                    files: PreparedAttachments(), now: now, depth: depth + 1, preset: childEvent.variables)
            } catch let refused as CommandRefused {
                throw EngineError.input("\(w.file): \(request.event) sends '\(childEvent.event)' to child #\(childEvent.child), "
                    + "which refuses it: \(refused.refusal.message.id)")
            }
        }
    }

    /// Each child as a parent's guard sees it: state, vars and latest forms (with `reads`, only what it
    /// names: a round's ranking reads one field of 17,000 portfolios, and held them all whole at once).
    func childViews(of parent: Int64, reads: FormFieldReads? = nil) throws -> [ChildView] {
        try store.children(of: parent, states: nil).map { child in
            let forms = try reads.map { try latestForms(of: child.id, reading: $0) } ?? latestForms(of: child.id)
            return ChildView(id: child.id, state: child.state, scope: [
                "id": .number(Double(child.id)), "state": .string(child.state), "org": .string(child.org),
                "vars": .record(child.variables), "forms": .record(forms.mapValues { Value.record($0) }),
            ])
        }
    }

    /// Each child as `children-count(…)` sees it: its id and state, nothing of its scope.
    func childStateViews(of parent: Int64) throws -> [ChildView] {
        try store.childStates(of: parent).map { ChildView(id: $0.id, state: $0.state, scope: [:]) }
    }

    /// The instance's own forms the candidates need: those their expressions read and those they
    /// require; nil (all of them) when one may read any form. A rater's sheet or an automatic recount
    /// does not parse the applicant's portfolio.
    static func ownFormsRead(by candidates: [TransitionDefinition]) -> Set<String>? {
        var names: Set<String> = []
        for t in candidates {
            guard let read = t.formsRead else { return nil }
            names.formUnion(read.formIDs)
            names.formUnion(t.requiredForms)
        }
        return names
    }

    /// The context names the candidates read; one candidate (most commands) gives its own set.
    static func namesRead(by candidates: [TransitionDefinition]) -> Set<String> {
        candidates.count == 1 ? candidates[0].namesRead : Set(candidates.flatMap(\.namesRead))
    }

    /// What of the parent's forms the transitions a command may take can read; nil: anything.
    static func parentFormsRead(by candidates: [TransitionDefinition]) -> FormFieldReads? {
        // One candidate (most commands): its reads as they are, without an array made to merge them
        // (800 instructions a transition, measured by `scripts/bench.sh --only instructions`).
        candidates.count == 1
            ? candidates[0].parentFormsRead : FormFieldReads.union(candidates.map { $0.parentFormsRead })
    }

    /// What of the children's forms the transitions a command may take can read; nil: anything.
    static func childFormsRead(by candidates: [TransitionDefinition]) -> FormFieldReads? {
        FormFieldReads.union(candidates.filter { $0.readsChildren }.map { $0.formsRead })
    }
}
