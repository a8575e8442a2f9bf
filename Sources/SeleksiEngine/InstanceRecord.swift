import Foundation
import SeleksiCore
import SeleksiStore

/// One instance row as stored.
public struct InstanceRecord: Sendable {
    public let id: Int64
    public let workflowID: String
    public let workflowHash: String
    public let formHashes: [String: String]
    public let org: String
    public let owner: String
    public let parent: Int64?
    public var state: String
    public var stateSeq: Int64
    public var enteredAt: Int64
    public var variables: [String: Value]
    public let createdAt: Int64
    public var updatedAt: Int64

    /// Every instance started on the same definitions has the same form hashes: parse each text once.
    private static let formHashCache = FormHashCache()

    static func formHashes(_ text: String) -> [String: String] {
        if let cached = formHashCache.get(text) { return cached }
        var hashes: [String: String] = [:]
        for (k, v) in JSONBridge.storedRecord(text) { hashes[k] = v.displayText }
        formHashCache.set(text, hashes)
        return hashes
    }

    static let columns = "id, workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, created_at, updated_at"

    init(row: Row) {
        id = row.int(0)
        workflowID = row.text(1)
        workflowHash = row.text(2)
        formHashes = InstanceRecord.formHashes(row.text(3))
        org = row.text(4)
        owner = row.text(5)
        parent = row.optionalInt(6)
        state = row.text(7)
        stateSeq = row.int(8)
        enteredAt = row.int(9)
        variables = JSONBridge.storedRecord(row.text(10))
        createdAt = row.int(11)
        updatedAt = row.int(12)
    }
}

/// A small lock-protected cache (the CLI is single-threaded; tests may not be).
final class FormHashCache: @unchecked Sendable {
    private var entries: [String: [String: String]] = [:]
    private let lock = NSLock()

    func get(_ key: String) -> [String: String]? { lock.lock(); defer { lock.unlock() }; return entries[key] }

    func set(_ key: String, _ value: [String: String]) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count > 1000 { entries.removeAll() }
        entries[key] = value
    }
}
