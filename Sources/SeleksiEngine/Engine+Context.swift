import SeleksiCore
import SeleksiStore

/// The names beyond `state`, `vars` and `forms` that a workflow may read, loaded only when it does.
extension Engine {
    /// `names`: the names to load, when fewer than every name the workflow reads (a command's candidates'
    /// `namesRead`: an automatic recount reads the ratings and the parent, not the decisions or the
    /// organisations of whoever fired).
    func context(for record: InstanceRecord, in w: WorkflowDefinition, actor: String, now: Timestamp,
                 withVotes: Bool = true, names only: Set<String>? = nil,
                 parentForms: FormFieldReads? = nil) throws -> [String: Value] {
        var context: [String: Value] = [:]
        // The few names read, each matched once (`vars`, `state` and `forms` are the snapshot's own),
        // rather than every name the shell knows looked up in the set on every command; in a fixed
        // order, so that the same fault gives the same message on every run.
        let names = only ?? w.namesRead
        for name in names.count > 1 ? names.sorted() : Array(names) {
            switch name {
            case "id": context["id"] = .number(Double(record.id))
            case "org": context["org"] = .string(record.org)
            case "actor_orgs": context["actor_orgs"] = .list(try actorOrganisations(actor, at: now).map(Value.string))
            case "parent":
                if let parentID = record.parent, let parent = try store.instance(parentID) {
                    context["parent"] = try parentValue(parent, reading: parentForms)
                }
            case "ratings": context["ratings"] = .record(try ratings(of: record, in: w))
            case "decisions": context["decisions"] = decisionsValue(try store.decisions(instance: record.id))
            case "peers": context["peers"] = try peers(of: record)
            case "instances": context["instances"] = try instancesValue(for: record, in: w)
            case "votes" where withVotes: context["votes"] = try votesValue(of: record, in: w, now: now)
            default: break
            }
        }
        if let tree = try treeValue(for: record, in: w) { context[Expression.treeName] = tree }
        return context
    }

    /// A parent as its children's expressions read it (`parent.state`, `parent.vars.…`, `parent.forms.…`);
    /// with `reads`, only the forms and fields named. The parent's forms are cached whole (every child's
    /// command reads the same ones) and narrowed here.
    func parentValue(_ parent: InstanceRecord, reading reads: FormFieldReads? = nil) throws -> Value {
        var forms = try latestForms(of: parent.id, only: reads?.formIDs)
        if let reads { for (id, data) in forms { forms[id] = reads.narrow(id, data) } }
        return .record([
            "id": .number(Double(parent.id)), "state": .string(parent.state), "org": .string(parent.org),
            "vars": .record(parent.variables), "forms": .record(forms.mapValues { Value.record($0) }),
        ])
    }

    /// How many other instances `peers` reads at most: a bound on what one command may load.
    static let maxPeers = 500

    /// The other instances of the workflow in the same organisation, oldest first, as
    /// `{id, state, org, created, vars}`.
    func peers(of record: InstanceRecord) throws -> Value {
        let others = try store.instances(InstanceFilter(workflow: record.workflowID, org: record.org), limit: Engine.maxPeers + 1)
            .filter { $0.id != record.id }
        return .list(others.prefix(Engine.maxPeers).map(Engine.instanceValue))
    }

    /// `instances.<workflow>`: the instances of another workflow in the same organisation (the round of
    /// last year, a report that should have been filed), oldest first, at most `maxPeers` of them.
    func instancesValue(for record: InstanceRecord, in w: WorkflowDefinition) throws -> Value {
        var out: [String: Value] = [:]
        let wanted = Set(w.instanceQueries)
        for id in wanted.sorted() {
            let found = try store.instances(InstanceFilter(workflow: id, org: record.org), limit: Engine.maxPeers + 1)
                .filter { $0.id != record.id }
            out[id] = .list(found.prefix(Engine.maxPeers).map(Engine.instanceValue))
        }
        return .record(out)
    }

    static func instanceValue(_ r: InstanceRecord) -> Value {
        .record(["id": .number(Double(r.id)), "state": .string(r.state), "org": .string(r.org),
                 "created": .date(Timestamp(seconds: r.createdAt).date), "vars": .record(r.variables)])
    }

    /// Decisions by name, each a list of `{value, reason, actor}` in the order taken (ballots left out).
    func decisionsValue(_ decisions: [DecisionRecord]) -> Value {
        var byName: [String: [Value]] = [:]
        for d in decisions where !d.isBallot {
            byName[d.name, default: []].append(.record(["value": d.value, "reason": d.reason.map(Value.string) ?? .null, "actor": .string(d.actor)]))
        }
        return .record(byName.mapValues(Value.list))
    }

    /// Each rater's latest sheet of every independently rated form (withdrawn ones left out), with `_actor` added.
    func ratings(of record: InstanceRecord, in w: WorkflowDefinition) throws -> [String: Value] {
        var out: [String: Value] = [:]
        for formID in w.referencedForms {
            guard let hash = record.formHashes[formID], try form(hash: hash).independentRatings else { continue }
            out[formID] = .list(try store.latestPerActorIDs(instance: record.id, form: formID).map { s in
                var r = try submissionData(s.id)
                r["_actor"] = .string(s.actor)
                return .record(r)
            })
        }
        return out
    }

    func hasSubmitted(_ formID: String, instance: Int64, actor: String) throws -> Bool {
        guard let mine = try store.latestSubmission(instance: instance, form: formID, actor: actor) else { return false }
        return mine.kind != .withdraw
    }

    /// Fires the first automatic transition from `state` whose guards hold, as `system`, and repeats
    /// from the state it leads to. A transition whose guards do not hold is skipped silently: it is
    /// not a command, so it leaves no audit row.
    func fireAutomatic(on id: Int64, in w: WorkflowDefinition, state: String, now: Timestamp, depth: Int) throws -> [FireResult] {
        guard w.hasAutomaticTransitions else { return [] }
        let automatic = w.transitions(from: state).filter(\.isAutomatic)
        var tried: Set<String> = []
        for t in automatic where tried.insert(t.event).inserted {
            do {
                let result = try performFire(FireRequest(instance: id, event: t.event, actor: Command.systemActor, reason: "otomatis"),
                                             files: PreparedAttachments(), now: now, depth: depth + 1)
                return [result]
            } catch is CommandRefused {
                continue
            }
        }
        return []
    }
}
