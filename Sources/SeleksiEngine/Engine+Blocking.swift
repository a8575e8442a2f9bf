import SeleksiCore
import SeleksiStore

/// A refused round event names what holds it up: every child that keeps its guard from holding, who
/// it is, in which state, and what it waits for. Names are added for the person reading the refusal,
/// after its audit row is written (the log keeps instance numbers, never names).
extension Engine {
    /// How many blocking children a refusal names before it says how many more there are.
    static let blockingNamed = 20

    /// The refusal with its blocking children named, one per line.
    func naming(_ refusal: Refusal) -> Refusal {
        guard !refusal.blockingChildren.isEmpty else { return refusal }
        let ids = refusal.blockingChildren
        let run = DryRun(now: Timestamp(seconds: (try? store.auditHead()?.at) ?? 0))
        var id = "\(refusal.message.id) — \(ids.count) instans:"
        var en = "\(refusal.message.text(.en)) — \(ids.count) instance(s):"
        for child in ids.prefix(Engine.blockingNamed) {
            let line = (try? waitingLine(child, run: run)) ?? LocalizedText(id: "#\(child)")
            id += "\n  " + line.id
            en += "\n  " + line.text(.en)
        }
        if ids.count > Engine.blockingNamed {
            let parent = ((try? store.instance(ids[0])) ?? nil)?.parent.map { " (seleksi progress \($0))" } ?? ""
            id += "\n  … dan \(ids.count - Engine.blockingNamed) lainnya\(parent)"
            en += "\n  … and \(ids.count - Engine.blockingNamed) more\(parent)"
        }
        var named = refusal
        named.message = LocalizedText(id: id, en: en)
        return named
    }

    /// `#12 Dewi Lestari, SKB Kabupaten Contoh 1: Memenuhi syarat; dinilai tim — 2 dari 3 lembar tb_skor; menunggu nilai (tim_seleksi)`.
    func waitingLine(_ id: Int64, run: DryRun) throws -> LocalizedText {
        guard let r = try store.instance(id) else { return LocalizedText(id: "#\(id)") }
        let w = try workflow(hash: r.workflowHash)
        let label = w.state(r.state)?.label ?? LocalizedText(id: r.state)
        var idParts: [String] = []
        var enParts: [String] = []
        let independent = Set(
            r.formHashes.compactMap { (f, h) in ((try? form(hash: h))?.independentRatings ?? false) ? f : nil })
        for policy in RatingPolicy.policies(in: w, independentForms: independent) where policy.state == r.state {
            let sheets = try store.latestPerActorIDs(instance: r.id, form: policy.form).count
            let need = try requiredSheets(policy, for: r, in: w, run: run)
            idParts.append("\(sheets)\(need.map { " dari \($0)" } ?? "") lembar \(policy.form)")
            enParts.append("\(sheets)\(need.map { " of \($0)" } ?? "") \(policy.form) sheet(s)")
        }
        let waiting = w.transitions(from: r.state).filter {
            !$0.isAutomatic && !$0.isOptional && !$0.roles.contains(Command.systemActor)
        }
        var events: [String] = []
        for t in waiting where !events.contains(t.event) { events.append(t.event) }
        if !events.isEmpty {
            let text = events.map { e in
                "\(e) (\(Set(waiting.filter { $0.event == e }.flatMap(\.roles)).sorted().joined(separator: ", ")))"
            }.joined(separator: ", ")
            idParts.append("menunggu \(text)")
            enParts.append("waiting for \(text)")
        }
        let who = "#\(r.id) \(displayName(ofActor: r.owner)), \(try store.organisation(r.org)?.name ?? r.org): "
        return LocalizedText(
            id: who + label.id + (idParts.isEmpty ? "" : " — " + idParts.joined(separator: "; ")),
            en: who + label.text(.en) + (enParts.isEmpty ? "" : " — " + enParts.joined(separator: "; ")))
    }

    /// How many sheets a policy needs on this instance (its `count(ratings.F) >= N`, evaluated here).
    func requiredSheets(
        _ policy: RatingPolicy, for record: InstanceRecord, in w: WorkflowDefinition, run: DryRun
    ) throws -> Int? {
        // A non-finite or huge number is no count (Int(_:) would trap on it).
        try policy.required.flatMap { try policyNumber($0, for: record, in: w, run: run) }
            .flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0) : nil }
    }

    /// The largest spread that is still agreement on this instance, if the policy says.
    func tolerance(
        _ policy: RatingPolicy, for record: InstanceRecord, in w: WorkflowDefinition, run: DryRun
    ) throws -> Double? {
        try policy.tolerance.flatMap { try policyNumber($0, for: record, in: w, run: run) }
    }

    /// A number of the rating policy evaluated on the instance as a dry run sees it; nil when it is not one.
    private func policyNumber(
        _ expression: Expression, for record: InstanceRecord, in w: WorkflowDefinition, run: DryRun
    ) throws -> Double? {
        let context = try dryRunContext(
            record, w, actor: Command.systemActor, names: Set(expression.paths.map { $0.path[0] }), run: run)
        let snapshot = InstanceSnapshot(
            id: record.id, state: record.state, variables: record.variables, forms: [:], context: context)
        guard
            case .number(let n) = try? Evaluator.evaluate(
                expression, in: EvaluationContext(scopes: [snapshot.scope()], today: run.now.date))
        else { return nil }
        return n
    }
}
