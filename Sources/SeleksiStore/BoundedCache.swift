/// A cache bounded by entry count and by a cost the caller gives each entry (bytes of the text it was
/// parsed from), kept as two generations: entries go into the recent one, and when it holds half of
/// either bound it becomes the older one, the previous older one being forgotten. An entry of the
/// older generation that is used again moves back to the recent one. So a long run keeps what it used
/// last instead of starting over, and its memory does not grow with the round.
///
/// Why generations rather than each entry's last use: forgetting the older half by use meant sorting
/// every entry's last use and copying the survivors into a new table. In the national demo at 20,000
/// applicants that was 2.8% of the run (most of it the copy); dropping a generation costs only
/// releasing what it held.
///
/// Inlinable, so that the engine's caches (actors, grants, submissions) are specialised for their types
/// in the engine's module: called through the generic entry points, a hit looked up the tuple's type
/// metadata at run time on every command.
public struct BoundedCache<Key: Hashable, Value> {
    @usableFromInline typealias Entry = (value: Value, cost: Int)
    @usableFromInline var recent: [Key: Entry] = [:]
    @usableFromInline var older: [Key: Entry] = [:]
    @usableFromInline var recentCost = 0
    @usableFromInline var olderCost = 0
    public let limit: Int
    public let costLimit: Int

    public init(limit: Int, costLimit: Int = .max) {
        self.limit = limit
        self.costLimit = costLimit
    }

    public var count: Int { recent.count + older.count }
    public var cost: Int { recentCost + olderCost }

    @inlinable
    public mutating func get(_ key: Key) -> Value? {
        // A hit in the recent generation is one lookup: it is taken on every command (the actor, his grants).
        if let i = recent.index(forKey: key) { return recent.values[i].value }
        guard let entry = older.removeValue(forKey: key) else { return nil }
        olderCost -= entry.cost
        admit(key, entry)
        return entry.value
    }

    @inlinable
    public mutating func set(_ key: Key, _ value: Value, cost: Int = 1) {
        // An entry of the recent generation replaced where it is, when that passes no bound: one lookup
        // instead of a removal and an insertion (the row a command has just written, on every command).
        if let i = recent.index(forKey: key) {
            let grown = recentCost - recent.values[i].cost + cost
            if grown <= costLimit / 2 && grown + olderCost <= costLimit {
                recent.values[i] = (value, cost)
                recentCost = grown
                return
            }
        }
        if let old = recent.removeValue(forKey: key) {
            recentCost -= old.cost
        } else if let old = older.removeValue(forKey: key) {
            olderCost -= old.cost
        }
        admit(key, (value, cost))
    }

    @inlinable
    public mutating func removeAll() {
        recent.removeAll(keepingCapacity: true)
        older.removeAll()
        recentCost = 0
        olderCost = 0
    }

    /// Puts `entry` into the recent generation, first turning that into the older one when it holds half
    /// of a bound, and forgetting the older one when both bounds would still be passed with it.
    @usableFromInline
    mutating func admit(_ key: Key, _ entry: Entry) {
        if recent.count >= max(1, limit / 2) || recentCost + entry.cost > costLimit / 2 {
            // The recent table keeps the older one's capacity: it fills again without growing.
            swap(&older, &recent)
            olderCost = recentCost
            recent.removeAll(keepingCapacity: true)
            recentCost = 0
        }
        if count + 1 > limit || cost + entry.cost > costLimit {
            older.removeAll()
            olderCost = 0
        }
        recent[key] = entry
        recentCost += entry.cost
    }
}
