import Foundation
import SeleksiCore
import SeleksiDocuments
import SeleksiEngine
import SeleksiStore

/// A national season: one Tutor Bantu round per UPT of the 2019 allocation (29 UPTs, 1,547 places),
/// all in one database, with the applicants spread over the UPTs by their allocation. Each round is
/// the single-UPT demo round (`TutorBantuDemo`), unchanged; the rounds take turns on one calendar
/// (see `TakingTurns`). Each UPT writes its documents and report under `<out>/<upt>/`.
public struct NationalDemo {
    public struct Options: Sendable {
        public var database: String
        public var outputFolder: String
        public var applicants: Int
        public var seed: UInt64
        public var root: String

        public init(database: String, outputFolder: String, applicants: Int, seed: UInt64, root: String) {
            self.database = database
            self.outputFolder = outputFolder
            self.applicants = applicants
            self.seed = seed
            self.root = root
        }
    }

    /// Where the season stands, for a progress bar.
    public struct Progress: Sendable {
        /// The step of the calendar the rounds are at (1-based) and the last phase the current UPT finished.
        public var step: Int
        public var phase: String
        /// The UPT whose turn it is (1-based), of `upts`.
        public var upt: Int
        public var upts: Int
        /// Applicants of the UPTs that have taken this step, of all.
        public var applicantsDone: Int
        public var applicants: Int
        public var seconds: Double
        /// A rough share of the whole run, 0…1.
        public var fraction: Double
    }

    public struct Round: Sendable {
        public var upt: String
        public var round: Int64
        public var applicants: Int
        public var allocation: Int
        public var contracted: Int
        /// No applicant was left to score: the round was cancelled (`TutorBantuDemo.Summary.cancelled`).
        public var cancelled: Bool
    }

    public struct Summary: Sendable {
        public var rounds: [Round] = []
        public var states: [(state: String, count: Int)] = []
        /// Each phase of a round with the time all rounds spent in it (their turns only), in order.
        public var phases: [(name: String, seconds: Double)] = []
        public var documents = 0
        public var auditRows = 0
        public var seconds = 0.0
    }

    /// The phases `TutorBantuDemo.run` reports per round, for the bar's fraction only.
    static let phasesPerRound = 9

    let options: Options
    let progress: (Progress) -> Void
    let log: (String) -> Void

    public init(options: Options, progress: @escaping (Progress) -> Void, log: @escaping (String) -> Void) {
        self.options = options
        self.progress = progress
        self.log = log
    }

    public func run() throws -> Summary {
        let started = Date()
        let engine = try TutorBantuDemo.initialiseDatabase(path: options.database, root: options.root)
        let allocation = try Self.allocation(engine.referenceTables())
        guard options.applicants >= allocation.count else {
            throw EngineError.input(
                "--upt all membagi pelamar ke \(allocation.count) UPT, sedikitnya satu per UPT: beri --applicants "
                    + "\(allocation.count) atau lebih (diberi \(options.applicants))",
                en: "--upt all spreads the applicants over \(allocation.count) UPTs, at least one each: "
                    + "give --applicants \(allocation.count) or more (given \(options.applicants))")
        }
        let shares = Self.spread(options.applicants, over: allocation.map(\.places), seed: options.seed)
        log("Musim nasional: \(allocation.count) UPT, alokasi \(allocation.map(\.places).reduce(0, +)) tenaga; "
            + "\(options.applicants) pelamar sintetis (seed \(options.seed))")

        // The rounds' documents are read and composed on another core while the rounds go on, and
        // recorded once all have finished (`LaterDocuments`).
        let renderer = DocumentRenderer(templatesFolder: (options.root as NSString).appendingPathComponent("templates"))
        let later = LaterDocuments(reader: DocumentReader(renderer: renderer, databasePath: options.database))
        let state = SeasonState(upts: allocation.count, shares: shares, started: started)
        let turns = TakingTurns(count: allocation.count)
        var rounds: [() throws -> Void] = []
        var first = 1
        for (i, upt) in allocation.enumerated() {
            var roundOptions = TutorBantuDemo.Options(
                database: options.database, outputFolder: (options.outputFolder as NSString).appendingPathComponent(upt.id),
                applicants: shares[i], seed: Self.roundSeed(options.seed, i), upt: upt.id, root: options.root)
            roundOptions.firstApplicant = first
            roundOptions.verifyAtEnd = false
            // The season is the recruitment of every UPT, to the contracts (as `--until kerja`): the work
            // phase of 29 UPTs' 1,547 tutors through six months is the single-UPT demo's, and run here it
            // would multiply the season's time several times over for the same rules.
            roundOptions.until = .kerja
            first += shares[i]
            var demo = TutorBantuDemo(options: roundOptions, engine: engine) { line in state.phaseLine(line, upt: i) }
            demo.onAdvance = { clock in turns.handOver(from: i, at: clock.seconds) }
            demo.later = later
            rounds.append {
                state.summaries[i] = try demo.run()
            }
        }
        turns.onTurn = { i in
            state.startTurn(i)
            progress(state.progress(upt: i))
        }
        try turns.run(rounds)
        try later.recordAll(engine: engine, renderer: renderer)

        var summary = Summary()
        for (i, upt) in allocation.enumerated() {
            let round = state.summaries[i]?.round ?? 0
            let contracted = try engine.counts(InstanceFilter(workflow: "tb_pelamar", state: "berkontrak", parent: round))
                .reduce(0) { $0 + $1.count }
            summary.rounds.append(Round(upt: upt.id, round: round, applicants: shares[i], allocation: upt.places,
                                        contracted: contracted, cancelled: state.summaries[i]?.cancelled ?? false))
        }
        summary.states = try engine.counts(InstanceFilter(workflow: "tb_pelamar")).map { ($0.state, $0.count) }
        summary.phases = state.phaseTotals()
        summary.documents = Self.countDocuments(in: options.outputFolder)
        summary.auditRows = Int(try engine.verifyAudit().rows)
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    // MARK: Spreading the applicants

    /// The UPTs of the allocation in its order, with their places.
    static func allocation(_ reference: ReferenceTables) throws -> [(id: String, places: Int)] {
        let rows = reference.tables["tutor_bantu/alokasi_2019"] ?? []
        let upts = rows.compactMap { row -> (id: String, places: Int)? in
            guard let id = row["id"], let places = row["jumlah_tenaga"].flatMap(Int.init) else { return nil }
            return (id, places)
        }
        guard !upts.isEmpty else { throw EngineError.input("seed/tutor_bantu/alokasi_2019.csv: no UPT with jumlah_tenaga") }
        return upts
    }

    /// `total` spread over `weights` in proportion (largest remainders, ties broken by a generator
    /// seeded with `seed`), each share at least 1; the shares add up to `total`.
    public static func spread(_ total: Int, over weights: [Int], seed: UInt64) -> [Int] {
        let n = weights.count
        let extra = total - n   // one each first, the rest by weight
        let sum = max(1, weights.reduce(0, +))
        var shares = weights.map { 1 + extra * $0 / sum }
        var rng = SplitMix64(seed: seed)
        let tieBreak = (0..<n).map { _ in rng.next() }
        let byRemainder = (0..<n).sorted {
            let a = extra * weights[$0] % sum, b = extra * weights[$1] % sum
            return a != b ? a > b : tieBreak[$0] < tieBreak[$1]
        }
        for i in byRemainder.prefix(total - shares.reduce(0, +)) { shares[i] += 1 }
        return shares
    }

    /// Each round its own generator, derived from the season's seed and the UPT's place in the allocation.
    static func roundSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var rng = SplitMix64(seed: seed ^ (UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15))
        return rng.next()
    }

    static func countDocuments(in folder: String) -> Int {
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var count = 0
        for case let path as String in walk where path.contains("/dokumen/") && path.hasSuffix(".html") { count += 1 }
        return count
    }
}

/// What the rounds report while they run, kept under the baton (only the round holding it writes).
final class SeasonState: @unchecked Sendable {
    let upts: Int
    let shares: [Int]
    let total: Int
    let started: Date
    var summaries: [TutorBantuDemo.Summary?]
    /// The time each round has held the baton, and since when it holds it now.
    private var active: [Double]
    private var turnStarted: [Date]
    /// Per round, the active time at its last finished phase, and how many phases it has finished.
    private var lastMark: [Double]
    private var phasesDone: [Int]
    private var phaseNames: [String] = []
    private var phaseSeconds: [Double] = []
    private var phaseIndex: [String: Int] = [:]
    /// The last phase each round finished, for the bar.
    private var lastPhase: [String]
    private var step = 0

    init(upts: Int, shares: [Int], started: Date) {
        self.upts = upts
        self.shares = shares
        total = shares.reduce(0, +)
        self.started = started
        summaries = Array(repeating: nil, count: upts)
        active = Array(repeating: 0, count: upts)
        // No round is active before its first turn: the database's preparation, before any, was once
        // counted as every round's first phase (29 × 70 ms in "organisasi dan pelaku").
        turnStarted = Array(repeating: .distantPast, count: upts)
        lastMark = Array(repeating: 0, count: upts)
        phasesDone = Array(repeating: 0, count: upts)
        lastPhase = Array(repeating: "persiapan", count: upts)
    }

    func startTurn(_ i: Int) {
        for j in 0..<upts where j != i && turnStarted[j] != .distantPast {
            active[j] += Date().timeIntervalSince(turnStarted[j])
            turnStarted[j] = .distantPast
        }
        turnStarted[i] = Date()
        if i == 0 { step += 1 }
    }

    private func activeNow(_ i: Int) -> Double {
        active[i] + (turnStarted[i] == .distantPast ? 0 : Date().timeIntervalSince(turnStarted[i]))
    }

    /// The single-UPT demo reports each finished phase as "  ✓ name": its time is this round's active
    /// time since its previous phase, summed over the rounds by the phase's place in the round.
    func phaseLine(_ line: String, upt i: Int) {
        guard let mark = line.range(of: "✓ ") else { return }
        let now = activeNow(i)
        // The name without this round's own counts: "pendaftaran … (123 pelamar)" → "pendaftaran …".
        var name = String(line[mark.upperBound...])
        if let open = name.range(of: " (", options: .backwards), name.hasSuffix(")"),
           name[open.upperBound...].contains("pelamar") {
            name = String(name[..<open.lowerBound])
        }
        // By name, in the order first reached: a cancelled round ends on a phase the others never reach.
        let k: Int
        if let known = phaseIndex[name] {
            k = known
        } else {
            k = phaseNames.count
            phaseIndex[name] = k
            phaseNames.append(name)
            phaseSeconds.append(0)
        }
        phaseSeconds[k] += now - lastMark[i]
        lastMark[i] = now
        phasesDone[i] += 1
        lastPhase[i] = name
    }

    func phaseTotals() -> [(name: String, seconds: Double)] { Array(zip(phaseNames, phaseSeconds)) }

    func progress(upt i: Int) -> NationalDemo.Progress {
        let done = shares.prefix(i).reduce(0, +)
        let phases = phasesDone.reduce(0, +)
        let fraction = min(0.99, Double(phases) / Double(upts * NationalDemo.phasesPerRound))
        let phase = lastPhase[i]
        return NationalDemo.Progress(step: step, phase: phase, upt: i + 1, upts: upts, applicantsDone: done, applicants: total,
                                     seconds: Date().timeIntervalSince(started), fraction: fraction)
    }
}
