/// What the transition function knows of an instance: its state and data, nothing of storage.
public struct InstanceSnapshot: Sendable {
    public let id: Int64
    public let state: String
    public let variables: [String: Value]
    /// The latest accepted submission of each form, by form id.
    public let forms: [String: [String: Value]]
    /// Further names the shell supplies when the workflow reads them: `parent` (the parent's state,
    /// vars and forms), `ratings.<form>` (each rater's own submission of an independently rated
    /// form), `decisions.<name>` (every recorded decision), `org`, `actor_orgs`, `peers` (the other
    /// instances of the same workflow in the same organisation, each `{id, state, vars}`: last year's
    /// round, another round in the same year), `tree` (the instances `tree-*` reads, by workflow).
    public let context: [String: Value]

    public init(id: Int64, state: String, variables: [String: Value], forms: [String: [String: Value]], context: [String: Value] = [:]) {
        self.id = id
        self.state = state
        self.variables = variables
        self.forms = forms
        self.context = context
    }

    /// The names a guard or effect reads: `state`, `vars.…`, `forms.<form>.<field>`, the shell's
    /// context, plus the command's `actor` and `reason`.
    public func scope(actor: String? = nil, reason: String? = nil, forms extra: [String: [String: Value]] = [:]) -> [String: Value] {
        var scope = context
        // Room for the five names below at once: growing a dictionary rehashes every key it holds.
        scope.reserveCapacity(context.count + 5)
        scope["state"] = .string(state)
        scope["vars"] = .record(variables)
        let merged = extra.isEmpty ? forms : forms.merging(extra) { $1 }
        scope["forms"] = .record(merged.mapValues { Value.record($0) })
        if let actor { scope["actor"] = .string(actor) }
        if let reason { scope["reason"] = .string(reason) }
        return scope
    }

    /// The names the shell may put in `context`, for static checks.
    public static let contextNames: Set<String> = [
        "parent", "ratings", "decisions", "org", "actor_orgs", "id", "peers", "instances", "votes", "tree",
    ]
}
