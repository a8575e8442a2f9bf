/// One request to move an instance: an event fired by an actor, with what the shell has gathered.
public struct Command: Sendable {
    public let event: String
    public let actor: String
    /// The workflow roles the actor holds for this instance (already resolved by organisation/owner).
    public let actorRoles: Set<String>
    public let reason: String?
    public let now: Timestamp
    /// Forms submitted with this command, already validated.
    public let submittedForms: [String: [String: Value]]
    /// Actors who have already confirmed this event in the current state (for quorum).
    public let confirmations: Set<String>
    /// How many actors hold each role for this instance (for a quorum of `all`).
    public let roleHolders: [String: Int]
    /// The instance's children, when a guard reads them.
    public let children: [ChildView]?
    /// Seed tables for `lookup()`, and the working-day calendar.
    public let reference: ReferenceTables
    /// The directory's actor ids, when the workflow calls `actors-exist()`.
    public let actors: Set<String>?
    /// The other children of the instance's parent, when a guard or effect reads them (`siblings-*`).
    public var siblings: [ChildView]?

    public init(event: String, actor: String, actorRoles: Set<String>, reason: String? = nil, now: Timestamp,
                submittedForms: [String: [String: Value]] = [:], confirmations: Set<String> = [],
                roleHolders: [String: Int] = [:], children: [ChildView]? = nil, reference: ReferenceTables = ReferenceTables(),
                actors: Set<String>? = nil) {
        self.reference = reference
        self.actors = actors
        self.event = event
        self.actor = actor
        self.actorRoles = actorRoles
        self.reason = reason
        self.now = now
        self.submittedForms = submittedForms
        self.confirmations = confirmations
        self.roleHolders = roleHolders
        self.children = children
    }

    /// The built-in actor that fires timers.
    public static let systemActor = "system"
}
