import SeleksiCore
import SeleksiStore

/// What a round's report shows: outcomes per group against quota, decisions and their reasons,
/// score distributions with inter-rater agreement, and the time children spent in each state.
public struct RoundReport: Sendable {
    public struct Group: Sendable { public let key: String; public let quota: Int; public let byState: [String: Int] }
    public struct DecisionCount: Sendable { public let name: String; public let value: String; public let count: Int; public let withReason: Int }
    public struct Score: Sendable {
        public let form: String, field: String
        public let ratings: Int, minimum: Double, mean: Double, median: Double, maximum: Double
        /// Krippendorff's alpha (interval) across the instances rated.
        public let alpha: Double?
    }
    public struct Stage: Sendable { public let state: String; public let instances: Int; public let meanHours: Double; public let medianHours: Double }

    public var instance: Int64 = 0
    public var states: [(state: String, count: Int)] = []
    public var groups: [Group] = []
    public var decisions: [DecisionCount] = []
    public var scores: [Score] = []
    /// Counts of the first calculated field of each independent form, in buckets of 10.
    public var histogram: [(bucket: String, count: Int)] = []
    public var stages: [Stage] = []
}

extension Engine {
    public func report(round id: Int64) throws -> RoundReport {
        try wrap {
            let round = try requireInstance(id)
            var report = RoundReport()
            report.instance = id
            report.states = try store.childStateCounts(of: id)
            let w = try workflow(hash: round.workflowHash)
            let children = try store.children(of: id, states: nil)
            report.groups = groups(children, rankVariable: w.rankVariables.first)
            report.decisions = try store.childDecisionCounts(parent: id).map {
                RoundReport.DecisionCount(name: $0.name, value: $0.value, count: $0.count, withReason: $0.withReason)
            }
            try addScores(to: &report, round: id, children: children)
            report.stages = stages(try store.childMoves(parent: id))
            return report
        }
    }

    /// Groups, from the variables a <rank> effect wrote on each child.
    private func groups(_ children: [InstanceRecord], rankVariable rv: String?) -> [RoundReport.Group] {
        guard let rv else { return [] }
        var groups: [String: (quota: Int, byState: [String: Int])] = [:]
        for c in children {
            guard case .string(let key)? = c.variables["\(rv)_kelompok"] else { continue }
            var g = groups[key] ?? (0, [:])
            if case .number(let q)? = c.variables["\(rv)_kuota"], let quota = Int(exactly: q.rounded()) { g.quota = quota }
            g.byState[c.state, default: 0] += 1
            groups[key] = g
        }
        return groups.keys.sorted().map { RoundReport.Group(key: $0, quota: groups[$0]!.quota, byState: groups[$0]!.byState) }
    }

    /// Scores of the independently rated forms of every kind of child (a round may have several workflows below it).
    private func addScores(to report: inout RoundReport, round id: Int64, children: [InstanceRecord]) throws {
        var formsSeen: [String: String] = [:]
        var kindsSeen: Set<String> = []
        for child in children where kindsSeen.insert(child.workflowHash).inserted {
            let cw = try workflow(hash: child.workflowHash)
            for formID in cw.referencedForms {
                guard let hash = child.formHashes[formID], try form(hash: hash).independentRatings else { continue }
                formsSeen[formID] = hash
            }
        }
        for (formID, formHash) in formsSeen.sorted(by: { $0.key < $1.key }) {
            let rows = try latestRatings(parent: id, form: formID)
            let numeric = try form(hash: formHash).allFields.filter { [.integer, .decimal].contains($0.field.type) }
            for (path, field) in numeric {
                var byInstance: [Int64: [Double]] = [:]
                for (instance, data) in rows { if case .number(let v)? = data[path] { byInstance[instance, default: []].append(v) } }
                let values = byInstance.values.flatMap { $0 }.sorted()
                guard !values.isEmpty else { continue }
                let median = values.count % 2 == 1 ? values[values.count / 2] : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
                report.scores.append(.init(form: formID, field: path, ratings: values.count, minimum: values.first!,
                                           mean: values.reduce(0, +) / Double(values.count), median: median, maximum: values.last!,
                                           alpha: Agreement.krippendorffAlphaInterval(byInstance.keys.sorted().map { byInstance[$0]! })))
                if field.calculate != nil, report.histogram.isEmpty {
                    var buckets = [Int](repeating: 0, count: 11)
                    for v in values where v.isFinite { buckets[min(10, max(0, Int(v / 10)))] += 1 }
                    report.histogram = buckets.enumerated().compactMap { i, n in n == 0 ? nil : (i == 10 ? "100" : "\(i * 10)–\(i * 10 + 9)", n) }
                }
            }
        }
    }

    /// Each rater's latest sheet per child (an amended sheet counts once, a withdrawn one not at all).
    private func latestRatings(parent: Int64, form: String) throws -> [(Int64, [String: Value])] {
        var latest: [String: SubmissionRecord] = [:]
        for s in try store.childSubmissions(parent: parent, form: form) { latest["\(s.instance)|\(s.actor)"] = s }
        return latest.values.filter { $0.kind != .withdraw }.sorted { ($0.instance, $0.id) < ($1.instance, $1.id) }.map { ($0.instance, JSONBridge.storedRecord($0.data)) }
    }

    /// Time in each state, from the audit log.
    private func stages(_ moves: [(instance: Int64, at: Int64, from: String?, to: String)]) -> [RoundReport.Stage] {
        var durations: [String: [Double]] = [:]
        var entered: (instance: Int64, state: String, at: Int64)?
        for (instance, at, from, to) in moves {
            if let e = entered, e.instance == instance, from == e.state, to != e.state {
                durations[e.state, default: []].append(Double(at - e.at) / 3600)
            }
            if from != to || entered?.instance != instance { entered = (instance, to, at) }
        }
        return durations.keys.sorted().map { state in
            let d = durations[state]!.sorted()
            return .init(state: state, instances: d.count, meanHours: d.reduce(0, +) / Double(d.count), medianHours: d[d.count / 2])
        }
    }
}

extension RoundReport {
    /// The report as Markdown, for people.
    public var markdown: String {
        func f(_ x: Double) -> String { Value.format(number: (x * 100).rounded() / 100) }
        var out = ["# Laporan putaran #\(instance)", "", "## Status anak", "", "| Status | Jumlah |", "|---|---|"]
        out += states.map { "| \($0.state) | \($0.count) |" }
        if !groups.isEmpty {
            let stateNames = Array(Set(groups.flatMap { $0.byState.keys })).sorted()
            out += ["", "## Kuota dan hasil per kelompok (SKB/program)", "", "| Kelompok | Kuota | " + stateNames.joined(separator: " | ") + " |",
                    "|---|---|" + String(repeating: "---|", count: stateNames.count)]
            out += groups.map { g in "| \(g.key) | \(g.quota) | " + stateNames.map { String(g.byState[$0] ?? 0) }.joined(separator: " | ") + " |" }
        }
        out += ["", "## Keputusan dan alasannya", "", "| Keputusan | Nilai | Jumlah | Dengan alasan tertulis |", "|---|---|---|---|"]
        out += decisions.map { "| \($0.name) | \($0.value) | \($0.count) | \($0.withReason) |" }
        if !scores.isEmpty {
            out += ["", "## Sebaran skor dan kesepakatan penilai (alpha Krippendorff, interval)", "",
                    "| Formulir | Komponen | Penilaian | Min | Rata-rata | Median | Maks | Alpha |", "|---|---|---|---|---|---|---|---|"]
            out += scores.map { "| \($0.form) | \($0.field) | \($0.ratings) | \(f($0.minimum)) | \(f($0.mean)) | \(f($0.median)) | \(f($0.maximum)) | \($0.alpha.map(f) ?? "-") |" }
            out += ["", "| Rentang jumlah skor | Penilaian |", "|---|---|"] + histogram.map { "| \($0.bucket) | \($0.count) |" }
        }
        out += ["", "## Lama di setiap tahap (jam)", "", "| Status | Instans | Rata-rata | Median |", "|---|---|---|---|"]
        out += stages.map { "| \($0.state) | \($0.instances) | \(f($0.meanHours)) | \(f($0.medianHours)) |" }
        return out.joined(separator: "\n") + "\n"
    }
}
