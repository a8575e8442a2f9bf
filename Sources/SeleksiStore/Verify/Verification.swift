/// What `audit verify` is asked to check beyond the store's own rules.
public struct VerifyOptions {
    /// Checkpoints kept outside the database: the row each names must still carry its hash.
    public var checkpoints: [Checkpoint] = []
    /// Whether an accepted move is a transition of the instance's workflow (from, event, to, role);
    /// returns a problem to report, or nil. Supplied by the engine, which reads workflows.
    public var transitionCheck: ((_ workflowHash: String, _ row: AuditRecord) -> String?)?
    /// Called every so many rows with the number checked so far.
    public var progress: ((Int64) -> Void)?

    public init(checkpoints: [Checkpoint] = [], transitionCheck: ((String, AuditRecord) -> String?)? = nil,
                progress: ((Int64) -> Void)? = nil) {
        self.checkpoints = checkpoints
        self.transitionCheck = transitionCheck
        self.progress = progress
    }
}

/// The result of `audit verify`: how much was checked, and every disagreement found (the first ones
/// in full), each naming the audit row or the table record at fault.
public struct VerificationReport: Sendable {
    public struct Problem: Sendable, CustomStringConvertible {
        /// The audit row at fault, or the last row that wrote the record at fault.
        public let seq: Int64?
        /// The record at fault, e.g. `instances #5`, `actors penilai1`.
        public let record: String?
        public let message: String

        public var description: String {
            var where_: [String] = []
            if let seq { where_.append("baris audit \(seq)") }
            if let record { where_.append(record) }
            return (where_.isEmpty ? "" : where_.joined(separator: ", ") + ": ") + message
        }
    }

    public var rows: Int64 = 0
    public var headSeq: Int64 = 0
    public var head: Hash256 = .zero
    public var instances = 0
    public var submissions = 0
    public var directoryEntries = 0
    public var definitions = 0
    public var signatures = 0
    public var checkpoints = 0
    /// The first problems found, in the order found (at most `maxKept`).
    public var problems: [Problem] = []
    public var problemCount = 0

    public static let maxKept = 50

    public var isIntact: Bool { problemCount == 0 }

    mutating func add(seq: Int64? = nil, record: String? = nil, _ message: String) {
        problemCount += 1
        if problems.count < Self.maxKept { problems.append(Problem(seq: seq, record: record, message: message)) }
    }
}
