import SeleksiCore
import SeleksiStore

extension Engine {
    /// Schedules the timers of the instance's current state. A timer `at` a date fires at the end of
    /// that day (00:00 WIB the day after), so a deadline "15 Juli" still admits work done on the 15th.
    func scheduleTimers(for record: InstanceRecord, in w: WorkflowDefinition, now: Timestamp) throws {
        guard let state = w.state(record.state) else { return }
        for timer in state.timers {
            let due: Timestamp?
            switch timer.when {
            case .after(let duration):
                due = duration.after(Timestamp(seconds: record.enteredAt))
            case .at(let expression):
                let forms = w.referencedForms.isEmpty ? [:] : try latestForms(of: record.id)
                let snapshot = InstanceSnapshot(id: record.id, state: record.state, variables: record.variables, forms: forms)
                let value = try? Evaluator.evaluate(expression, in: EvaluationContext(scopes: [snapshot.scope()], today: now.date))
                switch value {
                case .date(let d)?: due = Timestamp(startOf: d.adding(days: 1))
                case .string(let s)?: due = CivilDate(iso: s).map { Timestamp(startOf: $0.adding(days: 1)) } ?? Timestamp(iso: s)
                default: due = nil
                }
            }
            guard let due else { continue }
            try db.prepare("INSERT OR REPLACE INTO timers (instance, state_seq, event, due_at) VALUES (?, ?, ?, ?)")
                .run(.int(record.id), .int(record.stateSeq), .text(timer.event), .int(due.seconds))
        }
    }

    public struct TickReport: Sendable {
        public var fired: [FireResult] = []
        public var refused: [(instance: Int64, event: String, message: String)] = []
    }

    /// Fires every timer due at or before `now` whose instance is still in the state that set it,
    /// as the `system` actor, oldest first. Each timer fires at most once.
    public func tick(now: Timestamp) throws -> TickReport {
        try wrap {
            let due = try db.prepare("""
                SELECT t.instance, t.event, t.state_seq FROM timers t JOIN instances i ON i.id = t.instance AND i.state_seq = t.state_seq
                WHERE t.due_at <= ? ORDER BY t.due_at, t.instance
                """).rows(.int(now.seconds)) { ($0.int(0), $0.text(1), $0.int(2)) }
            var report = TickReport()
            let requests = due.map { FireRequest(instance: $0.0, event: $0.1, actor: Command.systemActor, reason: "timer") }
            let results = try fireBatch(requests, now: now)
            try db.transaction {
                try db.prepare("DELETE FROM timers WHERE due_at <= ?").run(.int(now.seconds))
            }
            for (request, result) in zip(requests, results) {
                switch result {
                case .success(let r): report.fired.append(r)
                case .failure(let e): report.refused.append((request.instance, request.event, e.message(.id)))
                }
            }
            return report
        }
    }
}
