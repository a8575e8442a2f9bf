/// What the transition function decided. The shell commits an accepted or pending outcome with its
/// audit row in one transaction, and a refusal as an audit row alone.
public enum TransitionOutcome: Sendable {
    case accepted(Accepted)
    /// A quorum event confirmed by this actor; `have` of `need` confirmations so far.
    case pending(role: String, have: Int, need: Int)
    case refused(Refusal)

    public struct Accepted: Sendable {
        public let event: String
        public let role: String
        public let from: String
        public let to: String
        public let variables: [String: Value]
        public let decisions: [(name: String, value: Value)]
        /// Children to create: how many of which workflow, with the values passed to each.
        public let children: [(workflow: String, count: Int, variables: [String: Value])]
        /// Events to fire on children (from a ranking), in order, with variables to set on each first.
        public let childEvents: [ChildEvent]
        /// Roles to give (from a decree's list of members).
        public let grants: [GrantOrder]
    }

    public struct ChildEvent: Sendable {
        public let child: Int64
        public let event: String
        public let variables: [String: Value]
    }
}

/// Why a command was refused: a code a script can switch on, and a message for people.
public struct Refusal: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case unknownEvent = "unknown-event"
        case unknownInstance = "unknown-instance"
        case unknownWorkflow = "unknown-workflow"
        case unknownActor = "unknown-actor"
        case notAllowedInState = "not-allowed-in-state"
        case roleMissing = "role-missing"
        case formMissing = "form-missing"
        case guardFailed = "guard-failed"
        case reasonRequired = "reason-required"
        case alreadyConfirmed = "already-confirmed"
        case alreadySubmitted = "already-submitted"
        case invalidSubmission = "invalid-submission"
        case expressionFailed = "expression-failed"
        case alreadyExists = "already-exists"
        case unknownOrganisation = "unknown-organisation"
        case unknownRole = "unknown-role"
        case cycle = "cycle"
        case clockBehind = "clock-behind"
        case identityUnverified = "identity-unverified"
        case signatureRequired = "signature-required"
        case signatureInvalid = "signature-invalid"
        case duplicateKey = "duplicate-key"
        case notPermitted = "not-permitted"
    }

    public let code: Code
    public var message: LocalizedText
    /// For a guard over children: the children that keep it from holding (see `BlockingChildren`).
    public var blockingChildren: [Int64]
    /// Every guard that failed, when the refusal is about guards (`message` names them all too).
    public var failedGuards: [LocalizedText] = []

    public init(_ code: Code, _ message: LocalizedText, blockingChildren: [Int64] = []) {
        self.code = code
        self.message = message
        self.blockingChildren = blockingChildren
    }

    public var description: String { message.id }
}
