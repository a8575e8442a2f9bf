/// A vote an instance holds (`<votes><vote …/></votes>`): who may vote, in which states, on what, by
/// which rule, how many must take part, and whether ballots stay secret until the round closes.
///
/// A vote is open while the instance stays in one of its `states`; each stay is one round. Leaving the
/// state closes the round; entering one of them again opens the next, with no ballots. A voter may
/// change his ballot until the round closes (unless `changeable` is false): the latest counts, and
/// every ballot is kept. Guards read the outcome as `votes.<id>.…` (see `VoteTally`).
public struct VoteDefinition: Sendable {
    public enum Rule: String, Sendable, CaseIterable {
        /// Every ballot that is not an abstention names the same choice (consensus).
        case unanimous
        /// One choice has more than half of the ballots that are not abstentions, or at least
        /// `threshold` of them when one is given (`2/3`).
        case majority
        /// The choice with the most ballots among several candidates; a tie decides nothing.
        case plurality
    }

    public let id: String
    public let label: LocalizedText
    /// Roles whose holders may vote (in the instance's organisations, as for any event).
    public let roles: [String]
    /// States in which the vote is open.
    public let states: [String]
    public let rule: Rule
    /// How many ballots a round needs before it decides anything.
    public let quorum: VoteQuorum
    /// For `majority`: the share a choice needs (at least num/den of the ballots that count).
    public let threshold: (numerator: Int, denominator: Int)?
    /// Ballots are kept out of `show` and of guards until the round closes; the tally is shown only then.
    public let isSecret: Bool
    /// A fixed list of choices (`setuju tolak abstain`), or nil when `candidates` gives them.
    public let choices: [String]?
    /// An expression giving the list of candidates (ids, NIKs), evaluated on the instance.
    public let candidates: Expression?
    /// A choice that counts toward the quorum but not toward any result.
    public let abstain: String?
    /// Whether a voter may cast again before the round closes (the latest ballot counts).
    public let isChangeable: Bool
    public let line: Int

    public init(
        id: String, label: LocalizedText, roles: [String], states: [String], rule: Rule, quorum: VoteQuorum,
        threshold: (numerator: Int, denominator: Int)? = nil, isSecret: Bool = false, choices: [String]?,
        candidates: Expression? = nil, abstain: String? = nil, isChangeable: Bool = true, line: Int
    ) {
        self.id = id
        self.label = label
        self.roles = roles
        self.states = states
        self.rule = rule
        self.quorum = quorum
        self.threshold = threshold
        self.isSecret = isSecret
        self.choices = choices
        self.candidates = candidates
        self.abstain = abstain
        self.isChangeable = isChangeable
        self.line = line
    }

    /// Whether the vote is open in `state` (`*` in `states`: any state that is not final).
    public func isOpen(in state: String, isFinal: Bool) -> Bool {
        states.contains(state) || (states.contains("*") && !isFinal)
    }
}

/// How many ballots a round needs: every eligible voter, a number, or a share of the eligible (`2/3`).
public enum VoteQuorum: Sendable, Equatable {
    case all
    case count(Int)
    case fraction(Int, Int)

    /// Reads `all`, `3`, `2/3`; nil for anything else.
    public init?(_ text: String) {
        if text == "all" {
            self = .all
            return
        }
        let parts = text.split(separator: "/").map { Int($0) }
        switch parts.count {
        case 1:
            guard let k = parts[0], k >= 1 else { return nil }
            self = .count(k)
        case 2:
            guard let n = parts[0], let d = parts[1], n >= 1, d >= 1, n <= d else { return nil }
            self = .fraction(n, d)
        default: return nil
        }
    }

    /// Ballots needed out of `eligible` voters (a share is rounded up; at least one).
    public func needed(eligible: Int) -> Int {
        switch self {
        case .all: return Swift.max(1, eligible)
        case .count(let k): return k
        case .fraction(let n, let d): return Swift.max(1, (eligible * n + d - 1) / d)
        }
    }
}

/// One ballot as stored: who, what, in which round (the instance's stay in the state), when.
public struct Ballot: Sendable, Equatable {
    public let actor: String
    public let choice: String
    /// The instance's state sequence number when the ballot was cast: one round per stay.
    public let round: Int64
    public let at: Int64

    public init(actor: String, choice: String, round: Int64, at: Int64) {
        self.actor = actor
        self.choice = choice
        self.round = round
        self.at = at
    }
}
