import SeleksiStore

/// What one process has read of the directory, dropped on rollback and after each directory change.
/// Actors and their grants are kept for the 20,000 used last: a national season reads every applicant
/// once or twice and never changes the directory after registering them, so unbounded maps grew with
/// the season (heaptrack: 14 MB at 60,000 applicants).
struct DirectoryCache {
    var actors: BoundedCache<String, Actor>
    var grants: BoundedCache<String, [Grant]>
    var ancestors: [String: [String]] = [:]
    var organisationNames: [String: String] = [:]
    /// Every actor id, for `actors-exist()`.
    var allActors: Set<String>?

    /// The roles an actor holds in an organisation at one time (`Engine.roles(of:in:at:)`): a batch of
    /// commands asks it once per instance, 3,000 instructions a command (`scripts/bench.sh --only
    /// instructions`). Emptied at `heldRolesLimit` entries rather than kept in order of use.
    var heldRoles: [HeldRolesKey: Set<String>] = [:]
    static let heldRolesLimit = 20_000

    struct HeldRolesKey: Hashable {
        let actor: String
        let org: String
        let at: Int64
    }

    init(recentActors: Int = 20_000) {
        actors = BoundedCache(limit: recentActors)
        grants = BoundedCache(limit: recentActors)
    }

    mutating func rememberHeldRoles(_ roles: Set<String>, for key: HeldRolesKey) {
        if heldRoles.count >= Self.heldRolesLimit { heldRoles.removeAll(keepingCapacity: true) }
        heldRoles[key] = roles
    }
}
