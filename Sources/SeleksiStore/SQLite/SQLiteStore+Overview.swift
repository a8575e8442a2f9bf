import SeleksiCore

extension SQLiteStore: OverviewStore {
    public func instancesRated(by actor: String, form: String) throws -> Set<Int64> {
        var out: Set<Int64> = []
        try db.prepare(
            """
            SELECT instance, kind FROM submissions
            WHERE id IN (SELECT max(id) FROM submissions WHERE actor = ? AND form_id = ? GROUP BY instance)
            """
        ).forEach(.text(actor), .text(form)) { row in
            if row.text(1) != SubmissionRecord.Kind.withdraw.rawValue { out.insert(row.int(0)) }
        }
        return out
    }

    public func childDecisions(parent: Int64) throws -> [DecisionRecord] {
        try db.prepare(
            """
            SELECT d.instance, d.name, d.value, d.reason, d.actor, d.at FROM decisions d
            WHERE d.instance IN (SELECT id FROM instances WHERE parent = ?) ORDER BY d.instance, d.id
            """
        ).rows(.int(parent)) {
            DecisionRecord(
                instance: $0.int(0), name: $0.text(1), value: (try? Value(json: $0.text(2))) ?? .null,
                reason: $0.optionalText(3),
                actor: $0.text(4), at: $0.int(5))
        }
    }

    public func currentTimers() throws -> [(instance: Int64, event: String, dueAt: Int64)] {
        try db.prepare(
            """
            SELECT t.instance, t.event, t.due_at FROM timers t JOIN instances i ON i.id = t.instance AND i.state_seq = t.state_seq
            ORDER BY t.due_at, t.instance
            """
        ).rows { (instance: $0.int(0), event: $0.text(1), dueAt: $0.int(2)) }
    }
}
