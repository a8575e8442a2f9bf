/// What `audit verify` is asked to check beyond the store's own rules.
public struct VerifyOptions {
    /// Checkpoints kept outside the database: the row each names must still carry its hash.
    public var checkpoints: [Checkpoint] = []
    /// The moves a workflow allows (by definition hash): each accepted `fire` row must be one of them,
    /// by one of its roles (or the system). Supplied by the engine, which reads workflows.
    public var transitionRules: ((_ workflowHash: String) -> [TransitionMove])?
    /// Called every so many rows with the number checked so far.
    public var progress: ((Int64) -> Void)?
    /// Rows handed to the second core at a time (small in tests, so that a log of a few rows spans batches).
    var batchRows = 4096
    /// …or fewer, once their encodings reach this many bytes: an instance's row can be megabytes (a
    /// round's ranking), and 4,096 of those in each of the three batches alive would be hundreds.
    var batchBytes = 2 << 20

    public init(checkpoints: [Checkpoint] = [], transitionRules: ((String) -> [TransitionMove])? = nil,
                progress: ((Int64) -> Void)? = nil) {
        self.checkpoints = checkpoints
        self.transitionRules = transitionRules
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

    /// Takes in problems found elsewhere (the other core): the first ones kept are the earliest in the log.
    mutating func merge(_ other: VerificationReport) {
        problemCount += other.problemCount
        problems = (problems + other.problems).enumerated()
            .sorted { ($0.element.seq ?? 0, $0.offset) < ($1.element.seq ?? 0, $1.offset) }
            .prefix(Self.maxKept).map(\.element)
    }

    mutating func add(seq: Int64? = nil, record: String? = nil, _ message: String) {
        problemCount += 1
        if problems.count < Self.maxKept { problems.append(Problem(seq: seq, record: record, message: message)) }
    }
}

/// One move a workflow allows: from a state, by an event, to a state, for these roles.
public struct TransitionMove: Sendable {
    public let from: String
    public let event: String
    public let to: String
    public let roles: [String]

    public init(from: String, event: String, to: String, roles: [String]) {
        self.from = from
        self.event = event
        self.to = to
        self.roles = roles
    }
}
