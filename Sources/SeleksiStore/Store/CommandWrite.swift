import SeleksiCore

/// One command's changes, written with its audit row in one go by `Store.commit`. The store assigns
/// the row's number and hashes, and computes `dataHash` and `afterHash` from exactly what it writes.
public struct CommandWrite {
    public var audit: AuditRecord
    public var instance: InstanceChange?
    public var submissions: [NewSubmission] = []
    public var decisions: [DecisionRecord] = []
    /// A quorum event confirmed by the command's actor in the instance's current state.
    public var confirmation: (stateSeq: Int64, event: String)?
    /// Attachment bytes, content-addressed; a hash already stored is not written again.
    public var blobs: [(hash: Hash256, bytes: [UInt8])] = []
    /// Keys that must be unique in a scope (one application per NIK per round), claimed by the instance.
    public var uniqueClaims: [(scope: Int64, name: String, valueHash: Hash256)] = []
    public var directory: DirectoryChange?
    /// Signs the row (given its number and link) with the actor's key, when the command is signed.
    public var signer: ((AuditRecord) throws -> [UInt8])?

    public init(audit: AuditRecord) { self.audit = audit }

    /// A refused command: the row alone, with the hash of what was refused (never the data itself).
    public static func refusal(_ audit: AuditRecord) -> CommandWrite { CommandWrite(audit: audit) }
}

public enum InstanceChange {
    /// A new instance; the store assigns its id.
    case insert(InstanceRecord)
    /// The instance after the command. `stateChanged` false lets the store leave the state index alone.
    case update(InstanceRecord, stateChanged: Bool)
}

/// A change to the directory, the definitions or the settings: each is a subject of the audit log
/// (`actor:ID` …) whose latest row records the after-image that `audit verify` checks the table against.
public enum DirectoryChange {
    case organisation(Organisation)
    case actor(Actor)
    case grant(Grant)
    case actorKey(ActorKey)
    case setting(key: String, value: String)
    case definition(kind: String, id: String, version: String, file: String, bytes: [UInt8], hash: String)
    /// A seed table replaced whole: each row's canonical JSON, in order.
    case referenceTable(name: String, rows: [String])
    /// Personal data erased from an instance's submissions on request: the new texts by submission id,
    /// and the attachment copies no other instance uses, to drop.
    case erasure(instance: Int64, submissions: [(id: Int64, data: String)], dropBlobs: [Hash256])
}

/// What `commit` wrote: the audit row's number and hash, and a new instance's id.
public struct Committed: Sendable {
    public let seq: Int64
    public let hash: Hash256
    public let instanceID: Int64?
}
