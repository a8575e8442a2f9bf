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

    static let columns = "id, workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, created_at, updated_at"

    init(row: Row) {
        id = row.int(0)
        workflowID = row.text(1)
        workflowHash = row.text(2)
        var hashes: [String: String] = [:]
        for (k, v) in JSONBridge.storedRecord(row.text(3)) { hashes[k] = v.displayText }
        formHashes = hashes
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
