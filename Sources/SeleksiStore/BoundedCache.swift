/// A cache bounded by entry count and by a cost the caller gives each entry (bytes of the text it was
/// parsed from), that forgets its older half when either bound is passed: a long run keeps what it used
/// last instead of starting over, and its memory does not grow with the round.
///
/// Inlinable, so that the engine's caches (actors, grants, submissions) are specialised for their types
/// in the engine's module: called through the generic entry points, a hit looked up the tuple's type
/// metadata at run time on every command.
public struct BoundedCache<Key: Hashable, Value> {
    @usableFromInline var entries: [Key: (value: Value, cost: Int, tick: UInt64)] = [:]
    @usableFromInline var tick: UInt64 = 0
    @usableFromInline var totalCost = 0
    public let limit: Int
    public let costLimit: Int

    public init(limit: Int, costLimit: Int = .max) {
        self.limit = limit
        self.costLimit = costLimit
    }

    public var count: Int { entries.count }
    public var cost: Int { totalCost }

    @inlinable
    public mutating func get(_ key: Key) -> Value? {
        // One lookup, the tick updated in place: a hit is taken on every command (the actor, his grants).
        guard let i = entries.index(forKey: key) else { return nil }
        tick += 1
        entries.values[i].tick = tick
        return entries.values[i].value
    }

    @inlinable
    public mutating func set(_ key: Key, _ value: Value, cost: Int = 1) {
        if let old = entries[key] { totalCost -= old.cost }
        tick += 1
        entries[key] = (value, cost, tick)
        totalCost += cost
        if entries.count > limit || totalCost > costLimit { evictOlderHalf() }
    }

    @inlinable
    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        totalCost = 0
    }

    @usableFromInline
    mutating func evictOlderHalf() {
        let cutoff = entries.values.map(\.tick).sorted()[entries.count / 2]
        entries = entries.filter { $0.value.tick >= cutoff }
        totalCost = entries.values.reduce(0) { $0 + $1.cost }
    }
}
