/// What the transition function knows of an instance: its state and data, nothing of storage.
public struct InstanceSnapshot: Sendable {
    public let id: Int64
    public let state: String
    public let variables: [String: Value]
    /// The latest accepted submission of each form, by form id.
    public let forms: [String: [String: Value]]

    public init(id: Int64, state: String, variables: [String: Value], forms: [String: [String: Value]]) {
        self.id = id
        self.state = state
        self.variables = variables
        self.forms = forms
    }

    /// The names a guard or effect reads: `state`, `vars.…`, `forms.<form>.<field>`, plus the command's.
    public func scope(actor: String? = nil, reason: String? = nil, forms extra: [String: [String: Value]] = [:]) -> [String: Value] {
        let merged = forms.merging(extra) { $1 }
        var scope: [String: Value] = [
            "state": .string(state),
            "vars": .record(variables),
            "forms": .record(merged.mapValues { Value.record($0) }),
        ]
        if let actor { scope["actor"] = .string(actor) }
        if let reason { scope["reason"] = .string(reason) }
        return scope
    }
}
