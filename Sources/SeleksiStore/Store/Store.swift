import SeleksiCore

/// Everything the engine asks of storage, shaped by its questions ("the instance", "its children in
/// these states", "write this command") rather than by tables. The engine holds no SQL: a second store
/// (a server database for a ministry) implements these protocols and passes the same tests.
///
/// A store is used by one thread at a time. Every command runs inside `transaction`; `commit` writes a
/// command's changes and its audit row together.
public protocol Store: AnyObject, DefinitionStore, DirectoryStore, InstanceStore, SubmissionStore, TimerStore, AuditStore, OverviewStore {
    /// Where the data lives, for messages.
    var location: String { get }

    /// Runs `body` in one transaction; any error rolls everything back. Nested calls compose.
    func transaction<T>(_ body: () throws -> T) throws -> T

    /// Runs `body` on one snapshot of the data: every read inside sees the same state while other
    /// processes write, and the store takes its read lock once. Inside a transaction it simply runs.
    func readSnapshot<T>(_ body: () throws -> T) throws -> T

    /// Takes a snapshot that lasts until `releaseSnapshot`, which may be called from another thread
    /// (the reads in between are on that thread): documents are read later, on another thread, from
    /// the data as it stood when they were asked for. Refused inside a transaction.
    func holdSnapshot() throws
    func releaseSnapshot()

    /// Called after every rollback: caches filled from rows that no longer exist must forget them.
    func onRollback(_ action: @escaping () -> Void)

    /// Writes a command: its changes, then its audit row, which records what they were.
    @discardableResult
    func commit(_ write: CommandWrite) throws -> Committed

    /// Installation settings (`installation`, `simulation`, `identity` …), written by `commit` with a `.setting` change.
    func settings() throws -> [String: String]
}

/// Forms and workflows by content hash, and the seed's reference tables.
public protocol DefinitionStore {
    func currentDefinitionHash(kind: String, id: String) throws -> String?
    func definitionSource(hash: String) throws -> (kind: String, file: String, bytes: [UInt8])?
    func currentDefinitionIDs(kind: String) throws -> [String]
    /// Every reference row, table by table in row order.
    func referenceRows() throws -> [(table: String, data: String)]
}

/// Organisations, actors, their keys and the roles they hold.
public protocol DirectoryStore {
    func organisation(_ id: String) throws -> Organisation?
    func organisations() throws -> [Organisation]
    func actor(_ id: String) throws -> Actor?
    func actors() throws -> [Actor]
    /// Every actor's id, and nothing else of them (`actors-exist()` asks whether ids are known).
    func actorIDs() throws -> Set<String>
    func actors(osUser: String) throws -> [Actor]
    func actorKeys(_ actor: String) throws -> [ActorKey]
    func grants(actor: String) throws -> [Grant]
    func grants(role: String, org: String) throws -> [Grant]
    func grants(org: String) throws -> [Grant]
}

/// What selects instances for `list` and counts.
public struct InstanceFilter: Sendable {
    public var workflow: String?
    public var state: String?
    public var parent: Int64?
    public var org: String?
    public var owner: String?

    public init(workflow: String? = nil, state: String? = nil, parent: Int64? = nil, org: String? = nil, owner: String? = nil) {
        self.workflow = workflow
        self.state = state
        self.parent = parent
        self.org = org
        self.owner = owner
    }
}

public protocol InstanceStore {
    func instance(_ id: Int64) throws -> InstanceRecord?
    /// Children in instance order, one at a time; `states` nil means all. A round's report reads
    /// 20,000 of them without holding them: `body` must not read the children again meanwhile.
    func forEachChild(of parent: Int64, states: Set<String>?, _ body: (InstanceRecord) throws -> Void) throws
    /// Each child's id and state, in instance order: what `children-count(…)` and a notice to the
    /// children in a state read, without the variables and forms of 20,000 applicants.
    func childStates(of parent: Int64) throws -> [(id: Int64, state: String)]
    func childStateCounts(of parent: Int64) throws -> [(state: String, count: Int)]
    /// Children that have submitted at least one form, per workflow.
    func participatingChildCounts(of parent: Int64) throws -> [(workflow: String, count: Int)]
    func instances(_ filter: InstanceFilter, limit: Int) throws -> [InstanceRecord]
    /// The same instances as one line each, without their variables (what `seleksi list` prints).
    func listing(_ filter: InstanceFilter, limit: Int) throws -> [InstanceListing]
    func instanceCounts(_ filter: InstanceFilter) throws -> [(workflow: String, state: String, count: Int)]
    /// The instance that holds a unique key in a scope (one application per NIK per round), if any.
    func uniqueKeyHolder(scope: Int64, name: String, valueHash: Hash256) throws -> Int64?
}

public protocol SubmissionStore {
    /// The latest version of each form of an instance that is not withdrawn: form id → submission id.
    func latestSubmissionIDs(instance: Int64) throws -> [String: Int64]
    func submission(_ id: Int64) throws -> SubmissionRecord?
    /// Each actor's latest, not withdrawn, version of a form (a rater's sheet), in submission order.
    func latestPerActor(instance: Int64, form: String) throws -> [SubmissionRecord]
    /// The same sheets as `latestPerActor`, by id and actor only: what a command's context needs, the
    /// answers being read (and cached) by id.
    func latestPerActorIDs(instance: Int64, form: String) throws -> [(id: Int64, actor: String)]
    /// Every version of an instance's forms, oldest first (`form` nil: all forms).
    func submissionVersions(instance: Int64, form: String?) throws -> [SubmissionRecord]
    /// The latest version of `form` by `actor` for an instance, if any.
    func latestSubmission(instance: Int64, form: String, actor: String) throws -> SubmissionRecord?
    /// Every submission of `form` by the children of `parent`, by instance then in submission order,
    /// one at a time (for reports); `body` must not read them again meanwhile.
    func forEachChildSubmission(parent: Int64, form: String, _ body: (SubmissionRecord) throws -> Void) throws
    func decisions(instance: Int64) throws -> [DecisionRecord]
    /// Decisions of the children of `parent`, counted by name and value, with how many carry a person's reason.
    func childDecisionCounts(parent: Int64) throws -> [(name: String, value: String, count: Int, withReason: Int)]
    func confirmations(instance: Int64, stateSeq: Int64, event: String) throws -> Set<String>
    func blob(_ hash: Hash256) throws -> [UInt8]?
    func hasBlob(_ hash: Hash256) throws -> Bool
    /// Whether a submission of another instance (not erased) names this attachment.
    func blobUsed(_ hash: Hash256, outside instance: Int64) throws -> Bool
}

/// Deadlines: a schedule derived from the states instances enter, not evidence (see the threat model).
public protocol TimerStore {
    func scheduleTimer(instance: Int64, stateSeq: Int64, event: String, dueAt: Int64) throws
    /// Timers due at or before `now` whose instance is still in the state that set them, oldest first.
    func dueTimers(now: Int64) throws -> [(instance: Int64, event: String, stateSeq: Int64)]
    func clearTimers(dueBy now: Int64) throws
    func pendingTimers(instance: Int64, stateSeq: Int64) throws -> [(event: String, dueAt: Int64)]
    /// Drops one timer (its date was emptied by a later command).
    func cancelTimer(instance: Int64, stateSeq: Int64, event: String) throws
}

public protocol AuditStore {
    /// The last row: its number, hash and time.
    func auditHead() throws -> (seq: Int64, hash: Hash256, at: Int64)?
    /// The last row that changed data (not a document, not a refusal): what a document is made from.
    func dataHead() throws -> (seq: Int64, hash: Hash256, at: Int64)?
    /// An instance's rows, and the rows of erasures of its personal data.
    func auditRecords(instance: Int64) throws -> [AuditRecord]
    /// Every row from `seq` on, in order, without loading them all.
    func forEachAuditRecord(from seq: Int64, _ body: (AuditRecord) throws -> Void) throws
    func auditRecord(seq: Int64) throws -> AuditRecord?
    /// The last accepted firing of each event on an instance: who and when (a contract's signatories).
    func acceptedEvents(instance: Int64) throws -> [(event: String, actor: String, at: Int64)]
    /// Accepted moves of the children of `parent`, by child then row (time in each state).
    func childMoves(parent: Int64) throws -> [(instance: Int64, at: Int64, from: String?, to: String)]
    /// Recomputes the chain and proves the tables against it (see `Verification`).
    func verify(_ options: VerifyOptions) throws -> VerificationReport
}

/// What a person's task list and a head's view of a round ask at once, for thousands of instances:
/// each question one query instead of one per instance.
public protocol OverviewStore {
    /// The instances where `actor`'s latest version of `form` is a sheet, not a withdrawal.
    func instancesRated(by actor: String, form: String) throws -> Set<Int64>
    /// Every decision recorded on the children of `parent`, by child then order taken.
    func childDecisions(parent: Int64) throws -> [DecisionRecord]
    /// Every timer still to fire, of instances still in the state that set it, earliest first.
    func currentTimers() throws -> [(instance: Int64, event: String, dueAt: Int64)]
}

extension InstanceStore {
    /// Children in instance order, all at once; `states` nil means all.
    public func children(of parent: Int64, states: Set<String>?) throws -> [InstanceRecord] {
        var out: [InstanceRecord] = []
        try forEachChild(of: parent, states: states) { out.append($0) }
        return out
    }
}

extension SubmissionStore {
    /// Every submission of `form` by the children of `parent`, all at once.
    public func childSubmissions(parent: Int64, form: String) throws -> [SubmissionRecord] {
        var out: [SubmissionRecord] = []
        try forEachChildSubmission(parent: parent, form: form) { out.append($0) }
        return out
    }
}
