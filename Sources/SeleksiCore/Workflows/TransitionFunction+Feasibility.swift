/// Whether an actor could fire an event now, before he has filled the forms it needs: the dry run
/// behind a task list. It asks the same questions as `apply`, in the same order, except that a guard
/// reading a form the command itself would bring (or its reason) is left open: its answer depends on
/// what the person will write.
extension TransitionFunction {
    public enum Feasibility: Sendable {
        case possible(Possible)
        case impossible(Refusal)

        public var isPossible: Bool { if case .possible = self { return true } else { return false } }
    }

    public struct Possible: Sendable {
        public let event: String
        /// The role the actor would act in.
        public let role: String
        /// The transitions that may still apply, in file order (which one does depends on the answers).
        public let transitions: [TransitionDefinition]
        /// Forms the command must bring, in the order the first transition names them.
        public let formsToFill: [String]
        /// Every transition that may apply needs a written reason.
        public let reasonRequired: Bool
        /// Some do (an answer that differs from a proposal, say).
        public let reasonMayBeRequired: Bool
        /// Every transition that may apply is `optional="true"`.
        public let isOptional: Bool
        /// A quorum event: confirmations so far and needed (the actor's own not yet among them).
        public let quorum: (have: Int, need: Int)?
    }

    /// `independentForms`: the forms rated independently, which each rater brings for himself even when
    /// another rater's sheet is on file.
    /// `openNames`: guards reading any of these names are left open too (`actor`, to ask whether an
    /// event is open to anyone holding the role, whoever he is).
    public func feasibility(
        _ command: Command, on instance: InstanceSnapshot, independentForms: Set<String>,
        openNames: Set<String> = []
    ) -> Feasibility {
        guard let named = workflow.transitionsByEvent[command.event] else {
            return .impossible(
                Refusal(
                    .unknownEvent,
                    LocalizedText(
                        id: "peristiwa '\(command.event)' tidak ada di alur \(workflow.id)",
                        en: "event '\(command.event)' does not exist in workflow \(workflow.id)")))
        }
        let isFinal = workflow.state(instance.state)?.isFinal ?? false
        let candidates = named.filter { $0.from.contains(instance.state) || ($0.from.contains("*") && !isFinal) }
        guard !candidates.isEmpty else {
            return .impossible(
                Refusal(
                    .notAllowedInState,
                    LocalizedText(
                        id: "peristiwa '\(command.event)' tidak berlaku pada status '\(instance.state)'",
                        en: "event '\(command.event)' is not allowed in state '\(instance.state)'")))
        }
        let permitted = candidates.filter { t in t.roles.contains(where: command.actorRoles.contains) }
        guard !permitted.isEmpty else {
            return .impossible(
                Refusal(
                    .roleMissing,
                    LocalizedText(
                        id: "\(command.actor) tidak memegang peran untuk '\(command.event)'",
                        en: "\(command.actor) holds no role for '\(command.event)'")))
        }
        var open: [TransitionDefinition] = []
        var firstRefusal: Refusal?
        for t in permitted {
            let brings = Set(t.requiredForms.filter { independentForms.contains($0) || instance.forms[$0] == nil })
            var forms = instance.forms
            for f in brings { forms[f] = nil }
            let snapshot = InstanceSnapshot(
                id: instance.id, state: instance.state, variables: instance.variables, forms: forms,
                context: instance.context)
            let context = EvaluationContext(
                scopes: [snapshot.scope(actor: command.actor)], today: command.now.date,
                children: command.children, reference: command.reference)
            var failed: Refusal?
            for g in t.guards
            where !Self.dependsOnAnswers(g.test, brings: brings)
                && !g.test.paths.contains(where: { openNames.contains($0.path[0]) })
            {
                do {
                    if !Evaluator.truthy(try Evaluator.evaluate(g.test, in: context)) {
                        failed = Refusal(
                            .guardFailed, g.message.filled(in: context), blockingChildren: BlockingChildren.of(g.test, in: context))
                        break
                    }
                } catch {
                    failed = Refusal(
                        .expressionFailed,
                        LocalizedText(
                            id: "syarat '\(g.test.source)' (\(workflow.file):\(g.line)) gagal dihitung: \(error)",
                            en: "guard '\(g.test.source)' (\(workflow.file):\(g.line)) failed: \(error)"))
                    break
                }
            }
            if t.quorum != nil, command.confirmations.contains(command.actor) {
                failed =
                    failed
                    ?? Refusal(
                        .alreadyConfirmed,
                        LocalizedText(
                            id: "\(command.actor) sudah mengonfirmasi '\(t.event)'",
                            en: "\(command.actor) has already confirmed '\(t.event)'"))
            }
            if let failed {
                firstRefusal = firstRefusal ?? failed
                continue
            }
            open.append(t)
        }
        guard let first = open.first else { return .impossible(firstRefusal!) }
        let role = first.roles.first(where: command.actorRoles.contains)!
        let brings = first.requiredForms.filter { independentForms.contains($0) || instance.forms[$0] == nil }
        var quorum: (have: Int, need: Int)?
        if let q = first.quorum {
            switch q {
            case .all: quorum = (command.confirmations.count, max(1, command.roleHolders[role] ?? 1))
            case .count(let k): quorum = (command.confirmations.count, k)
            }
        }
        return .possible(
            Possible(
                event: command.event, role: role, transitions: open, formsToFill: brings,
                reasonRequired: open.allSatisfy(\.reasonRequired),
                reasonMayBeRequired: open.contains(where: \.reasonRequired),
                isOptional: open.allSatisfy(\.isOptional), quorum: quorum))
    }

    /// Events a person might fire from `state` (not the system's, not automatic), in file order.
    public func personalEvents(in state: String) -> [String] {
        let isFinal = workflow.state(state)?.isFinal ?? false
        var out: [String] = []
        for t in workflow.transitions
        where (t.from.contains(state) || (t.from.contains("*") && !isFinal))
            && !t.isAutomatic && t.roles.contains(where: { $0 != Command.systemActor }) && !out.contains(t.event)
        {
            out.append(t.event)
        }
        return out
    }

    /// A guard whose answer depends on what the command brings: a form it submits, or its reason.
    public static func dependsOnAnswers(_ test: Expression, brings: Set<String>) -> Bool {
        test.paths.contains { p in
            (p.path[0] == "forms" && p.path.count > 1 && brings.contains(p.path[1])) || p.path[0] == "reason"
        }
    }
}
