import Crypto
import Foundation
import SeleksiCore
import SeleksiStore

/// An event to fire: on which instance, by whom, why, and with which forms (raw answers).
public struct FireRequest: Sendable {
    public let instance: Int64
    public let event: String
    public let actor: String
    public let reason: String?
    public let forms: [String: [String: Value]]

    public init(instance: Int64, event: String, actor: String, reason: String? = nil, forms: [String: [String: Value]] = [:]) {
        self.instance = instance
        self.event = event
        self.actor = actor
        self.reason = reason
        self.forms = forms
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

/// A refusal on its way out of a transaction, with what its audit row needs.
struct CommandRefused: Error {
    let refusal: Refusal
    let violations: [Violation]
    var instance: Int64?
    var from: String?
    var dataHash: String?
}

extension Engine {
    /// Fires one event in its own transaction. A refusal rolls everything back and is then audited alone.
    @discardableResult
    public func fire(_ request: FireRequest, now: Timestamp) throws -> FireResult {
        try wrap {
            do {
                return try db.transaction { try performFire(request, now: now) }
            } catch let refused as CommandRefused {
                try auditRefusal(refused, command: "fire", request: request, now: now)
                throw EngineError.refused(refused.refusal, violations: refused.violations)
            }
        }
    }

    /// Fires many events in one transaction: a refused one is audited, the others stand. Returns each
    /// request's result or refusal, in order. No savepoint is needed per command because
    /// `performFire` decides everything before it writes anything (see there).
    public func fireBatch(_ requests: [FireRequest], now: Timestamp) throws -> [Result<FireResult, EngineError>] {
        try wrap {
            try db.transaction {
                var results: [Result<FireResult, EngineError>] = []
                results.reserveCapacity(requests.count)
                for request in requests {
                    do {
                        results.append(.success(try performFire(request, now: now)))
                    } catch let refused as CommandRefused {
                        try auditRefusalRow(refused, command: "fire", request: request, now: now)
                        results.append(.failure(.refused(refused.refusal, violations: refused.violations)))
                    }
                }
                return results
            }
        }
    }

    func auditRefusal(_ refused: CommandRefused, command: String, request: FireRequest, now: Timestamp) throws {
        try db.transaction { try auditRefusalRow(refused, command: command, request: request, now: now) }
    }

    private func auditRefusalRow(_ refused: CommandRefused, command: String, request: FireRequest, now: Timestamp) throws {
        let detail = ([refused.refusal.message.id] + refused.violations.map(\.description)).joined(separator: "; ")
        try audit.append(AuditRecord(at: now.seconds, actor: request.actor, instance: refused.instance, command: command, event: request.event,
                                     from: refused.from, outcome: "refused:\(refused.refusal.code.rawValue)", reason: detail, dataHash: refused.dataHash))
    }

    /// Decides, then writes: every refusal is thrown before the first write, so a refused command
    /// leaves nothing behind even inside a batch's transaction. Errors of the database itself
    /// (disk full, lock) abort the enclosing transaction instead.
    func performFire(_ request: FireRequest, now: Timestamp, depth: Int = 0) throws -> FireResult {
        guard depth < 16 else {
            throw EngineError.input("more than 16 automatic or ranking steps in a row from one command; check the workflow for a loop")
        }
        func refuse(_ code: Refusal.Code, _ id: String, _ en: String, instance: Int64? = nil, from: String? = nil) -> CommandRefused {
            CommandRefused(refusal: Refusal(code, LocalizedText(id: id, en: en)), violations: [], instance: instance, from: from)
        }
        guard var record = try instance(request.instance) else {
            throw refuse(.unknownInstance, "tidak ada instans #\(request.instance)", "no instance #\(request.instance)")
        }
        let w = try workflow(hash: record.workflowHash)
        let isSystem = request.actor == Command.systemActor
        if !isSystem, try !actorExists(request.actor) {
            throw refuse(.unknownActor, "pelaku '\(request.actor)' tidak terdaftar", "actor '\(request.actor)' is not registered", instance: record.id, from: record.state)
        }
        let held = isSystem ? ["system"] : try roles(of: request.actor, for: record, in: w)

        // Validate the forms that come with the command; nothing is stored unless all are valid.
        var submitted: [String: [String: Value]] = [:]
        var violations: [Violation] = []
        for (formID, raw) in request.forms.sorted(by: { $0.key < $1.key }) {
            guard let formHash = record.formHashes[formID] else {
                throw refuse(.invalidSubmission, "alur \(w.id) tidak memakai formulir '\(formID)'; formulirnya: \(record.formHashes.keys.sorted().joined(separator: ", "))",
                             "workflow \(w.id) does not use form '\(formID)'", instance: record.id, from: record.state)
            }
            let form = try form(hash: formHash)
            let filler: Filler = held.contains { w.role($0)?.scope != .owner } ? .rater : .applicant
            let outcome = FormValidator(form, reference: try referenceTables()).validate(raw, filler: filler, today: now.date, resolveAttachment: Attachments.resolver)
            violations += outcome.violations.map { Violation(path: "\(formID).\($0.path)", message: $0.message) }
            submitted[formID] = outcome.data
        }
        for formID in submitted.keys.sorted() where try form(hash: record.formHashes[formID]!).independentRatings {
            if try hasSubmitted(formID, instance: record.id, actor: request.actor) {
                throw refuse(.alreadySubmitted, "\(request.actor) sudah menyerahkan '\(formID)' untuk instans #\(record.id); penilaian hanya sekali",
                             "\(request.actor) has already submitted '\(formID)' for instance #\(record.id); a rating is given once", instance: record.id, from: record.state)
            }
        }
        let dataHash = submitted.isEmpty ? nil : Hashing.sha256Hex(Value.record(submitted.mapValues { Value.record($0) }).canonicalJSON)
        if !violations.isEmpty {
            throw CommandRefused(refusal: Refusal(.invalidSubmission, LocalizedText(
                id: "formulir tidak sah: \(violations.count) kesalahan", en: "invalid form: \(violations.count) problem(s)")),
                violations: violations, instance: record.id, from: record.state, dataHash: dataHash)
        }

        let candidates = w.transitionsByEvent[request.event] ?? []
        let needsChildren = candidates.contains { t in t.guards.contains { $0.test.readsChildren } || t.effects.contains {
            switch $0 {
            case .set(_, let e, _), .decision(_, let e, _): return e.readsChildren
            case .rank, .notifyChildren: return true
            case .createChildren: return false
            }
        } }
        let quorumRoles = Set(candidates.filter { $0.quorum != nil }.flatMap(\.roles))
        var holders: [String: Int] = [:]
        for role in quorumRoles { holders[role] = try self.holders(of: role, in: record.org) }
        let confirmations = quorumRoles.isEmpty ? [] : Set(try db.prepare(
            "SELECT actor FROM confirmations WHERE instance = ? AND state_seq = ? AND event = ?"
        ).rows(.int(record.id), .int(record.stateSeq), .text(request.event)) { $0.text(0) })

        let command = Command(event: request.event, actor: request.actor, actorRoles: Set(held), reason: request.reason, now: now,
                              submittedForms: submitted, confirmations: confirmations, roleHolders: holders,
                              children: needsChildren ? try childViews(of: record.id) : nil, reference: try referenceTables())
        let snapshot = InstanceSnapshot(id: record.id, state: record.state, variables: record.variables,
                                        forms: w.referencedForms.isEmpty ? [:] : try latestForms(of: record.id),
                                        context: try context(for: record, in: w, actor: request.actor))

        switch TransitionFunction(w).apply(command, to: snapshot) {
        case .refused(let refusal):
            throw CommandRefused(refusal: refusal, violations: [], instance: record.id, from: record.state, dataHash: dataHash)
        case .pending(let role, let have, let need):
            try storeSubmissions(submitted, record: record, actor: request.actor, now: now)
            try db.prepare("INSERT INTO confirmations (instance, state_seq, event, actor, at) VALUES (?, ?, ?, ?, ?)")
                .run(.int(record.id), .int(record.stateSeq), .text(request.event), .text(request.actor), .int(now.seconds))
            let row = try audit.append(AuditRecord(at: now.seconds, actor: request.actor, role: role, instance: record.id, command: "fire",
                                                   event: request.event, from: record.state, to: record.state, outcome: "pending:\(have)/\(need)",
                                                   reason: request.reason, dataHash: dataHash))
            return FireResult(instance: record.id, event: request.event, kind: .pending(have: have, need: need), auditSeq: row.seq, createdChildren: [])
        case .accepted(let accepted):
            var childWorkflows: [(hash: String, workflow: WorkflowDefinition, count: Int)] = []
            for (childWorkflow, count) in accepted.children {
                guard let hash = try currentHash(kind: "workflow", id: childWorkflow) else {
                    throw refuse(.expressionFailed, "alur anak '\(childWorkflow)' tidak dimuat", "child workflow '\(childWorkflow)' is not loaded", instance: record.id, from: record.state)
                }
                childWorkflows.append((hash, try workflow(hash: hash), count))
            }
            // From here on, nothing refuses: write.
            try storeSubmissions(submitted, record: record, actor: request.actor, now: now)
            let moved = accepted.to != accepted.from
            let from = record.state
            record.state = accepted.to
            record.variables = accepted.variables
            record.updatedAt = now.seconds
            if moved {
                record.stateSeq += 1
                record.enteredAt = now.seconds
            }
            try db.prepare(static: "UPDATE instances SET state = ?, state_seq = ?, entered_at = ?, vars = ?, updated_at = ? WHERE id = ?")
                .run(.text(record.state), .int(record.stateSeq), .int(record.enteredAt), .text(Value.record(record.variables).canonicalJSON),
                     .int(now.seconds), .int(record.id))
            for d in accepted.decisions {
                try db.prepare("INSERT INTO decisions (instance, name, value, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)")
                    .run(.int(record.id), .text(d.name), .text(d.value.canonicalJSON), .optional(request.reason), .text(request.actor), .int(now.seconds))
            }
            let row = try audit.append(AuditRecord(at: now.seconds, actor: request.actor, role: accepted.role, instance: record.id, command: "fire",
                                                   event: request.event, from: from, to: accepted.to, outcome: "accepted",
                                                   reason: request.reason, dataHash: dataHash))
            if moved, !(w.state(accepted.to)?.timers.isEmpty ?? true) { try scheduleTimers(for: record, in: w, now: now) }
            var created: [Int64] = []
            for child in childWorkflows {
                for _ in 0..<child.count {
                    created.append(try insertInstance(child.workflow, hash: child.hash, org: record.org, owner: request.actor, parent: record.id, role: accepted.role, now: now).id)
                }
            }
            // Events a ranking sends to the children. A child that refuses one is a fault of the
            // definitions (its workflow must take the ranking's events), so it aborts the command.
            for childEvent in accepted.childEvents {
                try setVariables(childEvent.variables, on: childEvent.child)
                do {
                    _ = try performFire(FireRequest(instance: childEvent.child, event: childEvent.event, actor: Command.systemActor,
                                                    reason: "\(request.event) #\(record.id)"), now: now, depth: depth + 1)
                } catch let refused as CommandRefused {
                    throw EngineError.input("\(w.file): \(request.event) sends '\(childEvent.event)' to child #\(childEvent.child), which refuses it: \(refused.refusal.message.id)")
                }
            }
            var followUps: [FireResult] = []
            // Automatic transitions are looked for after every accepted command, a self-loop included
            // (a rater's sheet that completes the set of ratings moves the applicant on).
            followUps = try fireAutomatic(on: record.id, in: w, state: accepted.to, now: now, depth: depth)
            return FireResult(instance: record.id, event: request.event, kind: .moved(from: from, to: accepted.to), auditSeq: row.seq,
                              createdChildren: created, followUps: followUps)
        }
    }

    func storeSubmissions(_ submitted: [String: [String: Value]], record: InstanceRecord, actor: String, now: Timestamp) throws {
        for (formID, data) in submitted.sorted(by: { $0.key < $1.key }) {
            let json = Value.record(data).canonicalJSON
            try db.prepare("INSERT INTO submissions (instance, form_id, form_hash, actor, submitted_at, data, data_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .run(.int(record.id), .text(formID), .text(record.formHashes[formID]!), .text(actor), .int(now.seconds), .text(json), .text(Hashing.sha256Hex(json)))
        }
    }

    /// Each child as a parent's guard sees it: state, vars and latest forms.
    func childViews(of parent: Int64) throws -> [ChildView] {
        let rows = try db.prepare("SELECT id, state, vars, org FROM instances WHERE parent = ? ORDER BY id").rows(.int(parent)) {
            ($0.int(0), $0.text(1), $0.text(2), $0.text(3))
        }
        return try rows.map { id, state, vars, org in
            let forms = try latestForms(of: id)
            return ChildView(id: id, state: state, scope: [
                "id": .number(Double(id)), "state": .string(state), "org": .string(org), "vars": .record(JSONBridge.storedRecord(vars)),
                "forms": .record(forms.mapValues { Value.record($0) }),
            ])
        }
    }
}
