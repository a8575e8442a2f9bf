import SeleksiCore

/// One instance row as stored: which workflow (by definition hash) it runs, where, whose, and where it is.
public struct InstanceRecord: Sendable {
    public var id: Int64
    public let workflowID: String
    public let workflowHash: String
    /// The hash of each form the workflow uses, fixed when the instance starts.
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

    public init(id: Int64 = 0, workflowID: String, workflowHash: String, formHashes: [String: String], org: String, owner: String,
                parent: Int64?, state: String, stateSeq: Int64 = 1, enteredAt: Int64, variables: [String: Value],
                createdAt: Int64, updatedAt: Int64) {
        self.id = id
        self.workflowID = workflowID
        self.workflowHash = workflowHash
        self.formHashes = formHashes
        self.org = org
        self.owner = owner
        self.parent = parent
        self.state = state
        self.stateSeq = stateSeq
        self.enteredAt = enteredAt
        self.variables = variables
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The stored text `formHashes` was parsed from, when the record was read from the store: the key
    /// under which its canonical JSON is remembered. Never written back as it is: a tampered text
    /// still gives the canonical JSON of what it parses to, which `audit verify` then finds different.
    var formHashesSource: String?

    /// The form hashes as stored: canonical JSON. Every applicant of a round has the same ones, and
    /// writing them out again on every command was half of the JSON the commands of a national demo wrote.
    var formHashesJSON: String {
        if formHashes.isEmpty { return "{}" }  // a workflow without forms: no cache to ask
        let make = { Value.record(formHashes.mapValues(Value.string)).canonicalJSON }
        guard let formHashesSource else { return make() }
        return Self.canonicalFormHashes.value(for: formHashesSource, make: make)
    }

    private static let canonicalFormHashes = TextCache<String>(limit: 1000)

    /// The row's after-image, as the audit row that last wrote it records it. Computed from the stored
    /// texts, so that `audit verify` can recompute it from the table alone.
    /// `scratch`: the buffer to encode into, emptied first (the store keeps one, so that a command
    /// allocates none for it).
    static func afterImage(id: Int64, workflowID: String, workflowHash: String, formHashes: String, org: String, owner: String,
                           parent: Int64?, state: String, stateSeq: Int64, enteredAt: Int64, vars: String,
                           createdAt: Int64, updatedAt: Int64,
                           in scratch: RowBuffer = RowBuffer(capacity: 512)) -> Hash256 {
        var size = RowWriter.size(domain: RowBuffer.instanceDomain) + 6 * RowWriter.intSize
        size += RowWriter.size(text: workflowID) + RowWriter.size(text: workflowHash) + RowWriter.size(text: formHashes) + RowWriter.size(text: org)
        size += RowWriter.size(text: owner) + RowWriter.size(text: state) + RowWriter.size(text: vars)
        scratch.empty()
        var w = scratch.writer(reserving: size)
        w.domain(RowBuffer.instanceDomain)
        w.int(id)
        w.text(workflowID)
        w.text(workflowHash)
        w.text(formHashes)
        w.text(org)
        w.text(owner)
        w.int(parent)
        w.text(state)
        w.int(stateSeq)
        w.int(enteredAt)
        w.text(vars)
        w.int(createdAt)
        w.int(updatedAt)
        scratch.commit(w)
        return scratch.digest
    }
}
