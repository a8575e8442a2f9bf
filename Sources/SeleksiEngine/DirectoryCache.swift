import SeleksiStore

/// What one process has read of the directory, dropped on rollback and after each directory change.
struct DirectoryCache {
    var actors: [String: Actor] = [:]
    var grants: [String: [Grant]] = [:]
    var ancestors: [String: [String]] = [:]
    var organisationNames: [String: String] = [:]
    /// Every actor id, for `actors-exist()`.
    var allActors: Set<String>?
}
