import SeleksiCore
import SeleksiStore

/// Votes (`<votes><vote …/></votes>`): a ballot is a command like any other — refused with a reason,
/// audited, and kept as a row (in the decisions table, named `vote:<id>`, with its round and choice,
/// hashed into its audit row so `audit verify` proves it). A changed ballot is a new row; the latest
/// of each voter in a round counts. Guards read the outcome as `votes.<id>` (see `VoteTally`).
extension Engine {
    /// The decision name a vote's ballots are kept under.
    static func ballotName(_ vote: String) -> String { "vote:\(vote)" }

    public struct VoteReceipt: Sendable {
        public let instance: Int64
        public let vote: String
        public let round: Int
        /// The voter had cast a ballot in this round before: this one replaces it.
        public let changed: Bool
        public let cast: Int
        public let needed: Int
        public let auditSeq: Int64
        /// Automatic transitions that followed (the ballot that decided the vote).
        public let followUps: [FireResult]
    }

    /// Casts (or changes) `actor`'s ballot in an open vote.
    @discardableResult
    public func vote(
        instance id: Int64, vote voteID: String, choice: String, actor: String, reason: String? = nil,
        signer: SigningKey? = nil, now: Timestamp
    ) throws -> VoteReceipt {
        try runCommand("vote", actor: actor, event: voteID, now: now) { now in
            guard let record = try store.instance(id) else { throw unknownInstance(id) }
            let w = try workflow(hash: record.workflowHash)
            func refuse(_ code: Refusal.Code, _ text: String, _ en: String) -> CommandRefused {
                CommandRefused(code, text, en, instance: record.id, from: record.state)
            }
            guard try actorExists(actor) else {
                var r = unknownActor(actor)
                r.instance = record.id
                throw r
            }
            try vouch(actor: actor, signer: signer, instance: record.id, from: record.state)
            guard let vote = w.vote(voteID) else {
                let known = w.votes.map(\.id).joined(separator: ", ")
                throw refuse(
                    .unknownEvent,
                    "alur \(w.id) tidak punya pemungutan suara '\(voteID)'; yang ada: \(known.isEmpty ? "(tidak ada)" : known)",
                    "workflow \(w.id) has no vote '\(voteID)'; votes: \(known.isEmpty ? "(none)" : known)")
            }
            let isFinal = w.state(record.state)?.isFinal ?? false
            guard vote.isOpen(in: record.state, isFinal: isFinal) else {
                throw refuse(
                    .notAllowedInState,
                    "pemungutan suara '\(voteID)' tidak dibuka pada status '\(record.state)'; dibuka pada: \(vote.states.joined(separator: ", "))",
                    "vote '\(voteID)' is not open in state '\(record.state)'; it is open in: \(vote.states.joined(separator: ", "))"
                )
            }
            let held = try roles(of: actor, for: record, in: w, at: now)
            guard let role = vote.roles.first(where: held.contains) else {
                throw refuse(
                    .roleMissing,
                    "\(actor) tidak berhak memilih dalam '\(voteID)': hanya peran \(vote.roles.joined(separator: ", "))",
                    "\(actor) may not vote in '\(voteID)': it is for role \(vote.roles.joined(separator: ", "))")
            }
            let choices = try voteChoices(vote, record: record, in: w, now: now)
            guard choices.contains(choice) else {
                throw refuse(
                    .invalidSubmission,
                    "'\(TerminalText.safe(choice))' bukan pilihan dalam '\(voteID)'; pilihannya: \(choices.joined(separator: ", "))",
                    "'\(TerminalText.safe(choice))' is not a choice in '\(voteID)'; choices: \(choices.joined(separator: ", "))"
                )
            }
            let ballots = try self.ballots(of: record.id, vote: voteID)
            let mine = ballots.last { $0.actor == actor && $0.round == record.stateSeq }
            if let mine {
                guard vote.isChangeable else {
                    throw refuse(
                        .alreadyConfirmed,
                        "\(actor) sudah memilih dalam '\(voteID)' putaran ini; suara tidak dapat diubah",
                        "\(actor) has already voted in '\(voteID)' this round; a ballot cannot be changed")
                }
                guard mine.choice != choice else {
                    throw refuse(
                        .alreadyConfirmed, "\(actor) sudah memilih '\(choice)' dalam '\(voteID)' putaran ini",
                        "\(actor) has already voted '\(choice)' in '\(voteID)' this round")
                }
            }
            var write = CommandWrite(
                audit: AuditRecord(
                    at: now.seconds, actor: actor, osUser: osUser, role: role, instance: record.id,
                    command: "vote", event: voteID, from: record.state, outcome: "accepted",
                    reason: reason))
            write.decisions = [
                DecisionRecord(
                    instance: record.id, name: Engine.ballotName(voteID),
                    value: .record(["round": .number(Double(record.stateSeq)), "choice": .string(choice)]),
                    reason: reason, actor: actor, at: now.seconds)
            ]
            write.signer = rowSigner(signer)
            let committed = try store.commit(write)
            let all = ballots + [Ballot(actor: actor, choice: choice, round: record.stateSeq, at: now.seconds)]
            let eligible = try voters(vote, record: record, in: w, at: now).count
            let rounds = VoteTally.rounds(
                vote, ballots: all, currentRound: record.stateSeq, eligible: eligible, choices: choices)
            let followUps = try fireAutomatic(on: record.id, in: w, state: record.state, now: now, depth: 0)
            try parentNotices(record, now: now, depth: 0)
            return VoteReceipt(
                instance: record.id, vote: voteID, round: rounds.last?.number ?? 1, changed: mine != nil,
                cast: rounds.last?.cast ?? 1, needed: rounds.last?.needed ?? 1, auditSeq: committed.seq,
                followUps: followUps)
        }
    }

    /// Every ballot of a vote on an instance, in the order cast.
    func ballots(of instance: Int64, vote: String) throws -> [Ballot] {
        let name = Engine.ballotName(vote)
        return try store.decisions(instance: instance).compactMap { d in
            guard d.name == name, case .record(let v) = d.value, case .number(let round)? = v["round"],
                case .string(let choice)? = v["choice"]
            else { return nil }
            return Ballot(actor: d.actor, choice: choice, round: Int64(round), at: d.at)
        }
    }

    /// Who may vote: the holders of the vote's roles for the instance (its organisations and above).
    func voters(_ vote: VoteDefinition, record: InstanceRecord, in w: WorkflowDefinition, at now: Timestamp) throws
        -> Set<String>
    {
        let orgs = try organisations(of: record, in: w, at: now)
        var out: Set<String> = []
        for role in vote.roles { out.formUnion(try holderIDs(of: role, in: orgs, at: now)) }
        return out
    }

    /// The vote's choices: its fixed list, or its candidates computed on the instance now.
    func voteChoices(_ vote: VoteDefinition, record: InstanceRecord, in w: WorkflowDefinition, now: Timestamp) throws
        -> [String]
    {
        if let fixed = vote.choices { return fixed }
        guard let candidates = vote.candidates else { return [] }
        let forms = w.referencedForms.isEmpty ? [:] : try latestForms(of: record.id)
        var context = try self.context(for: record, in: w, actor: Command.systemActor, now: now, withVotes: false)
        if w.namesRead.contains("votes") {
            context["votes"] = try votesValue(of: record, in: w, now: now, candidates: false)
        }
        let snapshot = InstanceSnapshot(
            id: record.id, state: record.state, variables: record.variables, forms: forms, context: context)
        let evaluation = EvaluationContext(
            scopes: [snapshot.scope()], today: now.date, reference: try referenceTables(for: w))
        let value: Value
        do { value = try Evaluator.evaluate(candidates, in: evaluation) } catch {
            throw EngineError.input(
                "\(w.file):\(vote.line): calon pemungutan suara '\(vote.id)' gagal dihitung: \(error.text(.id))",
                en: "\(w.file):\(vote.line): the candidates of vote '\(vote.id)' failed: \(error.text(.en))")
        }
        var out: [String] = []
        func collect(_ v: Value) {
            switch v {
            case .list(let l): l.forEach(collect)
            case .null: break
            default: if !v.displayText.isEmpty, !out.contains(v.displayText) { out.append(v.displayText) }
            }
        }
        collect(value)
        return out
    }

    /// `votes` as guards read it: each vote's record (see `VoteTally.value`). With `candidates` false,
    /// a vote's candidates are not computed (they may read `votes` themselves: a second round among the
    /// leaders of the first).
    func votesValue(of record: InstanceRecord, in w: WorkflowDefinition, now: Timestamp, candidates: Bool = true) throws
        -> Value
    {
        var out: [String: Value] = [:]
        let isFinal = w.state(record.state)?.isFinal ?? false
        for vote in w.votes {
            let eligible = try voters(vote, record: record, in: w, at: now).count
            let choices =
                candidates || vote.choices != nil ? try voteChoices(vote, record: record, in: w, now: now) : []
            let rounds = VoteTally.rounds(
                vote, ballots: try ballots(of: record.id, vote: vote.id),
                currentRound: vote.isOpen(in: record.state, isFinal: isFinal) ? record.stateSeq : nil,
                eligible: eligible, choices: choices)
            out[vote.id] = VoteTally.value(vote, rounds: rounds, eligible: eligible)
        }
        return .record(out)
    }

    // MARK: Showing a vote

    /// A vote as a viewer may see it: while a secret round is open, neither the ballots nor the tally
    /// (only who has voted, and the viewer's own ballot); once closed, everything.
    public struct VoteView: Sendable {
        public let id: String
        public let label: LocalizedText
        public let rule: VoteDefinition.Rule
        public let isSecret: Bool
        public let isOpen: Bool
        public let round: Int
        public let cast: Int
        public let eligible: Int
        public let needed: Int
        /// Nil while the viewer may not see it.
        public let tally: [(choice: String, count: Int)]?
        public let ballots: [(actor: String, choice: String)]?
        public let voters: [String]
        public let result: String?
        public let choices: [String]
        public let mine: String?
    }

    public func votes(of id: Int64, viewer: String?, now: Timestamp) throws -> [VoteView] {
        try wrap {
            let record = try requireInstance(id)
            let w = try workflow(hash: record.workflowHash)
            let isFinal = w.state(record.state)?.isFinal ?? false
            return try w.votes.map { vote in
                let eligible = try voters(vote, record: record, in: w, at: now).count
                let choices = try voteChoices(vote, record: record, in: w, now: now)
                let rounds = VoteTally.rounds(
                    vote, ballots: try ballots(of: record.id, vote: vote.id),
                    currentRound: vote.isOpen(in: record.state, isFinal: isFinal) ? record.stateSeq : nil,
                    eligible: eligible, choices: choices)
                let last = rounds.last
                let hidden = vote.isSecret && (last?.isOpen ?? false)
                return VoteView(
                    id: vote.id, label: vote.label, rule: vote.rule, isSecret: vote.isSecret,
                    isOpen: last?.isOpen ?? false,
                    round: last?.number ?? 0, cast: last?.cast ?? 0, eligible: eligible,
                    needed: last?.needed ?? vote.quorum.needed(eligible: eligible),
                    tally: hidden ? nil : (last?.tally ?? []),
                    ballots: hidden ? nil : (last?.ballots ?? []).map { ($0.actor, $0.choice) },
                    voters: (last?.ballots ?? []).map(\.actor), result: last?.result, choices: choices,
                    mine: viewer.flatMap { v in last?.ballots.first { $0.actor == v }?.choice })
            }
        }
    }
}

extension DecisionRecord {
    /// A ballot of a vote, kept among the decisions (see `Engine.vote`), not a decision of the workflow.
    public var isBallot: Bool { name.hasPrefix("vote:") }
}
