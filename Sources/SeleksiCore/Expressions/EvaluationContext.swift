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

    public init(scopes: [[String: Value]], current: Value = .null, today: CivilDate, children: [ChildView]? = nil) {
        self.scopes = scopes
        self.current = current
        self.today = today
        self.children = children
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
