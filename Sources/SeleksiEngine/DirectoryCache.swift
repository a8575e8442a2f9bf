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

    init(recentActors: Int = 20_000) {
        actors = BoundedCache(limit: recentActors)
        grants = BoundedCache(limit: recentActors)
    }
}
