import SeleksiCore

/// One version of a form's answers for an instance. Versions are never overwritten: a correction or a
/// withdrawal is a new row, with its reason.
public struct SubmissionRecord: Sendable {
    /// `submit` (first version), `correct` (a new version with a reason), `withdraw` (a rater takes his sheet back).
    public enum Kind: String, Sendable { case submit, correct, withdraw }

    public let id: Int64
    public let instance: Int64
    public let formID: String
    public let formHash: String
    public let actor: String
    public let submittedAt: Int64
    public let kind: Kind
    public let version: Int64
    public let reason: String?
    /// Canonical JSON of the answers (with personal data replaced, once erased on request).
    public let data: String
    /// SHA-256 of the answers as submitted: what the audit row vouches for, kept after an erasure.
    public let dataHash: Hash256
    /// The audit row of the erasure that replaced personal data in `data`, if any.
    public let erasedBy: Int64?
    public let auditSeq: Int64
}

/// A submission the engine asks the store to write with a command.
public struct NewSubmission: Sendable {
    public let formID: String
    public let formHash: String
    public let actor: String
    public let kind: SubmissionRecord.Kind
    public let reason: String?
    public let data: [String: Value]
    /// The data's canonical JSON and its hash when the caller already has them (a form validated ahead
    /// on another thread); nil: the store makes them. They must be those of `data` (checked in debug builds).
    public var canonical: CanonicalData?

    public init(formID: String, formHash: String, actor: String, kind: SubmissionRecord.Kind = .submit, reason: String? = nil,
                data: [String: Value]) {
        self.formID = formID
        self.formHash = formHash
        self.actor = actor
        self.kind = kind
        self.reason = reason
        self.data = data
    }
}

/// A record's canonical JSON (`Value.canonicalJSON`) and the SHA-256 of it. Made only from the record,
/// so the two always belong together.
public struct CanonicalData: Sendable {
    public let json: String
    public let hash: Hash256

    public init(of record: [String: Value]) {
        json = Value.record(record).canonicalJSON
        hash = Hash256.of(json)
    }
}
