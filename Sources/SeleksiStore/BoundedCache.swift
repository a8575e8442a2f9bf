/// A cache bounded by entry count and by a cost the caller gives each entry (bytes of the text it was
/// parsed from), that forgets its older half when either bound is passed: a long run keeps what it used
/// last instead of starting over, and its memory does not grow with the round.
public struct BoundedCache<Key: Hashable, Value> {
    private var entries: [Key: (value: Value, cost: Int, tick: UInt64)] = [:]
    private var tick: UInt64 = 0
    public private(set) var cost = 0
    public let limit: Int
    public let costLimit: Int

    public init(limit: Int, costLimit: Int = .max) {
        self.limit = limit
        self.costLimit = costLimit
    }

    public var count: Int { entries.count }

    public mutating func get(_ key: Key) -> Value? {
        // One lookup, the tick updated in place: a hit is taken on every command (the actor, his grants).
        guard let i = entries.index(forKey: key) else { return nil }
        tick += 1
        entries.values[i].tick = tick
        return entries.values[i].value
    }

    public mutating func set(_ key: Key, _ value: Value, cost: Int = 1) {
        if let old = entries[key] { self.cost -= old.cost }
        tick += 1
        entries[key] = (value, cost, tick)
        self.cost += cost
        if entries.count > limit || self.cost > costLimit { evictOlderHalf() }
    }

    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        cost = 0
    }

    private mutating func evictOlderHalf() {
        let cutoff = entries.values.map(\.tick).sorted()[entries.count / 2]
        entries = entries.filter { $0.value.tick >= cutoff }
        cost = entries.values.reduce(0) { $0 + $1.cost }
    }
}
