import SeleksiCore
import SeleksiStore

extension Engine {
    /// Everything a document about an instance may print: its state, variables, forms and decisions,
    /// its organisation (and the one above), its owner, its parent, and its children (each with the
    /// same), children also grouped by state; and the audit position it was made from (the last row that
    /// changed data, so rendering the same state twice prints the same position). Lists are in
    /// instance order, so the same state always gives the same document.
    ///
    /// A document about a round of 20,000 applicants needs few of them: `childStates` names the states
    /// whose children are described (nil: all), and `allChildren` whether the flat list is wanted.
    ///
    /// `projection` (the names a template mentions) keeps only those keys of each description, and
    /// skips reading what the template never prints.
    public func documentContext(_ id: Int64, childStates: Set<String>? = nil, allChildren: Bool = true,
                                projection: DocumentProjection? = nil) throws -> Value {
        try wrap {
            let record = try requireInstance(id)
            var describer = Describer(engine: self, projection: projection)
            var context = try describer.describe(record)
            if let parent = record.parent, let p = try store.instance(parent) { context["parent"] = .record(try describer.describe(p)) }
            // Children that took part (submitted a form), by workflow: counted by the store, not loaded.
            context["children_participating"] = .record(Dictionary(uniqueKeysWithValues: try store.participatingChildCounts(of: id).map {
                ($0.workflow, Value.number(Double($0.count)))
            }))
            if let head = try store.dataHead() {
                context["audit"] = .record(["seq": .number(Double(head.seq)), "head": .string(head.hash.hex)])
            }
            if allChildren || childStates?.isEmpty == false {
                try describeChildren(of: record, into: &context, childStates: childStates, allChildren: allChildren, describer: &describer)
            }
            return .record(context)
        }
    }

    private func describeChildren(of record: InstanceRecord, into context: inout [String: Value], childStates: Set<String>?,
                                  allChildren: Bool, describer: inout Describer) throws {
        let rows = try store.children(of: record.id, states: allChildren ? nil : childStates)
        // Children ranked by a <rank> effect are listed in group and rank order.
        let w = try workflow(hash: record.workflowHash)
        var byState: [String: [(key: [Value], value: Value)]] = [:]
        var all: [Value] = []
        for child in rows {
            let described = Value.record(try describer.describe(child))
            if allChildren { all.append(described) }
            guard childStates == nil || childStates!.contains(child.state) else { continue }
            let key = w.rankVariables.flatMap { [child.variables["\($0)_kelompok"] ?? .null, child.variables[$0] ?? .null] }
                + [.number(Double(child.id))]
            byState[child.state, default: []].append((key, described))
        }
        if allChildren { context["children"] = .list(all) }
        context["children_by_state"] = .record(byState.mapValues { entries in
            .list(entries.sorted { a, b in
                for (x, y) in zip(a.key, b.key) {
                    let c = Ranking.compare(x, y)
                    if c != 0 { return c < 0 }
                }
                return false
            }.map(\.value))
        })
    }

    /// An organisation with the ones above it (bounded, so a tampered loop cannot recurse forever).
    func organisationValue(_ id: String, depth: Int = 0) throws -> Value {
        guard depth < Engine.maxOrganisationDepth, let o = try store.organisation(id) else { return .record(["id": .string(id)]) }
        var out: [String: Value] = ["id": .string(id), "name": .string(o.name), "kind": .string(o.kind)]
        if let parent = o.parent { out["parent"] = try organisationValue(parent, depth: depth + 1) }
        return .record(out)
    }

    func actorRecord(_ id: String) throws -> Value {
        guard let a = try directoryActor(id) else { return .record(["id": .string(id), "name": .string(id)]) }
        return .record(["id": .string(id), "name": .string(a.name), "nip": a.nip.map(Value.string) ?? .string("-")])
    }

    /// Records a rendered document in the audit log: its name and the SHA-256 of its bytes.
    @discardableResult
    public func recordDocument(instance: Int64, template: String, files: [DocumentFile], actor: String,
                               now: Timestamp) throws -> String {
        try recordDocument(
            instance: instance, template: template, hashes: files.map { ($0.name, $0.sha256) }, actor: actor, now: now)
    }

    /// As above, for files already written, by their names and hashes.
    @discardableResult
    public func recordDocument(instance: Int64, template: String, hashes: [(name: String, sha256: Hash256)],
                               actor: String, now: Timestamp) throws -> String {
        try runCommand("document", actor: actor, event: template, now: now) { now in
            let committed = try store.commit(CommandWrite(audit: AuditRecord(
                at: now.seconds, actor: actor, osUser: osUser, instance: instance, command: "document", event: template,
                outcome: "accepted", reason: hashes.map { "\($0.0) sha256=\($0.1.hex)" }.joined(separator: "; "), dataHash: hashes.first?.1)))
            return committed.hash.hex
        }
    }
}

/// Describes instances for one document: organisations and people read once, and with a projection
/// only the parts the template names (no decisions query for a template that prints none).
struct Describer {
    let engine: Engine
    let projection: DocumentProjection?
    var organisations: [String: Value] = [:]
    var actors: [String: Value] = [:]
    /// By workflow (definition hash): whether the template names any of its events.
    var eventsNamed: [String: Bool] = [:]

    private func wants(_ key: String) -> Bool { projection?.keeps(key) ?? true }
    private func pruned(_ v: Value) -> Value { projection?.prune(v) ?? v }

    mutating func describe(_ r: InstanceRecord) throws -> [String: Value] {
        var out: [String: Value] = [
            "id": .number(Double(r.id)), "workflow": .string(r.workflowID), "state": .string(r.state),
            "org": try organisation(r.org), "owner": try actor(r.owner), "vars": pruned(.record(r.variables)),
        ]
        if wants("decisions") {
            var decisions: [String: Value] = [:]
            for d in try engine.store.decisions(instance: r.id) where !d.isBallot {
                decisions[d.name] = .record(["value": d.value, "reason": d.reason.map(Value.string) ?? .null, "actor": .string(d.actor)])
            }
            out["decisions"] = pruned(.record(decisions))
        }
        if wants("events") {
            // The last accepted firing of each event: who did it and when (signatories of a contract).
            // Not looked up when the template names none of the workflow's events (a list of applicants
            // in a document that prints the round's own signing dates).
            var events: [String: Value] = [:]
            for e in try namesAnEvent(of: r) ? engine.store.acceptedEvents(instance: r.id) : []
            where wants(e.event) || projection == nil {
                events[e.event] = .record(["actor": try actor(e.actor), "date": .string(Timestamp(seconds: e.at).date.iso)])
            }
            out["events"] = .record(events)
        }
        if wants("forms") {
            var forms: [String: Value] = [:]
            // An instance has submissions only of the forms fixed when it started: none named, none read.
            let formsNamed = projection == nil || r.formHashes.keys.contains(where: wants)
            let latest = try formsNamed ? engine.store.latestSubmissionIDs(instance: r.id) : [:]
            for (form, id) in latest where wants(form) {
                let data = try projection.map { try engine.submissionData(id, keeping: $0.keeps) }
                    ?? engine.submissionData(id)
                forms[form] = pruned(.record(data))
            }
            out["forms"] = .record(forms)
        }
        return out
    }

    /// Whether the template names an event of the instance's workflow: an accepted firing of the
    /// instance is always one of its workflow's transitions.
    private mutating func namesAnEvent(of r: InstanceRecord) throws -> Bool {
        guard let projection else { return true }
        if let known = eventsNamed[r.workflowHash] { return known }
        let named = try engine.workflow(hash: r.workflowHash).transitions.contains { projection.keeps($0.event) }
        eventsNamed[r.workflowHash] = named
        return named
    }

    mutating func organisation(_ id: String) throws -> Value {
        if let hit = organisations[id] { return hit }
        let value = try engine.organisationValue(id)
        organisations[id] = value
        return value
    }

    mutating func actor(_ id: String) throws -> Value {
        if let hit = actors[id] { return hit }
        let value = try engine.actorRecord(id)
        actors[id] = value
        return value
    }
}

/// A file of a document with the SHA-256 of its bytes, taken where the file is made: the composing
/// thread, for the documents a batch composes ahead. The audit row and the rendering's summary use it,
/// so a document's bytes are hashed once, and off the engine's thread (hashing each document twice
/// on it was 3.8% of a national demo's instructions).
public struct DocumentFile: Sendable {
    public let name: String
    public let bytes: [UInt8]
    public let sha256: Hash256

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        sha256 = Hash256.of(bytes)
    }

    public var sha256Hex: String { sha256.hex }
}
