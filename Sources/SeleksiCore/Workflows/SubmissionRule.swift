/// Who may write a form outside a transition, and in which states: `submit` a first version,
/// `correct` it (a new version, with a written reason; nothing is overwritten), or `withdraw` a
/// rater's sheet (with a reason). A form sent with `fire` is governed by that transition instead.
/// Anything not allowed here is refused and audited.
public struct SubmissionRule: Sendable {
    public enum Action: String, Sendable, CaseIterable { case submit, correct, withdraw }

    public let action: Action
    public let form: String
    public let roles: [String]
    public let states: [String]
    public let line: Int

    public init(action: Action, form: String, roles: [String], states: [String], line: Int) {
        self.action = action
        self.form = form
        self.roles = roles
        self.states = states
        self.line = line
    }

    public func applies(to action: Action, form: String, state: String, roles held: Set<String>) -> Bool {
        self.action == action && self.form == form && (states.contains(state) || states.contains("*"))
            && roles.contains(where: held.contains)
    }
}

/// A key that at most one instance may hold within a scope: "one application per NIK per round".
/// Claimed when `event` is accepted; the value itself is never stored, only its SHA-256.
public struct UniqueRule: Sendable {
    /// Where the key must be unique: among the children of the instance's parent, or in the whole database.
    public enum Scope: String, Sendable { case parent, all }

    public let name: String
    public let key: Expression
    public let scope: Scope
    public let event: String
    public let message: LocalizedText
    public let line: Int

    public init(name: String, key: Expression, scope: Scope, event: String, message: LocalizedText, line: Int) {
        self.name = name
        self.key = key
        self.scope = scope
        self.event = event
        self.message = message
        self.line = line
    }
}
