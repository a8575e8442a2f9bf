extension SQLiteStore: TimerStore {
    public func scheduleTimer(instance: Int64, stateSeq: Int64, event: String, dueAt: Int64) throws {
        try db.prepare("INSERT OR REPLACE INTO timers (instance, state_seq, event, due_at) VALUES (?, ?, ?, ?)")
            .run(.int(instance), .int(stateSeq), .text(event), .int(dueAt))
    }

    public func dueTimers(now: Int64) throws -> [(instance: Int64, event: String, stateSeq: Int64)] {
        try db.prepare("""
            SELECT t.instance, t.event, t.state_seq FROM timers t JOIN instances i ON i.id = t.instance AND i.state_seq = t.state_seq
            WHERE t.due_at <= ? ORDER BY t.due_at, t.instance
            """).rows(.int(now)) { (instance: $0.int(0), event: $0.text(1), stateSeq: $0.int(2)) }
    }

    public func clearTimers(dueBy now: Int64) throws {
        try db.prepare("DELETE FROM timers WHERE due_at <= ?").run(.int(now))
    }

    public func pendingTimers(instance: Int64, stateSeq: Int64) throws -> [(event: String, dueAt: Int64)] {
        try db.prepare("SELECT event, due_at FROM timers WHERE instance = ? AND state_seq = ? ORDER BY due_at")
            .rows(.int(instance), .int(stateSeq)) { (event: $0.text(0), dueAt: $0.int(1)) }
    }

    public func cancelTimer(instance: Int64, stateSeq: Int64, event: String) throws {
        try db.prepare("DELETE FROM timers WHERE instance = ? AND state_seq = ? AND event = ?")
            .run(.int(instance), .int(stateSeq), .text(event))
    }
}
