/// One row of the audit log: one command, accepted, pending (a quorum event confirmed) or refused.
///
/// Each row carries the hash of the previous one (`prevHash`) and its own (`hash`) over an injective
/// encoding of every field, so an edited, removed or inserted row breaks the chain. Rows that change
/// data also carry what they changed: `dataHash` over the rows the command appended (submissions,
/// decisions, confirmations) and `afterHash`, the after-image of the instance or directory entry it
/// wrote, so `audit verify` can prove the tables agree with the log.
public struct AuditRecord: Sendable {
    public var seq: Int64 = 0
    public var at: Int64
    public var actor: String
    /// The operating-system account that ran the command (who vouches for `actor`).
    public var osUser: String?
    public var role: String?
    public var instance: Int64?
    /// What a non-instance command changed: `actor:ID`, `org:ID`, `grant:ACTOR/ROLE/ORG`, `definition:KIND/ID` …
    public var subject: String?
    /// `init`, `start`, `fire`, `submit`, `correct`, `withdraw`, `tick`, `document`, `actor.add`, `grant` …
    public var command: String
    public var event: String?
    public var from: String?
    public var to: String?
    /// `accepted`, `pending:k/n`, or `refused:<code>`.
    public var outcome: String
    public var reason: String?
    public var dataHash: Hash256?
    public var afterHash: Hash256?
    /// The actor's Ed25519 signature over `signedBytes`, when the command was signed.
    public var signature: [UInt8]?
    public var prevHash: Hash256 = .zero
    public var hash: Hash256 = .zero

    public init(at: Int64, actor: String, osUser: String? = nil, role: String? = nil, instance: Int64? = nil, subject: String? = nil,
                command: String, event: String? = nil, from: String? = nil, to: String? = nil, outcome: String,
                reason: String? = nil, dataHash: Hash256? = nil) {
        self.at = at
        self.actor = actor
        self.osUser = osUser
        self.role = role
        self.instance = instance
        self.subject = subject
        self.command = command
        self.event = event
        self.from = from
        self.to = to
        self.outcome = outcome
        self.reason = reason
        self.dataHash = dataHash
    }

    public var isAccepted: Bool { outcome == "accepted" }
    public var isRefused: Bool { outcome.hasPrefix("refused") }

    /// Every field but the signature and the row's own hash: what an actor signs and what the
    /// row's hash covers (with the signature appended).
    public var signedBytes: [UInt8] {
        let buffer = RowBuffer(capacity: 512)
        encodeSigned(into: buffer)
        return Array(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
    }

    public func computeHash() -> Hash256 { computeHash(in: RowBuffer(capacity: 512)) }

    /// The row's hash, encoded in `scratch` (emptied first): the store keeps one buffer for every row it
    /// writes, where an encoder's array was made and freed for each.
    func computeHash(in scratch: RowBuffer) -> Hash256 {
        encodeSigned(into: scratch, thenSignature: true)
        return scratch.digest
    }

    private func encodeSigned(into buffer: RowBuffer, thenSignature: Bool = false) {
        var size = RowWriter.size(domain: RowBuffer.auditDomain) + 3 * RowWriter.intSize + RowWriter.size(text: actor)
        size += RowWriter.size(text: osUser) + RowWriter.size(text: role) + RowWriter.size(text: subject)
        size += RowWriter.size(text: command) + RowWriter.size(text: event) + RowWriter.size(text: from)
        size += RowWriter.size(text: to) + RowWriter.size(text: outcome) + RowWriter.size(text: reason) + 3 * (5 + 32)
        size += thenSignature ? 5 + (signature?.count ?? 0) : 0
        buffer.empty()
        var w = buffer.writer(reserving: size)
        w.domain(RowBuffer.auditDomain)
        w.int(seq)
        w.int(at)
        w.text(actor)
        w.text(osUser)
        w.text(role)
        w.int(instance)
        w.text(subject)
        w.text(command)
        w.text(event)
        w.text(from)
        w.text(to)
        w.text(outcome)
        w.text(reason)
        w.digest(dataHash)
        w.digest(afterHash)
        w.digest(prevHash)
        if thenSignature {
            if let signature { signature.withUnsafeBytes { w.blob($0) } } else { w.null() }
        }
        buffer.commit(w)
    }

    /// Reasons are kept short: a refused value must not put someone's data in the log forever.
    public static let maxReasonLength = 1000

    public static func clip(_ reason: String?) -> String? {
        // Counting characters walks the text's grapheme clusters; no more bytes than the limit means no
        // more characters either, and most reasons are short.
        guard let reason, reason.utf8.count > maxReasonLength, reason.count > maxReasonLength else { return reason }
        return String(reason.prefix(maxReasonLength)) + "…"
    }
}
