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
    /// Reference tables from `seed/` (`lookup()`), by table name.
    public var reference: ReferenceTables
    /// The other children of the instance's parent, for `siblings-*` functions; nil where not loaded.
    public var siblings: [ChildView]?

    public init(scopes: [[String: Value]], current: Value = .null, today: CivilDate, children: [ChildView]? = nil,
                reference: ReferenceTables = ReferenceTables(), siblings: [ChildView]? = nil) {
        self.siblings = siblings
        self.scopes = scopes
        self.current = current
        self.today = today
        self.children = children
        self.reference = reference
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

    public init(_ tables: [String: [[String: String]]] = [:]) { self.tables = tables }

    /// The value of `valueColumn` in the first row whose `keyColumn` equals `key`.
    public func lookup(_ table: String, _ keyColumn: String, _ key: String, _ valueColumn: String) -> String? {
        tables[table]?.first { $0[keyColumn] == key }?[valueColumn]
    }
}
