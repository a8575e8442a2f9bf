/// `(instance, command) -> outcome`, computed purely: no clock, no storage, no randomness.
///
/// Order of checks, each refusal saying what would be valid: the event exists; it is allowed in the
/// current state; the actor holds a role the transition grants; a reason is given if one is needed;
/// the required forms are submitted; the guards hold (transitions sharing an event and state are tried
/// in file order, the first whose guards hold wins; a refusal names every guard that failed, of the
/// alternative that came closest); the quorum is reached.
public struct TransitionFunction: Sendable {
    public let workflow: WorkflowDefinition

    public init(_ workflow: WorkflowDefinition) { self.workflow = workflow }

    public func apply(_ command: Command, to instance: InstanceSnapshot) -> TransitionOutcome {
        guard let named = workflow.transitionsByEvent[command.event] else {
            let events = Set(workflow.transitions.map(\.event)).sorted().joined(separator: ", ")
            return .refused(Refusal(.unknownEvent, LocalizedText(
                id: "peristiwa '\(command.event)' tidak ada di alur \(workflow.id); yang ada: \(events)",
                en: "event '\(command.event)' does not exist in workflow \(workflow.id); events: \(events)")))
        }
        let isFinal = workflow.state(instance.state)?.isFinal ?? false
        let candidates = named.filter { $0.from.contains(instance.state) || ($0.from.contains("*") && !isFinal) }
        guard !candidates.isEmpty else {
            // A person is offered what a person may fire; the system's own events are no advice to him.
            let events = command.actor == Command.systemActor ? allowedEvents(in: instance.state) : personalEvents(in: instance.state)
            let allowed = events.joined(separator: ", ")
            return .refused(Refusal(.notAllowedInState, LocalizedText(
                id: "peristiwa '\(command.event)' tidak berlaku pada status '\(instance.state)'; yang berlaku: \(allowed.isEmpty ? "(tidak ada — status akhir)" : allowed)",
                en: "event '\(command.event)' is not allowed in state '\(instance.state)'; allowed: \(allowed.isEmpty ? "(none — final state)" : allowed)")))
        }
        let permitted = candidates.filter { t in command.actor == Command.systemActor || t.roles.contains(where: command.actorRoles.contains) }
        guard !permitted.isEmpty else {
            let roles = Set(candidates.flatMap(\.roles)).sorted().joined(separator: ", ")
            let held = command.actorRoles.isEmpty ? "tidak ada" : command.actorRoles.sorted().joined(separator: ", ")
            return .refused(Refusal(.roleMissing, LocalizedText(
                id: "\(command.actor) tidak berwenang: '\(command.event)' hanya untuk peran \(roles); peran \(command.actor) di instans ini: \(held)",
                en: "\(command.actor) may not fire '\(command.event)': it needs role \(roles); held here: \(command.actorRoles.sorted().joined(separator: ", "))")))
        }
        let hasReason = !(command.reason ?? "").trimmingSpaces.isEmpty
        // A transition whose guards hold but which needs a reason not given is the most useful thing
        // to report, ahead of the guards of the alternatives that did not hold.
        var reasonRefusal: Refusal?

        let forms = instance.forms.merging(command.submittedForms) { $1 }
        // One scope for every alternative: they differ in guards, not in what the instance holds.
        let scope = instance.scope(actor: command.actor, reason: command.reason, forms: command.submittedForms)
        let context = EvaluationContext(
            scopes: [scope], today: command.now.date, children: command.children, reference: command.reference,
            actors: command.actors, siblings: command.siblings)
        var firstRefusal: Refusal?
        // The guards refused, of the alternative with the fewest failing (ties: file order).
        var closest: (failed: [Guard], refusal: Refusal)?
        for t in permitted {
            if let missing = t.requiredForms.first(where: { forms[$0] == nil }) {
                firstRefusal = firstRefusal ?? Refusal(.formMissing, LocalizedText(
                    id: "'\(t.event)' memerlukan formulir '\(missing)' yang belum diserahkan", en: "'\(t.event)' needs form '\(missing)', not yet submitted"))
                continue
            }
            switch checkGuards(t, context) {
            case .failed(let refusal):
                firstRefusal = firstRefusal ?? refusal
                continue
            case .refused(let failed, let refusal):
                if closest == nil || failed.count < closest!.failed.count { closest = (failed, refusal) }
                firstRefusal = firstRefusal ?? refusal
                continue
            case .held:
                break
            }
            if t.reasonRequired && !hasReason {
                reasonRefusal = reasonRefusal ?? Refusal(.reasonRequired, LocalizedText(
                    id: "'\(command.event)' memerlukan alasan tertulis (--reason)", en: "'\(command.event)' needs a written reason (--reason)"))
                continue
            }
            return accept(t, command: command, instance: instance, context: context)
        }
        if let reasonRefusal { return .refused(reasonRefusal) }
        if let closest, firstRefusal?.code == .guardFailed { return .refused(closest.refusal) }
        return .refused(firstRefusal!)
    }

    enum GuardCheck {
        case held
        /// Guards that do not hold: every one of them, and the refusal that names them all.
        case refused([Guard], Refusal)
        /// A guard that could not be evaluated (a fault of the definition or the data).
        case failed(Refusal)
    }

    /// Every guard of `t`, so that a refusal names all that fail at once, as form validation does.
    func checkGuards(_ t: TransitionDefinition, _ context: EvaluationContext) -> GuardCheck {
        var failed: [Guard] = []
        var blocking: [Int64] = []
        for g in t.guards {
            do {
                if !Evaluator.truthy(try Evaluator.evaluate(g.test, in: context)) {
                    failed.append(g)
                    for child in BlockingChildren.of(g.test, in: context) where !blocking.contains(child) { blocking.append(child) }
                }
            } catch {
                return .failed(Refusal(.expressionFailed, LocalizedText(
                    id: "syarat '\(g.test.source)' (\(workflow.file):\(g.line)) gagal dihitung: \(error)",
                    en: "guard '\(g.test.source)' (\(workflow.file):\(g.line)) failed: \(error)")))
            }
        }
        guard !failed.isEmpty else { return .held }
        let messages = failed.map { $0.message.filled(in: context) }
        let message: LocalizedText
        if messages.count == 1 {
            message = messages[0]
        } else {
            message = LocalizedText(
                id: "\(messages.count) syarat tidak terpenuhi:\n" + messages.map { "  - " + $0.id }.joined(separator: "\n"),
                en: "\(messages.count) conditions do not hold:\n" + messages.map { "  - " + $0.text(.en) }.joined(separator: "\n"))
        }
        var refusal = Refusal(.guardFailed, message, blockingChildren: blocking)
        refusal.failedGuards = messages
        return .refused(failed, refusal)
    }

    private func accept(_ t: TransitionDefinition, command: Command, instance: InstanceSnapshot, context: EvaluationContext) -> TransitionOutcome {
        let role = command.actor == Command.systemActor ? "system" : t.roles.first(where: command.actorRoles.contains)!
        if let quorum = t.quorum, command.actor != Command.systemActor {
            if command.confirmations.contains(command.actor) {
                return .refused(Refusal(.alreadyConfirmed, LocalizedText(
                    id: "\(command.actor) sudah mengonfirmasi '\(t.event)'", en: "\(command.actor) has already confirmed '\(t.event)'")))
            }
            let need: Int
            switch quorum {
            case .all: need = max(1, command.roleHolders[role] ?? 1)
            case .count(let k): need = k
            }
            let have = command.confirmations.count + 1
            if have < need { return .pending(role: role, have: have, need: need) }
        }
        var context = context
        var variables = instance.variables
        var decisions: [(name: String, value: Value)] = []
        var children: [(workflow: String, count: Int, variables: [String: Value])] = []
        var childEvents: [TransitionOutcome.ChildEvent] = []
        var grants: [GrantOrder] = []
        // The variables as set so far, in a scope of their own that shadows the instance's: updated in
        // place at each `set`, where writing them into the instance's scope would copy all of it.
        var setScope: Int?
        for (index, effect) in t.effects.enumerated() {
            do {
                switch effect {
                case .set(let name, let value, _):
                    let result = try Evaluator.evaluate(value, in: context)
                    if index == t.effects.count - 1 {
                        // Nothing reads the context after the last effect: no scope to make for it (most
                        // transitions set one variable; the scope was a dictionary made and freed each time).
                        variables[name] = result
                    } else if let i = setScope {
                        context.scopes[i]["vars"] = .null  // lets go of the variables, so that they change in place
                        variables[name] = result
                        context.scopes[i]["vars"] = .record(variables)
                    } else {
                        variables[name] = result
                        context.scopes.append(["vars": .record(variables)])
                        setScope = context.scopes.count - 1
                    }
                case .decision(let name, let value, _):
                    decisions.append((name, try Evaluator.evaluate(value, in: context)))
                case .createChildren(let workflow, let count, let passes, _):
                    var n = 1
                    if let count, case .number(let k) = try Evaluator.evaluate(count, in: context) {
                        n = Int(max(0, min(k, 10_000)))
                    }
                    var passed: [String: Value] = [:]
                    for p in passes { passed[p.variable] = try Evaluator.evaluate(p.value, in: context) }
                    children.append((workflow, n, passed))
                case .grant(let g):
                    grants += try GrantOrders.evaluate(g, in: context)
                case .rank(let rank):
                    childEvents += try Ranking.rank(rank, children: command.children ?? [], parent: context)
                case .notifyChildren(let state, let event, _):
                    for child in command.children ?? [] where child.state == state {
                        childEvents.append(.init(child: child.id, event: event, variables: [:]))
                    }
                }
            } catch {
                return .refused(Refusal(.expressionFailed, LocalizedText(
                    id: "efek peralihan '\(t.event)' (\(workflow.file):\(t.line)) gagal dihitung: \(error)",
                    en: "an effect of '\(t.event)' (\(workflow.file):\(t.line)) failed: \(error)")))
            }
        }
        return .accepted(.init(event: t.event, role: role, from: instance.state, to: t.to, variables: variables, decisions: decisions,
                               children: children, childEvents: childEvents, grants: grants))
    }

    /// Events that some transition allows in `state`, for messages and `seleksi show`.
    public func allowedEvents(in state: String) -> [String] {
        let isFinal = workflow.state(state)?.isFinal ?? false
        var out: [String] = []
        for t in workflow.transitions where (t.from.contains(state) || (t.from.contains("*") && !isFinal)) && !out.contains(t.event) {
            out.append(t.event)
        }
        return out
    }

    /// Initial variable values, evaluated when an instance starts: in file order, each reading the
    /// ones before it (`vars.…`), seed tables and the calendar. `given` are values handed in (by the
    /// parent that creates the instance, or at start): a given variable takes that value instead of
    /// its `initial`.
    public func initialVariables(today: CivilDate, reference: ReferenceTables = ReferenceTables(),
                                 given: [String: Value] = [:]) throws -> [String: Value] {
        var vars: [String: Value] = [:]
        vars.reserveCapacity(workflow.variables.count)
        for v in workflow.variables {
            if !given.isEmpty, let value = given[v.id] {
                vars[v.id] = value
                continue
            }
            // The context, which holds the variables so far, is gone before the new one is stored:
            // stored while it lived, the whole dictionary was copied once per variable (a quarter of
            // starting an applicant's instance). A variable without `initial`, or with a literal one
            // (`0`, `false`), needs no context at all.
            let value: Value
            if let initial = v.initial {
                if case .literal(let literal, _) = initial.root {
                    value = literal
                } else {
                    let context = EvaluationContext(
                        scopes: [["vars": .record(vars)]], today: today, reference: reference)
                    value = try Evaluator.evaluate(initial, in: context)
                }
            } else {
                value = .null
            }
            vars[v.id] = value
        }
        return vars
    }
}
