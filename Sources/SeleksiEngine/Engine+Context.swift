import SeleksiCore
import SeleksiStore

/// The names beyond `state`, `vars` and `forms` that a workflow may read, loaded only when it does.
extension Engine {
    func context(for record: InstanceRecord, in w: WorkflowDefinition, actor: String) throws -> [String: Value] {
        var context: [String: Value] = [:]
        let names = w.namesRead
        if names.contains("id") { context["id"] = .number(Double(record.id)) }
        if names.contains("org") { context["org"] = .string(record.org) }
        if names.contains("actor_orgs") {
            let orgs = try db.prepare("SELECT DISTINCT org FROM actor_roles WHERE actor = ? ORDER BY org").rows(.text(actor)) { Value.string($0.text(0)) }
            context["actor_orgs"] = .list(orgs)
        }
        if names.contains("parent"), let parentID = record.parent, let parent = try instance(parentID) {
            context["parent"] = .record([
                "id": .number(Double(parent.id)), "state": .string(parent.state), "org": .string(parent.org),
                "vars": .record(parent.variables), "forms": .record(try latestForms(of: parent.id).mapValues { Value.record($0) }),
            ])
        }
        if names.contains("ratings") { context["ratings"] = .record(try ratings(of: record, in: w)) }
        if names.contains("decisions") {
            var decisions: [String: [Value]] = [:]
            for (name, value, reason, actor) in try db.prepare("SELECT name, value, reason, actor FROM decisions WHERE instance = ? ORDER BY id")
                .rows(.int(record.id), map: { ($0.text(0), $0.text(1), $0.optionalText(2), $0.text(3)) }) {
                decisions[name, default: []].append(.record(["value": JSONBridge.stored(value), "reason": reason.map(Value.string) ?? .null, "actor": .string(actor)]))
            }
            context["decisions"] = .record(decisions.mapValues(Value.list))
        }
        return context
    }

    /// Each actor's latest submission of every independently rated form, with `_actor` added.
    func ratings(of record: InstanceRecord, in w: WorkflowDefinition) throws -> [String: Value] {
        var out: [String: Value] = [:]
        for formID in w.referencedForms where try form(hash: record.formHashes[formID]!).independentRatings {
            let rows = try db.prepare("""
                SELECT actor, data FROM submissions WHERE id IN
                  (SELECT max(id) FROM submissions WHERE instance = ? AND form_id = ? GROUP BY actor) ORDER BY id
                """).rows(.int(record.id), .text(formID)) { ($0.text(0), $0.text(1)) }
            out[formID] = .list(rows.map { actor, data in
                var r = JSONBridge.storedRecord(data)
                r["_actor"] = .string(actor)
                return .record(r)
            })
        }
        return out
    }

    func hasSubmitted(_ formID: String, instance: Int64, actor: String) throws -> Bool {
        try db.prepare("SELECT 1 FROM submissions WHERE instance = ? AND form_id = ? AND actor = ? LIMIT 1")
            .first(.int(instance), .text(formID), .text(actor)) { _ in true } ?? false
    }

    func setVariables(_ values: [String: Value], on id: Int64) throws {
        guard !values.isEmpty, var record = try instance(id) else { return }
        for (k, v) in values { record.variables[k] = v }
        try db.prepare("UPDATE instances SET vars = ? WHERE id = ?").run(.text(Value.record(record.variables).canonicalJSON), .int(id))
    }

    /// Fires the first automatic transition from `state` whose guards hold, as `system`, and repeats
    /// from the state it leads to. A transition whose guards do not hold is skipped silently: it is
    /// not a command, so it leaves no audit row.
    func fireAutomatic(on id: Int64, in w: WorkflowDefinition, state: String, now: Timestamp, depth: Int) throws -> [FireResult] {
        guard w.hasAutomaticTransitions else { return [] }
        let automatic = w.transitions(from: state).filter(\.isAutomatic)
        guard !automatic.isEmpty else { return [] }
        for t in automatic {
            do {
                let result = try performFire(FireRequest(instance: id, event: t.event, actor: Command.systemActor, reason: "otomatis"), now: now, depth: depth + 1)
                return [result]
            } catch is CommandRefused {
                continue
            }
        }
        return []
    }
}
