import SeleksiCore
import SeleksiStore

/// The head's view of a round: who has rated whom, where raters disagree, what is late, what the round
/// waits for, and which applicants are left with too few raters. Read from the workflow's own rules
/// (`RatingPolicy`, the round's transitions) and dry runs; nothing here names a process.
extension Engine {
    public enum Cell: Sendable, Equatable {
        /// A sheet on file, with its score when the viewer may see it.
        case sheet(Double?)
        /// The rater could give his sheet now.
        case waiting
        /// The rater may not rate this instance (the workflow's message says why).
        case barred(LocalizedText)
        /// Nothing to do here (not in the rating state, no sheet).
        case none
    }

    public struct GridRow: Sendable {
        public let instance: Int64
        public let ownerName: String
        public let orgName: String
        public let state: String
        public let stateLabel: LocalizedText
        /// One cell per rater, in the order of `RatingsView.raters`.
        public let cells: [Cell]
        public let sheets: Int
        public let required: Int?
        public let spread: Double?
        public let tolerance: Double?
    }

    public struct Disagreement: Sendable {
        public let instance: Int64
        public let ownerName: String
        public let spread: Double
        public let tolerance: Double
        /// Each rater's score, nil where the viewer may not see it.
        public let scores: [(rater: String, name: String, score: Double?)]
    }

    public struct RatingsView: Sendable {
        public let form: String
        public let formTitle: LocalizedText
        public let event: String
        public let state: String
        public let scoreField: String?
        public let raters: [(id: String, name: String)]
        public let rows: [GridRow]
        public let disagreements: [Disagreement]
        /// Whether the viewer sees every rater's scores (a holder of a `reads-ratings` role).
        public let scoresVisible: Bool
    }

    public struct Shortage: Sendable {
        public let instance: Int64
        public let ownerName: String
        public let orgName: String
        public let parent: Int64?
        public let form: String
        public let roles: [String]
        public let sheets: Int
        /// Raters who could still give a sheet.
        public let available: [String]
        public let required: Int
        public let barred: [(actor: String, name: String, reason: LocalizedText)]
        /// What the head can do about it.
        public let remedy: LocalizedText
    }

    public struct Late: Sendable {
        public let instance: Int64
        public let name: String
        public let event: String
        public let dueAt: Int64
    }

    public struct NextStep: Sendable {
        public let event: String
        public let label: LocalizedText
        public let roles: [String]
        public let holders: [(id: String, name: String)]
        /// Why it would be refused now (nil: it would be accepted).
        public let refusal: LocalizedText?
        public let blocking: [LocalizedText]
        public let blockingCount: Int
        /// A quorum: confirmations so far, needed, and who has not confirmed.
        public let quorum: (have: Int, need: Int, missing: [String])?
    }

    public struct RoundProgress: Sendable {
        public let round: Int64
        public let workflow: String
        public let state: String
        public let stateLabel: LocalizedText
        public let orgName: String
        public let children: [(state: String, label: LocalizedText, count: Int)]
        public let ratings: [RatingsView]
        public let late: [Late]
        public let next: [NextStep]
        public let shortages: [Shortage]
    }

    /// The view of `round` for `viewer` (scores are shown to a holder of a `reads-ratings` role and to a
    /// rater on the instances he has rated himself; to no one else).
    public func progress(round id: Int64, viewer: String?, now: Timestamp) throws -> RoundProgress {
        try wrap {
            let round = try requireInstance(id)
            if let viewer, try directoryActor(viewer) == nil {
                throw EngineError.input(try unknownActorMessage(viewer))
            }
            let w = try workflow(hash: round.workflowHash)
            let run = DryRun(now: now)
            try preloadDecisions(ofChildrenOf: id, run: run)
            let children = try store.children(of: id, states: nil)
            run.childRecords[id] = children
            var labels: [String: LocalizedText] = [:]
            var views: [RatingsView] = []
            var shortages: [Shortage] = []
            for (hash, group) in Dictionary(grouping: children, by: \.workflowHash).sorted(by: { $0.key < $1.key }) {
                let cw = try workflow(hash: hash)
                for s in cw.states { labels[s.id] = s.label }
                for policy in try policies(of: cw, sample: group[0]) {
                    let (view, short) = try ratingsView(
                        policy, children: group, in: cw, parent: id, viewer: viewer, run: run)
                    views.append(view)
                    shortages += short
                }
            }
            var counts: [String: Int] = [:]
            for c in children { counts[c.state, default: 0] += 1 }
            let timers = try store.currentTimers().filter { $0.dueAt <= now.seconds }
            let ids = Set(children.map(\.id)).union([id])
            let late = timers.filter { ids.contains($0.instance) }.map { t in
                Late(
                    instance: t.instance,
                    name: t.instance == id
                        ? (w.title.id) : displayName(ofActor: children.first { $0.id == t.instance }?.owner ?? ""),
                    event: t.event, dueAt: t.dueAt)
            }
            return RoundProgress(
                round: id, workflow: round.workflowID, state: round.state,
                stateLabel: w.state(round.state)?.label ?? LocalizedText(id: round.state),
                orgName: try organisationName(round.org),
                children: counts.keys.sorted().map { ($0, labels[$0] ?? LocalizedText(id: $0), counts[$0]!) },
                ratings: views, late: late, next: try nextSteps(round, in: w, viewer: viewer, run: run),
                shortages: shortages)
        }
    }

    func policies(of w: WorkflowDefinition, sample: InstanceRecord) throws -> [RatingPolicy] {
        var independent: Set<String> = []
        for (f, hash) in sample.formHashes where try form(hash: hash).independentRatings { independent.insert(f) }
        return RatingPolicy.policies(in: w, independentForms: independent)
    }

    /// Each rater's latest sheet on each child of `parent` (withdrawn ones left out): child → [(actor, data)].
    func childSheets(parent: Int64, form: String) throws -> [Int64: [(actor: String, data: [String: Value])]] {
        var latest: [Int64: [String: SubmissionRecord]] = [:]
        for s in try store.childSubmissions(parent: parent, form: form) {
            latest[s.instance, default: [:]][s.actor] = s
        }
        var out: [Int64: [(actor: String, data: [String: Value])]] = [:]
        for (child, byActor) in latest {
            out[child] = try byActor.values.filter { $0.kind != .withdraw }.sorted { $0.id < $1.id }.map {
                ($0.actor, try submissionData($0.id))
            }
        }
        return out
    }

    /// The grid of one rating policy over `children`, and their shortages. With `shortagesOnly`, a child's
    /// raters are asked only until enough could rate it (for a task list's alerts); the grid is then partial.
    func ratingsView(
        _ policy: RatingPolicy, children: [InstanceRecord], in w: WorkflowDefinition, parent: Int64, viewer: String?,
        run: DryRun, shortagesOnly: Bool = false
    ) throws -> (RatingsView, [Shortage]) {
        // A few children: their own sheets; many: the round's at once.
        var sheets: [Int64: [(actor: String, data: [String: Value])]] = [:]
        if children.count <= 20 {
            for child in children {
                let own = try store.latestPerActorIDs(instance: child.id, form: policy.form)
                if !own.isEmpty { sheets[child.id] = try own.map { ($0.actor, try submissionData($0.id)) } }
            }
        } else {
            sheets = try childSheets(parent: parent, form: policy.form)
        }
        let rated = children.filter { $0.state == policy.state || sheets[$0.id] != nil }
        var raterIDs: Set<String> = []
        for child in Set(rated.map(\.org)) {
            for role in policy.roles { raterIDs.formUnion(try holderIDs(of: role, in: child, run: run)) }
        }
        for list in sheets.values { for s in list { raterIDs.insert(s.actor) } }
        let raters = raterIDs.sorted().map { (id: $0, name: displayName(ofActor: $0)) }
        let readsAll =
            try viewer.map { v in try rated.first.map { try readsRatings(v, on: $0, in: w, run: run) } ?? false }
            ?? false
        var rows: [GridRow] = []
        var disagreements: [Disagreement] = []
        var shortages: [Shortage] = []
        for child in rated {
            let own = sheets[child.id] ?? []
            let byActor = Dictionary(own.map { ($0.actor, $0.data) }, uniquingKeysWith: { a, _ in a })
            let visible = readsAll || (viewer.map { byActor[$0] != nil } ?? false)
            func score(_ data: [String: Value]) -> Double? {
                guard visible, let field = policy.scoreField, case .number(let n)? = data[field] else { return nil }
                return n
            }
            var cells: [Cell] = []
            var available: [String] = []
            var barred: [(actor: String, name: String, reason: LocalizedText)] = []
            // Raters are asked only while the rating is open at all (the round in scoring).
            let open =
                try child.state == policy.state && isOpenToRole(policy.event, roles: policy.roles, on: child, run: run)
            let eligible = open ? Set(try policy.roles.flatMap { try holderIDs(of: $0, in: child.org, run: run) }) : []
            let required = try requiredSheets(policy, for: child, in: w, run: run)
            for rater in raters.map(\.id) {
                if shortagesOnly, let required, own.count + available.count >= required { break }
                if let data = byActor[rater] {
                    cells.append(.sheet(score(data)))
                } else if child.state == policy.state, eligible.contains(rater) {
                    if let refusal = try refusalIfTried(policy.event, on: child, actor: rater, run: run) {
                        cells.append(.barred(refusal.message))
                        barred.append((rater, displayName(ofActor: rater), refusal.message))
                    } else {
                        cells.append(.waiting)
                        available.append(rater)
                    }
                } else {
                    cells.append(.none)
                }
            }
            let tolerance = try self.tolerance(policy, for: child, in: w, run: run)
            let totals = own.compactMap { s -> Double? in
                guard let field = policy.scoreField, case .number(let n)? = s.data[field] else { return nil }
                return n
            }
            let spread = totals.count >= 2 ? totals.max()! - totals.min()! : nil
            rows.append(
                GridRow(
                    instance: child.id, ownerName: displayName(ofActor: child.owner),
                    orgName: try organisationName(child.org),
                    state: child.state, stateLabel: w.state(child.state)?.label ?? LocalizedText(id: child.state),
                    cells: cells,
                    sheets: own.count, required: required, spread: spread, tolerance: tolerance))
            if let spread, let tolerance, spread > tolerance {
                disagreements.append(
                    Disagreement(
                        instance: child.id, ownerName: displayName(ofActor: child.owner), spread: spread,
                        tolerance: tolerance,
                        scores: own.map { ($0.actor, displayName(ofActor: $0.actor), score($0.data)) }))
            }
            if open, let required, own.count + available.count < required {
                shortages.append(
                    shortage(
                        child, policy: policy, sheets: own.count, available: available, required: required,
                        barred: barred,
                        parent: parent, run: run))
            }
        }
        let formTitle =
            try children.first?.formHashes[policy.form].map { try form(hash: $0).title }
            ?? LocalizedText(id: policy.form)
        return (
            RatingsView(
                form: policy.form, formTitle: formTitle, event: policy.event, state: policy.state,
                scoreField: policy.scoreField,
                raters: raters, rows: rows, disagreements: disagreements, scoresVisible: readsAll), shortages
        )
    }

    private func shortage(
        _ child: InstanceRecord, policy: RatingPolicy, sheets: Int, available: [String], required: Int,
        barred: [(actor: String, name: String, reason: LocalizedText)], parent: Int64?, run: DryRun
    ) -> Shortage {
        let org = ((try? store.instance(parent ?? child.id)) ?? nil)?.org ?? child.org
        let role = policy.roles.first ?? "?"
        let missing = required - sheets - available.count
        let remedy = LocalizedText(
            id: "kurang \(missing) penilai: tambahkan anggota dengan `seleksi actor grant ID \(role) --org \(org)`, "
                + "atau ubah jumlah penilai putaran; pemegang peran yang belum menilai: "
                + (available.isEmpty
                    ? "tidak ada" : available.map { displayName(ofActor: $0) }.joined(separator: ", ")),
            en:
                "\(missing) rater(s) short: add a member with `seleksi actor grant ID \(role) --org \(org)`, or change the round's number of "
                + "raters; holders who have not rated: "
                + (available.isEmpty ? "none" : available.map { displayName(ofActor: $0) }.joined(separator: ", ")))
        return Shortage(
            instance: child.id, ownerName: displayName(ofActor: child.owner),
            orgName: (try? organisationName(child.org)) ?? child.org,
            parent: parent, form: policy.form, roles: policy.roles, sheets: sheets, available: available,
            required: required,
            barred: barred, remedy: remedy)
    }

    /// Whether `viewer` holds, for this instance, a role that sees every rater's sheet.
    func readsRatings(_ viewer: String, on record: InstanceRecord, in w: WorkflowDefinition, run: DryRun) throws -> Bool
    {
        try roles(of: viewer, for: record, in: w, at: run.now).contains { w.role($0)?.readsRatings == true }
    }

    /// The shortages a `reads-ratings` holder must hear of at once, across the rounds he oversees (or one).
    func shortagesSeen(by actor: String, round: Int64?, run: DryRun) throws -> [Shortage] {
        var out: [Shortage] = []
        let held = Set(try grants(of: actor).filter { try isActive($0, at: run.now) }.map(\.role))
        for id in try currentWorkflowIDs() {
            let w = try currentWorkflow(id)
            guard w.roles.contains(where: { $0.readsRatings && held.contains($0.id) }) else { continue }
            let independent = Set(try w.referencedForms.filter { try currentForm($0).independentRatings })
            let states = Set(RatingPolicy.policies(in: w, independentForms: independent).map(\.state))
            var byParent: [Int64: [InstanceRecord]] = [:]
            for state in states.sorted() {
                for r in try instances(workflow: id, state: state, parent: round, run: run) {
                    if let p = r.parent { byParent[p, default: []].append(r) }
                }
            }
            for (parent, group) in byParent.sorted(by: { $0.key < $1.key }) {
                guard let sample = group.first,
                    try readsRatings(actor, on: sample, in: try workflow(hash: sample.workflowHash), run: run)
                else { continue }
                try preloadDecisions(ofChildrenOf: parent, run: run)
                for (hash, same) in Dictionary(grouping: group, by: \.workflowHash) {
                    let cw = try workflow(hash: hash)
                    for policy in try policies(of: cw, sample: same[0]) {
                        let inState = same.filter { $0.state == policy.state }
                        guard !inState.isEmpty else { continue }
                        out += try ratingsView(
                            policy, children: inState, in: cw, parent: parent, viewer: actor, run: run,
                            shortagesOnly: true
                        ).1
                    }
                }
            }
        }
        return out
    }

    /// What the round waits for: each step a person takes from its state, who may take it, and — by a dry
    /// run as the viewer (or the first holder) — whether it would be accepted now, and if not, why and who holds it up.
    func nextSteps(_ round: InstanceRecord, in w: WorkflowDefinition, viewer: String?, run: DryRun) throws -> [NextStep]
    {
        var out: [NextStep] = []
        for event in TransitionFunction(w).personalEvents(in: round.state) {
            let ts = (w.transitionsByEvent[event] ?? []).filter {
                ($0.from.contains(round.state) || $0.from.contains("*")) && !$0.isOptional
            }
            guard let first = ts.first else { continue }
            let roles = Array(Set(ts.flatMap(\.roles))).sorted()
            var holders: [String] = []
            for role in roles {
                for h in try holderIDs(of: role, in: round.org, run: run) where !holders.contains(h) {
                    holders.append(h)
                }
            }
            let tester = viewer.flatMap { v in holders.contains(v) ? v : nil } ?? holders.first
            var refusal: Refusal?
            if let tester { refusal = try refusalIfTried(event, on: round, actor: tester, run: run) }
            var quorum: (have: Int, need: Int, missing: [String])?
            if let q = first.quorum, let role = first.roles.first {
                let confirmed = try store.confirmations(instance: round.id, stateSeq: round.stateSeq, event: event)
                let roleHolders = try holderIDs(of: role, in: round.org, run: run)
                let need: Int
                switch q {
                case .all: need = roleHolders.count
                case .count(let k): need = k
                }
                quorum = (
                    confirmed.count, need,
                    roleHolders.filter { !confirmed.contains($0) }.map { displayName(ofActor: $0) }
                )
                if refusal?.code == .alreadyConfirmed { refusal = nil }
            }
            let blocking = refusal?.blockingChildren ?? []
            out.append(
                NextStep(
                    event: event, label: ts.first { $0.label.id != event }?.label ?? LocalizedText(id: event),
                    roles: roles,
                    holders: holders.map { ($0, displayName(ofActor: $0)) },
                    refusal: holders.isEmpty
                        ? LocalizedText(
                            id: "tidak ada pemegang peran \(roles.joined(separator: ", "))",
                            en: "nobody holds role \(roles.joined(separator: ", "))") : refusal?.message,
                    blocking: try blocking.prefix(10).map { try waitingLine($0, run: run) },
                    blockingCount: blocking.count,
                    quorum: quorum))
        }
        return out
    }
}

extension Engine {
    /// The instance's shortage of raters now, if it has one (after a rater declares a conflict, say).
    public func raterShortage(instance id: Int64, now: Timestamp) throws -> Shortage? {
        try wrap {
            let record = try requireInstance(id)
            guard let parent = record.parent else { return nil }
            let w = try workflow(hash: record.workflowHash)
            let run = DryRun(now: now)
            for policy in try policies(of: w, sample: record) where policy.state == record.state {
                if let found = try ratingsView(
                    policy, children: [record], in: w, parent: parent, viewer: nil, run: run, shortagesOnly: true
                ).1.first {
                    return found
                }
            }
            return nil
        }
    }
}
