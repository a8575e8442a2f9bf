/// What an expression can see: nothing but the data handed to it.
public struct EvaluationContext: Sendable {
    /// Name scopes, innermost last: a repeat row's fields shadow the form's top-level fields.
    public var scopes: [[String: Value]]
    /// The value of `.`, the field the expression is attached to.
    public var current: Value
    /// Today's date, taken from the command's `now`, never from a clock.
    public var today: CivilDate
    /// The instance's children, for `children-*` functions; nil where there are none to ask about.
    public var children: [ChildView]?
    /// Reference tables from `seed/` (`lookup()`), by table name, and the working-day calendar.
    public var reference: ReferenceTables
    /// The actor ids the directory knows, for `actors-exist()`; nil where the shell did not load them.
    public var actors: Set<String>?
    /// The other children of the instance's parent, for `siblings-*` functions; nil where not loaded.
    public var siblings: [ChildView]?

    public init(scopes: [[String: Value]], current: Value = .null, today: CivilDate, children: [ChildView]? = nil,
                reference: ReferenceTables = ReferenceTables(), actors: Set<String>? = nil, siblings: [ChildView]? = nil) {
        self.siblings = siblings
        self.scopes = scopes
        self.current = current
        self.today = today
        self.children = children
        self.reference = reference
        self.actors = actors
    }
}

/// One child instance as a parent's guard sees it: its state and its named data.
public struct ChildView: Sendable {
    public let id: Int64
    public let state: String
    public let scope: [String: Value]

    public init(id: Int64 = 0, state: String, scope: [String: Value]) {
        self.id = id
        self.state = state
        self.scope = scope
    }
}

/// Reference data loaded from `seed/` CSV files: table name → rows of column → text.
public struct ReferenceTables: Sendable {
    public var tables: [String: [[String: String]]]
    /// The working-day calendar `add-working-days()` and friends read: built by the shell from one of
    /// these tables (the one a workflow names, or the installation's default); nil when there is none.
    public var calendar: WorkingCalendar?

    public init(_ tables: [String: [[String: String]]] = [:], calendar: WorkingCalendar? = nil) {
        self.tables = tables
        self.calendar = calendar
    }

    /// The same tables with the calendar built from `table`, or none when it is not a calendar.
    public func withCalendar(from table: String) -> ReferenceTables {
        var copy = self
        copy.calendar = tables[table].flatMap { WorkingCalendar(table: table, rows: $0) }
        return copy
    }

    /// The value of `valueColumn` in the first row whose `keyColumn` equals `key`.
    public func lookup(_ table: String, _ keyColumn: String, _ key: String, _ valueColumn: String) -> String? {
        tables[table]?.first { $0[keyColumn] == key }?[valueColumn]
    }
}
