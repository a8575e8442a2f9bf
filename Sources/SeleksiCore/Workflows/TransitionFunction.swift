/// `(instance, command) -> outcome`, computed purely: no clock, no storage, no randomness.
///
/// Order of checks, each refusal saying what would be valid: the event exists; it is allowed in the
/// current state; the actor holds a role the transition grants; a reason is given if one is needed;
/// the required forms are submitted; a guard holds (transitions sharing an event and state are tried
/// in file order, the first whose guards hold wins); the quorum is reached.
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
            let allowed = allowedEvents(in: instance.state).joined(separator: ", ")
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
        var firstRefusal: Refusal?
        for t in permitted {
            if let missing = t.requiredForms.first(where: { forms[$0] == nil }) {
                firstRefusal = firstRefusal ?? Refusal(.formMissing, LocalizedText(
                    id: "'\(t.event)' memerlukan formulir '\(missing)' yang belum diserahkan", en: "'\(t.event)' needs form '\(missing)', not yet submitted"))
                continue
            }
            let scope = instance.scope(actor: command.actor, reason: command.reason, forms: command.submittedForms)
            let context = EvaluationContext(scopes: [scope], today: command.now.date, children: command.children, reference: command.reference,
                                            siblings: command.siblings)
            var failed: Refusal?
            for g in t.guards {
                do {
                    if !Evaluator.truthy(try Evaluator.evaluate(g.test, in: context)) {
                        failed = Refusal(.guardFailed, g.message, blockingChildren: BlockingChildren.of(g.test, in: context))
                        break
                    }
                } catch {
                    failed = Refusal(.expressionFailed, LocalizedText(
                        id: "syarat '\(g.test.source)' (\(workflow.file):\(g.line)) gagal dihitung: \(error)",
                        en: "guard '\(g.test.source)' (\(workflow.file):\(g.line)) failed: \(error)"))
                    break
                }
            }
            if let failed { firstRefusal = firstRefusal ?? failed; continue }
            if t.reasonRequired && !hasReason {
                reasonRefusal = reasonRefusal ?? Refusal(.reasonRequired, LocalizedText(
                    id: "'\(command.event)' memerlukan alasan tertulis (--reason)", en: "'\(command.event)' needs a written reason (--reason)"))
                continue
            }
            return accept(t, command: command, instance: instance, context: context)
        }
        return .refused(reasonRefusal ?? firstRefusal!)
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
        var children: [(workflow: String, count: Int)] = []
        var childEvents: [TransitionOutcome.ChildEvent] = []
        for effect in t.effects {
            do {
                switch effect {
                case .set(let name, let value, _):
                    variables[name] = try Evaluator.evaluate(value, in: context)
                    context.scopes[0]["vars"] = .record(variables)
                case .decision(let name, let value, _):
                    decisions.append((name, try Evaluator.evaluate(value, in: context)))
                case .createChildren(let workflow, let count, _):
                    var n = 1
                    if let count, case .number(let k) = try Evaluator.evaluate(count, in: context) { n = max(0, Int(k)) }
                    children.append((workflow, n))
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
        return .accepted(.init(event: t.event, role: role, from: instance.state, to: t.to, variables: variables, decisions: decisions, children: children, childEvents: childEvents))
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

    /// Initial variable values, evaluated when an instance starts.
    public func initialVariables(today: CivilDate) throws -> [String: Value] {
        var vars: [String: Value] = [:]
        for v in workflow.variables {
            let ctx = EvaluationContext(scopes: [["vars": .record(vars)]], today: today)
            vars[v.id] = try v.initial.map { try Evaluator.evaluate($0, in: ctx) } ?? .null
        }
        return vars
    }
}
