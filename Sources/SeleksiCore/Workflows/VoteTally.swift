/// Counts a vote's rounds and decides each by the vote's rule, purely.
///
/// The record guards read as `votes.<id>`:
/// `open` (the round is open now), `round` (its number, from 1), `rounds` (rounds so far), `cast`
/// (ballots that count: one per voter, the latest), `eligible` (holders of the voting roles),
/// `needed` (the quorum in ballots), `quorum_met`, `tally` (choice → ballots, every choice listed),
/// `leaders` (the choices with the most ballots), `tied`, `decided`, `result` (the choice decided, or
/// null), `voters` (who cast a ballot: turnout is not secret), `ballots` (`{actor, choice}`, only for
/// an open vote or a closed round), and `previous` (the same record for the round before, or null).
public enum VoteTally {
    public struct Round: Sendable {
        public let number: Int
        public let isOpen: Bool
        /// Latest ballot per voter, in the order first cast.
        public let ballots: [Ballot]
        public let tally: [(choice: String, count: Int)]
        public let cast: Int
        public let needed: Int
        public let quorumMet: Bool
        public let leaders: [String]
        public let result: String?
    }

    /// Every round with ballots, oldest first, plus the current one when the vote is open now
    /// (`currentRound`, the instance's state sequence number, or nil when closed).
    public static func rounds(
        _ vote: VoteDefinition, ballots: [Ballot], currentRound: Int64?, eligible: Int,
        choices: [String]
    ) -> [Round] {
        var seqs: [Int64] = []
        for b in ballots where !seqs.contains(b.round) { seqs.append(b.round) }
        seqs.sort()
        if let current = currentRound, !seqs.contains(current) { seqs.append(current) }
        return seqs.enumerated().map { i, seq in
            round(
                vote, number: i + 1, ballots: ballots.filter { $0.round == seq }, isOpen: seq == currentRound,
                eligible: eligible, choices: choices)
        }
    }

    static func round(
        _ vote: VoteDefinition, number: Int, ballots: [Ballot], isOpen: Bool, eligible: Int,
        choices: [String]
    ) -> Round {
        var latest: [String: Ballot] = [:]
        var order: [String] = []
        for b in ballots.sorted(by: { $0.at < $1.at }) {
            if latest[b.actor] == nil { order.append(b.actor) }
            latest[b.actor] = b
        }
        let counted = order.compactMap { latest[$0] }
        var names = choices
        for b in counted where !names.contains(b.choice) { names.append(b.choice) }
        let tally = names.map { c in (choice: c, count: counted.filter { $0.choice == c }.count) }
        let needed = vote.quorum.needed(eligible: eligible)
        let quorumMet = counted.count >= needed
        let deciding = tally.filter { $0.choice != vote.abstain }
        let base = deciding.reduce(0) { $0 + $1.count }
        let top = deciding.map(\.count).max() ?? 0
        let leaders = top > 0 ? deciding.filter { $0.count == top }.map(\.choice) : []
        var result: String?
        if quorumMet, base > 0 {
            switch vote.rule {
            case .unanimous:
                if leaders.count == 1, top == base { result = leaders[0] }
            case .majority:
                if leaders.count == 1 {
                    if let t = vote.threshold {
                        if top * t.denominator >= t.numerator * base { result = leaders[0] }
                    } else if 2 * top > base {
                        result = leaders[0]
                    }
                }
            case .plurality:
                if leaders.count == 1 { result = leaders[0] }
            }
        }
        return Round(
            number: number, isOpen: isOpen, ballots: counted, tally: tally, cast: counted.count, needed: needed,
            quorumMet: quorumMet, leaders: leaders, result: result)
    }

    /// The record `votes.<id>` for guards: the current round (or the last closed one), with the one before.
    public static func value(_ vote: VoteDefinition, rounds: [Round], eligible: Int) -> Value {
        guard let last = rounds.last else {
            return record(nil, vote: vote, eligible: eligible, rounds: 0, previous: .null)
        }
        let previous =
            rounds.count > 1
            ? record(
                rounds[rounds.count - 2], vote: vote, eligible: eligible,
                rounds: rounds.count - 1, previous: .null) : .null
        return record(last, vote: vote, eligible: eligible, rounds: rounds.count, previous: previous)
    }

    private static func record(_ r: Round?, vote: VoteDefinition, eligible: Int, rounds: Int, previous: Value) -> Value
    {
        var out: [String: Value] = [
            "open": .bool(r?.isOpen ?? false), "round": .number(Double(r?.number ?? 0)),
            "rounds": .number(Double(rounds)),
            "cast": .number(Double(r?.cast ?? 0)), "eligible": .number(Double(eligible)),
            "needed": .number(Double(r?.needed ?? vote.quorum.needed(eligible: eligible))),
            "quorum_met": .bool(r?.quorumMet ?? false),
            "tally": .record(
                Dictionary(
                    (r?.tally ?? []).map { ($0.choice, Value.number(Double($0.count))) },
                    uniquingKeysWith: { a, _ in a })),
            "leaders": .list((r?.leaders ?? []).map(Value.string)),
            "tied": .bool((r?.leaders.count ?? 0) > 1),
            "decided": .bool(r?.result != nil), "result": r?.result.map(Value.string) ?? .null,
            "voters": .list((r?.ballots ?? []).map { .string($0.actor) }),
            "previous": previous,
        ]
        if let r, !(vote.isSecret && r.isOpen) {
            out["ballots"] = .list(
                r.ballots.map { .record(["actor": .string($0.actor), "choice": .string($0.choice)]) })
        } else {
            out["ballots"] = .null
        }
        return .record(out)
    }

    /// The names a `votes.<id>` record holds, for static checks.
    public static let fields: Set<String> = [
        "open", "round", "rounds", "cast", "eligible", "needed", "quorum_met", "tally", "leaders", "tied", "decided",
        "result", "voters", "ballots", "previous",
    ]
}
