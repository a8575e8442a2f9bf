import SeleksiCore
import SeleksiStore

extension Engine {
    /// Schedules the timers of the instance's current state. A timer `at` a date fires at the end of
    /// that day (00:00 WIB the day after), so a deadline "15 Juli" still admits work done on the 15th.
    /// A timer whose date is empty (the variable not yet set) waits for a later command to set it.
    func scheduleTimers(for record: InstanceRecord, in w: WorkflowDefinition, now: Timestamp) throws {
        guard let state = w.state(record.state) else { return }
        for timer in state.timers {
            let due: Timestamp?
            switch timer.when {
            case .after(let duration): due = duration.after(Timestamp(seconds: record.enteredAt))
            case .at(let expression): due = try dueDate(expression, timer: timer, record: record, in: w, now: now)
            }
            guard let due else { continue }
            try store.scheduleTimer(instance: record.id, stateSeq: record.stateSeq, event: timer.event, dueAt: due.seconds)
        }
    }

    /// After an accepted command: a state just entered gets its timers; one the instance stays in has
    /// its computed dates evaluated again, since the command may have changed what they read (a term's
    /// end, a parent's deadline). A date moved to the future is rescheduled; a timer already fired (or
    /// due) is not brought back.
    func rescheduleTimers(for record: InstanceRecord, in w: WorkflowDefinition, entered: Bool, now: Timestamp) throws {
        try rescheduleOwnTimers(for: record, in: w, entered: entered, now: now)
        // Children whose timers read this instance (`parent.vars.…`) follow its dates.
        let followers = try childTimerWorkflows(of: w.id)
        guard !followers.isEmpty else { return }
        for child in try store.children(of: record.id, states: nil) where followers.contains(child.workflowID) {
            try rescheduleOwnTimers(for: child, in: try workflow(hash: child.workflowHash), entered: false, now: now)
        }
    }

    /// The workflows that declare `parent` their parent and have a timer whose date reads `parent.…`.
    func childTimerWorkflows(of parent: String) throws -> Set<String> {
        if let cached = timerFollowers[parent] { return cached }
        var out: Set<String> = []
        for id in try currentWorkflowIDs() {
            let c = try currentWorkflow(id)
            guard c.parentWorkflow == parent else { continue }
            let reads = c.states.contains { s in
                s.timers.contains { t in
                    if case .at(let e) = t.when { return e.paths.contains { $0.path[0] == "parent" } }
                    return false
                }
            }
            if reads { out.insert(id) }
        }
        timerFollowers[parent] = out
        return out
    }

    private func rescheduleOwnTimers(for record: InstanceRecord, in w: WorkflowDefinition, entered: Bool, now: Timestamp) throws {
        guard let state = w.state(record.state), !state.timers.isEmpty else { return }
        if entered { return try scheduleTimers(for: record, in: w, now: now) }
        guard w.hasComputedTimers else { return }
        let pending = Dictionary(try store.pendingTimers(instance: record.id, stateSeq: record.stateSeq).map { ($0.event, $0.dueAt) },
                                 uniquingKeysWith: { a, _ in a })
        for timer in state.timers {
            guard case .at(let expression) = timer.when else { continue }
            let due = try dueDate(expression, timer: timer, record: record, in: w, now: now)
            switch (due, pending[timer.event]) {
            case (let d?, let old) where d.seconds != old && (old != nil || d.seconds > now.seconds):
                try store.scheduleTimer(instance: record.id, stateSeq: record.stateSeq, event: timer.event, dueAt: d.seconds)
            case (nil, _?):
                try store.cancelTimer(instance: record.id, stateSeq: record.stateSeq, event: timer.event)
            default: break
            }
        }
    }

    /// The moment a computed timer is due: the end of the date its expression gives (or the instant, for
    /// a time), read with the instance's names, its parent's, seed tables and the calendar. An
    /// expression that fails is a fault of the definition, reported with its file and line.
    private func dueDate(_ expression: Expression, timer: TimerDefinition, record: InstanceRecord, in w: WorkflowDefinition,
                         now: Timestamp) throws -> Timestamp? {
        let forms = w.referencedForms.isEmpty ? [:] : try latestForms(of: record.id)
        let snapshot = InstanceSnapshot(id: record.id, state: record.state, variables: record.variables, forms: forms,
                                        context: try context(for: record, in: w, actor: Command.systemActor, now: now))
        let context = EvaluationContext(scopes: [snapshot.scope()], today: now.date, reference: try referenceTables(for: w))
        let value: Value
        do {
            value = try Evaluator.evaluate(expression, in: context)
        } catch {
            throw EngineError.input(
                "\(w.file):\(timer.line): pewaktu '\(timer.event)' di instans #\(record.id): tanggal "
                    + "'\(expression.source)' gagal dihitung: \(error.text(.id))",
                en: "\(w.file):\(timer.line): timer '\(timer.event)' of instance #\(record.id): its date "
                    + "'\(expression.source)' failed: \(error.text(.en))")
        }
        switch value {
        case .date(let d): return Timestamp(startOf: d.adding(days: 1))
        case .string(let s): return CivilDate(iso: s).map { Timestamp(startOf: $0.adding(days: 1)) } ?? Timestamp(iso: s)
        default: return nil
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
