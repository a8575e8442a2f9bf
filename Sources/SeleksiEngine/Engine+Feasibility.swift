import SeleksiCore
import SeleksiStore

/// Dry runs: what an actor could do on an instance now, asked of the transition function with what its
/// guards read loaded the way `fire` loads it, and nothing written. A task list and a head's view ask
/// this of thousands of instances, so one `DryRun` keeps what they share (the parent, the rater's
/// sheets, the decisions of a round's children) for the length of one call.
extension Engine {
    /// One event an actor could fire on an instance now.
    public struct Possibility: Sendable {
        public let instance: Int64
        public let event: String
        public let label: LocalizedText
        public let role: String
        /// The forms the command must bring (a verdict, a scoring sheet), in the order the workflow names them.
        public let formsToFill: [String]
        public let reasonRequired: Bool
        /// A reason is needed for some answers (a verdict against the machine's proposal).
        public let reasonMayBeRequired: Bool
        public let isOptional: Bool
        /// A quorum event: confirmations so far and needed.
        public let quorum: (have: Int, need: Int)?
    }

    /// What many dry runs in one call share.
    final class DryRun {
        let now: Timestamp
        var parents: [Int64: Value] = [:]
        var childDecisions: [Int64: [Int64: [DecisionRecord]]] = [:]
        var rated: [String: Set<Int64>] = [:]
        var actorOrgs: [String: Value] = [:]
        var freshForms: [String: Bool] = [:]
        var holderIDs: [String: [String]] = [:]
        var children: [String: [ChildView]] = [:]
        var childRecords: [Int64: [InstanceRecord]] = [:]
        var readings: [String: GuardReading] = [:]
        var roles: [String: Set<String>] = [:]
        var instanceLists: [String: [InstanceRecord]] = [:]

        init(now: Timestamp) { self.now = now }
    }

    /// The events `actor` could fire on instance `id` now; optional ones (declare a conflict, withdraw)
    /// included when asked.
    public func possibilities(
        instance id: Int64, actor: String, now: Timestamp, includeOptional: Bool = true
    ) throws -> [Possibility] {
        try wrap {
            let record = try requireInstance(id)
            return try possibilities(on: record, actor: actor, run: DryRun(now: now), includeOptional: includeOptional)
        }
    }

    /// Would this exact command be accepted? It runs as `fire` runs — forms validated, guards, effects,
    /// automatic steps — inside a transaction that is then rolled back, so nothing is written, not even
    /// an audit row. A person is asked to confirm only what would be accepted.
    public func trial(_ request: FireRequest, now: Timestamp) throws -> Result<FireResult, EngineError> {
        struct RolledBack: Error { let result: FireResult }
        let files = try prepareAttachments([request])
        do {
            try wrap {
                try store.transaction {
                    try requireTime(now)
                    throw RolledBack(result: try performFire(request, files: files, now: now))
                }
            }
        } catch let done as RolledBack {
            return .success(done.result)
        } catch let refused as CommandRefused {
            return .failure(.refused(refused.refusal, violations: refused.violations))
        }
        throw EngineError.input("trial of \(request.event) on #\(request.instance) ended without a result")
    }

    func possibilities(
        on record: InstanceRecord, actor: String, run: DryRun, includeOptional: Bool
    ) throws -> [Possibility] {
        let w = try workflow(hash: record.workflowHash)
        let events = TransitionFunction(w).personalEvents(in: record.state)
        guard !events.isEmpty else { return [] }
        let held = try heldRoles(actor, for: record, in: w, run: run)
        guard !held.isEmpty else { return [] }
        var out: [Possibility] = []
        for event in events {
            let candidates = (w.transitionsByEvent[event] ?? []).filter {
                ($0.from.contains(record.state) || $0.from.contains("*")) && $0.roles.contains(where: held.contains)
            }
            guard !candidates.isEmpty, includeOptional || !candidates.allSatisfy(\.isOptional) else { continue }
            if let p = try possibility(
                event, candidates: candidates, on: record, in: w, actor: actor, held: held, run: run)
            {
                out.append(p)
            }
        }
        return out
    }

    private func possibility(
        _ event: String, candidates: [TransitionDefinition], on record: InstanceRecord, in w: WorkflowDefinition,
        actor: String, held: Set<String>, run: DryRun
    ) throws -> Possibility? {
        guard
            case .possible(let p)? = try feasibility(
                event, candidates: candidates, on: record, in: w, actor: actor, held: held, run: run)
        else {
            return nil
        }
        let label = p.transitions.first { $0.label.id != event }?.label ?? LocalizedText(id: event)
        return Possibility(
            instance: record.id, event: event, label: label, role: p.role, formsToFill: p.formsToFill,
            reasonRequired: p.reasonRequired, reasonMayBeRequired: p.reasonMayBeRequired, isOptional: p.isOptional,
            quorum: p.quorum)
    }

    /// Why `actor` could not fire `event` on the instance now (nil if he could), as the dry run finds it.
    func refusalIfTried(_ event: String, on record: InstanceRecord, actor: String, run: DryRun) throws -> Refusal? {
        let w = try workflow(hash: record.workflowHash)
        let held = try heldRoles(actor, for: record, in: w, run: run)
        let candidates = (w.transitionsByEvent[event] ?? []).filter {
            $0.from.contains(record.state) || $0.from.contains("*")
        }
        let permitted = candidates.filter { $0.roles.contains(where: held.contains) }
        guard !permitted.isEmpty else {
            let roles = Set(candidates.flatMap(\.roles)).sorted().joined(separator: ", ")
            return Refusal(
                .roleMissing,
                LocalizedText(id: "\(actor) tidak memegang peran \(roles)", en: "\(actor) holds no role \(roles)"))
        }
        switch try feasibility(event, candidates: permitted, on: record, in: w, actor: actor, held: held, run: run) {
        case .impossible(let r)?: return r
        case .possible?: return nil
        case nil:
            return Refusal(
                .alreadySubmitted,
                LocalizedText(id: "\(actor) sudah menyerahkan lembarnya", en: "\(actor) has submitted his sheet"))
        }
    }

    /// The transition function's dry run for one event; nil when the actor has already given his
    /// independent sheet here.
    /// What the guards of an event's candidate transitions read, worked out once per workflow, state,
    /// event and roles (the same for every applicant of a round).
    struct GuardReading {
        let fresh: Set<String>
        let sheets: Set<String>
        /// Forms whose presence decides which guards wait on the answers.
        let needsPresence: Bool
        let names: Set<String>
        let formsRead: Set<String>
        let childNames: Set<String>
        let readsChildren: Bool
        /// Whether a guard reads more of the children than their states (`Expression.readsChildScopes`).
        let readsChildScopes: Bool
    }

    private func guardReading(
        _ candidates: [TransitionDefinition], record: InstanceRecord, present: [String: Int64]?,
        run: DryRun
    ) throws -> GuardReading {
        let required = Set(candidates.flatMap(\.requiredForms))
        var fresh: Set<String> = []
        for f in required where try bringsAnew(f, record: record, run: run) { fresh.insert(f) }
        let sheets = try fresh.filter { try isIndependent($0, record: record, run: run) }
        let guardForms = Set(
            candidates.flatMap {
                $0.guards.flatMap { g in
                    g.test.paths.filter { $0.path[0] == "forms" && $0.path.count > 1 }.map { $0.path[1] }
                }
            })
        let needsPresence = !required.subtracting(fresh).isEmpty || !guardForms.subtracting(fresh).isEmpty
        var names: Set<String> = []
        var formsRead: Set<String> = []
        var childNames: Set<String> = []
        var readsChildren = false, readsChildScopes = false
        for t in candidates {
            let brings = Set(t.requiredForms.filter { fresh.contains($0) || present?[$0] == nil })
            for g in t.guards where !TransitionFunction.dependsOnAnswers(g.test, brings: brings) {
                for p in g.test.paths {
                    names.insert(p.path[0])
                    if p.path[0] == "forms", p.path.count > 1 { formsRead.insert(p.path[1]) }
                }
                if g.test.readsChildren {
                    readsChildren = true
                    readsChildScopes = readsChildScopes || g.test.readsChildScopes
                    childNames.formUnion(g.test.childScopeNames)
                }
            }
        }
        return GuardReading(
            fresh: fresh, sheets: sheets, needsPresence: needsPresence, names: names, formsRead: formsRead,
            childNames: childNames, readsChildren: readsChildren, readsChildScopes: readsChildScopes)
    }

    /// Whether `event` is open now to someone holding `roles`, whoever he is: the guards that do not read
    /// who is asking (`actor`, `actor_orgs`) hold. A rater barred by such a guard (the round is not in
    /// scoring yet) is not short of anything; one barred by a guard about himself is.
    func isOpenToRole(_ event: String, roles: [String], on record: InstanceRecord, run: DryRun) throws -> Bool {
        let w = try workflow(hash: record.workflowHash)
        let held = Set(roles)
        let candidates = (w.transitionsByEvent[event] ?? []).filter {
            ($0.from.contains(record.state) || $0.from.contains("*")) && $0.roles.contains(where: held.contains)
        }
        guard !candidates.isEmpty else { return false }
        let personal: Set<String> = ["actor", "actor_orgs"]
        let result = try feasibility(
            event, candidates: candidates, on: record, in: w, actor: Command.systemActor, held: held, run: run,
            openNames: personal)
        return result?.isPossible ?? true
    }

    /// The transition function's dry run for one event; nil when the actor has already given his
    /// independent sheet here.
    private func feasibility(
        _ event: String, candidates: [TransitionDefinition], on record: InstanceRecord, in w: WorkflowDefinition,
        actor: String, held: Set<String>, run: DryRun, openNames: Set<String> = []
    ) throws -> TransitionFunction.Feasibility? {
        let key = "\(record.workflowHash)|\(record.state)|\(event)|\(held.sorted().joined(separator: ","))"
        var reading = run.readings[key]
        if reading == nil {
            let first = try guardReading(candidates, record: record, present: nil, run: run)
            if !first.needsPresence { run.readings[key] = first }
            reading = first
        }
        // A form each command brings anew (a rater's sheet, a verdict): an actor who already gave his
        // independent sheet has nothing left to do here.
        for f in reading!.sheets where try rated(by: actor, form: f, run: run).contains(record.id) { return nil }
        var present: [String: Int64] = [:]
        if reading!.needsPresence {
            present = try store.latestSubmissionIDs(instance: record.id)
            reading = try guardReading(candidates, record: record, present: present, run: run)
        }
        let r = reading!
        var forms: [String: [String: Value]] = [:]
        for (f, id) in present { forms[f] = r.formsRead.contains(f) ? try submissionData(id) : [:] }
        var holders: [String: Int] = [:]
        var confirmations: Set<String> = []
        if let q = candidates.first(where: { $0.quorum != nil }) {
            for role in q.roles { holders[role] = try self.holders(of: role, for: record, in: w, at: run.now) }
            confirmations = try store.confirmations(instance: record.id, stateSeq: record.stateSeq, event: event)
        }
        let command = Command(
            event: event, actor: actor, actorRoles: held, now: run.now, confirmations: confirmations,
            roleHolders: holders,
            children: r.readsChildren
                ? try lightChildViews(of: record.id, reading: r.readsChildScopes ? r.childNames : nil, run: run) : nil,
            reference: try referenceTables(for: w), actors: try knownActors(for: w))
        let snapshot = InstanceSnapshot(
            id: record.id, state: record.state, variables: record.variables, forms: forms,
            context: try dryRunContext(record, w, actor: actor, names: r.names, run: run))
        return TransitionFunction(w).feasibility(command, on: snapshot, independentForms: r.fresh, openNames: openNames)
    }

    /// The roles `actor` holds for an instance, read once per organisation in a call (and per instance he owns).
    func heldRoles(
        _ actor: String, for record: InstanceRecord, in w: WorkflowDefinition, run: DryRun
    ) throws -> Set<String> {
        let key = "\(actor)|\(record.org)|\(record.workflowHash)|\(actor == record.owner ? record.id : 0)"
        if let hit = run.roles[key] { return hit }
        let held = try roles(of: actor, for: record, in: w, at: run.now)
        run.roles[key] = held
        return held
    }

    // MARK: What the guards read

    /// The names beyond `state`, `vars` and `forms` the guards read, shaped as `context(for:)` shapes
    /// them; the parent, the round's decisions and the actor's organisations are read once per call.
    func dryRunContext(
        _ record: InstanceRecord, _ w: WorkflowDefinition, actor: String, names: Set<String>, run: DryRun
    ) throws -> [String: Value] {
        var context: [String: Value] = [:]
        if names.contains("id") { context["id"] = .number(Double(record.id)) }
        if names.contains("org") { context["org"] = .string(record.org) }
        if names.contains("actor_orgs") {
            if run.actorOrgs[actor] == nil {
                run.actorOrgs[actor] = .list(try actorOrganisations(actor, at: run.now).map(Value.string))
            }
            context["actor_orgs"] = run.actorOrgs[actor]
        }
        if names.contains("parent"), let parentID = record.parent {
            if run.parents[parentID] == nil, let parent = try store.instance(parentID) {
                run.parents[parentID] = try parentValue(parent)
            }
            context["parent"] = run.parents[parentID]
        }
        if names.contains("ratings") { context["ratings"] = .record(try ratings(of: record, in: w)) }
        if names.contains("peers") { context["peers"] = try peers(of: record) }
        if names.contains("instances") { context["instances"] = try instancesValue(for: record, in: w) }
        if names.contains("votes") { context["votes"] = try votesValue(of: record, in: w, now: run.now) }
        if names.contains("decisions") {
            if let parent = record.parent, let byChild = run.childDecisions[parent] {
                context["decisions"] = decisionsValue(byChild[record.id] ?? [])
            } else {
                context["decisions"] = decisionsValue(try store.decisions(instance: record.id))
            }
        }
        return context
    }

    /// Reads every decision of a round's children at once (for a call that asks about many of them).
    func preloadDecisions(ofChildrenOf parent: Int64, run: DryRun) throws {
        guard run.childDecisions[parent] == nil else { return }
        run.childDecisions[parent] = Dictionary(grouping: try store.childDecisions(parent: parent), by: \.instance)
    }

    /// Children as a guard over them sees them, with only what its predicates read: with `names` nil,
    /// their states alone (`children-count`).
    func lightChildViews(of parent: Int64, reading names: Set<String>?, run: DryRun) throws -> [ChildView] {
        let key = "\(parent)|\(names.map { $0.contains("forms") ? "forms" : "records" } ?? "states")"
        if let cached = run.children[key] { return cached }
        guard let names else {
            let views = try childStateViews(of: parent)
            run.children[key] = views
            return views
        }
        let records = try run.childRecords[parent] ?? store.children(of: parent, states: nil)
        let views = try records.map { child -> ChildView in
            var scope: [String: Value] = [
                "id": .number(Double(child.id)), "state": .string(child.state), "org": .string(child.org),
                "vars": .record(child.variables),
            ]
            if names.contains("forms") {
                scope["forms"] = .record(try latestForms(of: child.id).mapValues { Value.record($0) })
            }
            return ChildView(id: child.id, state: child.state, scope: scope)
        }
        run.children[key] = views
        return views
    }

    /// Instances of a workflow in a state (under a parent), read once per call.
    func instances(workflow: String, state: String, parent: Int64?, run: DryRun) throws -> [InstanceRecord] {
        let key = "\(workflow)|\(state)|\(parent.map(String.init) ?? "")"
        if let hit = run.instanceLists[key] { return hit }
        let found = try store.instances(
            InstanceFilter(workflow: workflow, state: state, parent: parent), limit: Int.max)
        run.instanceLists[key] = found
        return found
    }

    // MARK: Forms and sheets

    /// A form each command brings anew rather than finds on file: a rater's independent sheet, or a
    /// form of the team's judgement (any field filled by a rater, such as a verdict).
    func bringsAnew(_ formID: String, record: InstanceRecord, run: DryRun) throws -> Bool {
        guard let hash = record.formHashes[formID] else { return false }
        if let known = run.freshForms[hash] { return known }
        let form = try form(hash: hash)
        let fresh = form.independentRatings || form.allFields.contains { $0.field.filledBy == .rater }
        run.freshForms[hash] = fresh
        return fresh
    }

    func isIndependent(_ formID: String, record: InstanceRecord, run: DryRun) throws -> Bool {
        guard let hash = record.formHashes[formID] else { return false }
        return try form(hash: hash).independentRatings
    }

    /// The instances where `actor` has a sheet of `form` on file (read once per call).
    func rated(by actor: String, form: String, run: DryRun) throws -> Set<Int64> {
        let key = actor + "\u{1F}" + form
        if let hit = run.rated[key] { return hit }
        let found = try store.instancesRated(by: actor, form: form)
        run.rated[key] = found
        return found
    }

    /// The actors who hold `role` in `org` or above it now, sorted.
    func holderIDs(of role: String, in org: String, run: DryRun) throws -> [String] {
        let key = role + "\u{1F}" + org
        if let hit = run.holderIDs[key] { return hit }
        var actors: Set<String> = []
        for o in try ancestors(of: org) {
            for g in try store.grants(role: role, org: o) where try isActive(g, at: run.now) { actors.insert(g.actor) }
        }
        let sorted = actors.sorted()
        run.holderIDs[key] = sorted
        return sorted
    }
}
