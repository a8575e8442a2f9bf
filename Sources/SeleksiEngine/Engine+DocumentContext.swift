import SeleksiCore
import SeleksiStore

extension Engine {
    /// Everything a document about an instance may print: its state, variables, forms and decisions,
    /// its organisation (and the one above), its owner, its parent, and its children (each with the
    /// same), children also grouped by state. Lists are in instance order, so the same state always
    /// gives the same document.
    ///
    /// A document about a round of 20,000 applicants needs few of them: `childStates` names the states
    /// whose children are described (nil: all), and `allChildren` whether the flat list is wanted.
    public func documentContext(_ id: Int64, childStates: Set<String>? = nil, allChildren: Bool = true) throws -> Value {
        try wrap {
            let record = try requireInstance(id)
            var context = try describe(record)
            if let parent = record.parent, let p = try instance(parent) { context["parent"] = .record(try describe(p)) }
            // Children that took part (submitted a form), by workflow: counted in SQL, not loaded.
            let participating = try db.prepare("""
                SELECT i.workflow_id, count(*) FROM instances i WHERE i.parent = ? AND EXISTS (SELECT 1 FROM submissions s WHERE s.instance = i.id)
                GROUP BY i.workflow_id
                """).rows(.int(id)) { ($0.text(0), Value.number(Double($0.int(1)))) }
            context["children_participating"] = .record(Dictionary(uniqueKeysWithValues: participating))
            if allChildren || childStates?.isEmpty == false {
                let rows = try db.prepare("SELECT \(InstanceRecord.columns) FROM instances WHERE parent = ? ORDER BY id").rows(.int(id)) { InstanceRecord(row: $0) }
                // Children ranked by a <rank> effect are listed in group and rank order.
                let w = try workflow(hash: record.workflowHash)
                var byState: [String: [(key: [Value], value: Value)]] = [:]
                var all: [Value] = []
                for child in rows where allChildren || childStates!.contains(child.state) {
                    let described = Value.record(try describe(child))
                    if allChildren { all.append(described) }
                    guard childStates == nil || childStates!.contains(child.state) else { continue }
                    let key = w.rankVariables.flatMap { [child.variables["\($0)_kelompok"] ?? .null, child.variables[$0] ?? .null] } + [.number(Double(child.id))]
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
            return .record(context)
        }
    }

    private func describe(_ r: InstanceRecord) throws -> [String: Value] {
        var decisions: [String: Value] = [:]
        for (name, value, reason, actor) in try db.prepare("SELECT name, value, reason, actor FROM decisions WHERE instance = ? ORDER BY id")
            .rows(.int(r.id), map: { ($0.text(0), $0.text(1), $0.optionalText(2), $0.text(3)) }) {
            decisions[name] = .record(["value": JSONBridge.stored(value), "reason": reason.map(Value.string) ?? .null, "actor": .string(actor)])
        }
        // The last accepted firing of each event: who did it and when (signatories of a contract).
        var events: [String: Value] = [:]
        for (event, actor, at) in try db.prepare("SELECT event, actor, at FROM audit_log WHERE instance = ? AND command = 'fire' AND outcome = 'accepted' ORDER BY seq")
            .rows(.int(r.id), map: { ($0.text(0), $0.text(1), $0.int(2)) }) {
            events[event] = .record(["actor": try actorRecord(actor), "date": .string(Timestamp(seconds: at).date.iso)])
        }
        return [
            "events": .record(events),
            "id": .number(Double(r.id)), "workflow": .string(r.workflowID), "state": .string(r.state),
            "org": try organisation(r.org), "owner": try actorRecord(r.owner),
            "vars": .record(r.variables), "forms": .record(try latestForms(of: r.id).mapValues { Value.record($0) }),
            "decisions": .record(decisions),
        ]
    }

    func organisation(_ id: String) throws -> Value {
        guard let (name, kind, parent) = try db.prepare("SELECT name, kind, parent FROM organisations WHERE id = ?")
            .first(.text(id), map: { ($0.text(0), $0.text(1), $0.optionalText(2)) }) else { return .record(["id": .string(id)]) }
        var out: [String: Value] = ["id": .string(id), "name": .string(name), "kind": .string(kind)]
        if let parent { out["parent"] = try organisation(parent) }
        return .record(out)
    }

    func actorRecord(_ id: String) throws -> Value {
        guard let (name, nip) = try db.prepare("SELECT name, nip FROM actors WHERE id = ?").first(.text(id), map: { ($0.text(0), $0.optionalText(1)) }) else {
            return .record(["id": .string(id), "name": .string(id)])
        }
        return .record(["id": .string(id), "name": .string(name), "nip": nip.map(Value.string) ?? .string("-")])
    }

    /// Records a rendered document in the audit log: its name and the SHA-256 of its bytes.
    @discardableResult
    public func recordDocument(instance: Int64, template: String, files: [(name: String, bytes: [UInt8])], actor: String, now: Timestamp) throws -> String {
        try wrap {
            try db.transaction {
                let hashes = files.map { ($0.name, Hashing.sha256Hex($0.bytes)) }
                let row = try audit.append(AuditRecord(at: now.seconds, actor: actor, instance: instance, command: "document", event: template,
                                                       outcome: "accepted", reason: hashes.map { "\($0.0) sha256=\($0.1)" }.joined(separator: "; "),
                                                       dataHash: hashes.first?.1))
                return row.hash
            }
        }
    }
}

/// SHA-256 in hex, for modules that do not link Crypto themselves.
public func sha256Hex(_ bytes: [UInt8]) -> String { Hashing.sha256Hex(bytes) }
