import Foundation

/// A small bounded cache keyed by text, safe across threads (the CLI has one; tests run several).
/// When full it forgets the older half, so a long run keeps its recent entries.
final class TextCache<Value>: @unchecked Sendable {
    private var entries: [String: (value: Value, tick: Int)] = [:]
    private var tick = 0
    private let limit: Int
    private let lock = NSLock()

    init(limit: Int) { self.limit = limit }

    func value(for key: String, make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        tick += 1
        // One lookup of the key, not a read and a write: a key is a stored text (the form hashes of a
        // row, some 800 bytes), and hashing it twice per command was 1.5% of a rater's command.
        if let hit = entries.index(forKey: key) {
            entries.values[hit].tick = tick
            return entries.values[hit].value
        }
        let made = make()
        if entries.count >= limit {
            let cutoff = entries.values.map(\.tick).sorted()[entries.count / 2]
            entries = entries.filter { $0.value.tick >= cutoff }
        }
        entries[key] = (made, tick)
        return made
    }
}
