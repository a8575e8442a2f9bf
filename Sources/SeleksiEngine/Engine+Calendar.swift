import SeleksiCore

/// The working-day calendar expressions read: a seed table of holidays, the one a workflow names
/// (`calendar="…"`) or the installation's default.
extension Engine {
    /// The seed table of Indonesian national holidays and cuti bersama (`seed/kalender/libur.csv`).
    public static let defaultCalendarTable = "kalender/libur"

    /// Seed tables with the calendar `w` reads.
    public func referenceTables(for w: WorkflowDefinition) throws -> ReferenceTables {
        let tables = try referenceTables()
        guard let table = w.calendarTable, table != Engine.defaultCalendarTable else { return tables }
        if let cached = calendarCache[table] { return cached }
        let withOwn = tables.withCalendar(from: table)
        calendarCache[table] = withOwn
        return withOwn
    }

    /// The directory's actor ids, when `w` calls `actors-exist()` (read once until the directory changes).
    func knownActors(for w: WorkflowDefinition) throws -> Set<String>? {
        guard w.readsActors else { return nil }
        if let cached = directory.allActors { return cached }
        // Ids only: a national season's guard asked for every applicant's name and NIP besides.
        let ids = try store.actorIDs()
        directory.allActors = ids
        return ids
    }
}
