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
                let snapshot = InstanceSnapshot(id: record.id, state: record.state, variables: record.variables, forms: forms,
                                                context: try context(for: record, in: w, actor: Command.systemActor, now: now))
                let value = try? Evaluator.evaluate(expression, in: EvaluationContext(scopes: [snapshot.scope()], today: now.date,
                                                                                       reference: try referenceTables()))
                switch value {
                case .date(let d)?: due = Timestamp(startOf: d.adding(days: 1))
                case .string(let s)?: due = CivilDate(iso: s).map { Timestamp(startOf: $0.adding(days: 1)) } ?? Timestamp(iso: s)
                default: due = nil
                }
            }
            guard let due else { continue }
            try store.scheduleTimer(instance: record.id, stateSeq: record.stateSeq, event: timer.event, dueAt: due.seconds)
        }
    }

    public struct TickReport: Sendable {
        public var fired: [FireResult] = []
        public var refused: [(instance: Int64, event: String, message: String)] = []
    }

    /// Fires every timer due at or before `now` whose instance is still in the state that set it,
    /// as the `system` actor, oldest first. Each timer fires at most once.
    public func tick(now: Timestamp) throws -> TickReport {
        let due = try wrap { try store.dueTimers(now: now.seconds) }
        let requests = due.map { FireRequest(instance: $0.instance, event: $0.event, actor: Command.systemActor, reason: "pewaktu") }
        let results = try fireBatch(requests, now: now)
        try wrap { try store.transaction { try store.clearTimers(dueBy: now.seconds) } }
        var report = TickReport()
        for (request, result) in zip(requests, results) {
            switch result {
            case .success(let r): report.fired.append(r)
            case .failure(let e): report.refused.append((request.instance, request.event, e.message(.id)))
            }
        }
        return report
    }

    /// Timers still to fire for an instance in its current state.
    public func pendingTimers(_ id: Int64) throws -> [(event: String, dueAt: Int64)] {
        try wrap {
            let r = try requireInstance(id)
            return try store.pendingTimers(instance: id, stateSeq: r.stateSeq)
        }
    }
}
