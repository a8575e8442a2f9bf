import Testing

@testable import SeleksiCore

@Suite("Counting a vote")
struct VoteTallyTests {
    func vote(
        _ rule: VoteDefinition.Rule, quorum: VoteQuorum = .all, threshold: (Int, Int)? = nil, abstain: String? = nil,
        secret: Bool = false
    ) -> VoteDefinition {
        VoteDefinition(
            id: "v", label: LocalizedText(id: "V"), roles: ["anggota"], states: ["sidang"], rule: rule, quorum: quorum,
            threshold: threshold, isSecret: secret, choices: ["setuju", "tolak", "abstain"], abstain: abstain, line: 1)
    }

    func ballots(_ pairs: [(String, String)], round: Int64 = 3) -> [Ballot] {
        pairs.enumerated().map { Ballot(actor: $0.element.0, choice: $0.element.1, round: round, at: Int64($0.offset)) }
    }

    func last(_ v: VoteDefinition, _ b: [Ballot], eligible: Int, open: Int64? = 3) -> VoteTally.Round {
        VoteTally.rounds(v, ballots: b, currentRound: open, eligible: eligible, choices: v.choices!).last!
    }

    @Test func aMajorityNeedsMoreThanHalfOfTheBallotsThatAreNotAbstentions() {
        let v = vote(.majority, abstain: "abstain")
        #expect(
            last(v, ballots([("a", "setuju"), ("b", "setuju"), ("c", "tolak"), ("d", "abstain")]), eligible: 4).result
                == "setuju")
        #expect(
            last(v, ballots([("a", "setuju"), ("b", "tolak"), ("c", "abstain"), ("d", "abstain")]), eligible: 4).result
                == nil)
    }

    @Test func nothingIsDecidedBeforeTheQuorum() {
        let v = vote(.majority, quorum: .fraction(2, 3))
        #expect(VoteQuorum.fraction(2, 3).needed(eligible: 5) == 4)
        let three = last(v, ballots([("a", "setuju"), ("b", "setuju"), ("c", "setuju")]), eligible: 5)
        #expect(!three.quorumMet && three.result == nil)
        #expect(
            last(v, ballots([("a", "setuju"), ("b", "setuju"), ("c", "setuju"), ("d", "tolak")]), eligible: 5).result
                == "setuju")
    }

    @Test func aChangedBallotReplacesTheVotersEarlierOne() {
        let v = vote(.unanimous)
        let r = last(v, ballots([("a", "setuju"), ("b", "tolak"), ("b", "setuju")]), eligible: 2)
        #expect(r.cast == 2)
        #expect(r.result == "setuju")
    }

    @Test func aSupermajorityOfTwoThirds() {
        let v = vote(.majority, threshold: (2, 3))
        #expect(last(v, ballots([("a", "setuju"), ("b", "setuju"), ("c", "tolak")]), eligible: 3).result == "setuju")
        #expect(
            last(v, ballots([("a", "setuju"), ("b", "setuju"), ("c", "tolak"), ("d", "tolak")]), eligible: 4).result
                == nil)
    }

    @Test func pluralityTiesDecideNothingAndNameTheLeaders() {
        let v = vote(.plurality)
        let r = last(v, ballots([("a", "setuju"), ("b", "tolak")]), eligible: 2)
        #expect(r.result == nil && r.leaders == ["setuju", "tolak"])
    }

    @Test func roundsAreStaysAndTheRecordShowsThePreviousOne() {
        let v = vote(.plurality, secret: true)
        let all =
            ballots([("a", "setuju"), ("b", "tolak")], round: 2) + ballots([("a", "tolak"), ("b", "tolak")], round: 5)
        let rounds = VoteTally.rounds(v, ballots: all, currentRound: 5, eligible: 2, choices: v.choices!)
        #expect(rounds.map(\.number) == [1, 2])
        guard case .record(let r) = VoteTally.value(v, rounds: rounds, eligible: 2) else {
            Issue.record("not a record")
            return
        }
        #expect(r["round"] == .number(2) && r["result"] == .string("tolak"))
        #expect(r["ballots"] == .null)  // secret while the round is open
        guard case .record(let previous)? = r["previous"] else {
            Issue.record("no previous round")
            return
        }
        #expect(previous["tied"] == .bool(true))
        #expect(previous["ballots"] != .null)  // a closed round's ballots are no longer secret
    }
}
