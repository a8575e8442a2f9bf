import SeleksiCore

/// A round's report for the people who run it (a head of SKB, of a UPT): its applicants by state and
/// by organisation, the funnel from registration to contract, the score distribution per category, the
/// quota filled per organisation, and the time spent in each stage. Every name is a label (of a
/// state, an organisation, a category); no personal data (no name, NIK, address, phone, account):
/// counts, scores without names, and organisations only.
public struct RoundReport: Sendable {
    public struct StateCount: Sendable {
        public let state: String
        public let label: LocalizedText
        public let count: Int
    }

    public struct FunnelStage: Sendable {
        public let label: LocalizedText
        public let count: Int
    }

    /// A quota row of an organisation: the places of a category, and how many hold one now.
    public struct QuotaRow: Sendable {
        public let category: String
        public let label: String
        public let quota: Int
        public let filled: Int
    }

    /// One organisation (an SKB): its applicants, funnel and quota.
    public struct Section: Sendable {
        public let org: String
        public let name: String
        public let applicants: Int
        public let states: [StateCount]
        public let funnel: [FunnelStage]
        public let quota: [QuotaRow]
        public var quotaTotal: Int { quota.reduce(0) { $0 + $1.quota } }
        public var filledTotal: Int { quota.reduce(0) { $0 + $1.filled } }
    }

    /// Scores of one category: summary figures and counts per bucket of `bucketWidth`.
    public struct Distribution: Sendable {
        public let category: String
        public let label: String
        public let count: Int
        public let minimum: Double, median: Double, mean: Double, maximum: Double
        public let buckets: [Int]
        public let bucketWidth: Int
    }

    /// Other children of the round (not the reported workflow's), e.g. SKB proposals.
    public struct OtherChildren: Sendable {
        public let workflow: String
        public let title: LocalizedText
        public let states: [StateCount]
        public var count: Int { states.reduce(0) { $0 + $1.count } }
    }

    public struct DecisionCount: Sendable {
        public let name: String
        public let value: String
        public let count: Int
        public let withReason: Int
    }

    /// A rater's sheet field across the children: the spread and the agreement between raters.
    public struct RaterScore: Sendable {
        public let form: String, field: String
        public let ratings: Int, minimum: Double, mean: Double, median: Double, maximum: Double
        /// Krippendorff's alpha (interval) across the instances rated.
        public let alpha: Double?
    }

    /// Time children spent in a state (left, not still in it), in hours.
    public struct Stage: Sendable {
        public let state: String
        public let label: LocalizedText
        public let instances: Int
        public let meanHours: Double
        public let medianHours: Double
    }

    /// When the round entered each of its states.
    public struct Moment: Sendable {
        public let state: String
        public let label: LocalizedText
        public let at: Timestamp
    }

    public var instance: Int64 = 0
    public var title = LocalizedText(id: "")
    public var organisation = ""
    public var state = LocalizedText(id: "")
    /// The reported children's workflow title, e.g. "Lamaran Pendidik/Tutor Bantu".
    public var childTitle = LocalizedText(id: "")
    public var categoryTitle: LocalizedText?
    public var scoreTitle: LocalizedText?
    public var scoreMaximum = 100

    public var applicants = 0
    public var states: [StateCount] = []
    public var others: [OtherChildren] = []
    public var funnel: [FunnelStage] = []
    public var sections: [Section] = []
    public var distributions: [Distribution] = []
    public var decisions: [DecisionCount] = []
    public var raterScores: [RaterScore] = []
    public var stages: [Stage] = []
    public var timeline: [Moment] = []
    /// The audit head when the report was made, so a printed report says which state it shows.
    public var auditRows: Int64 = 0
    public var madeAt = Timestamp(seconds: 0)

    /// Quota and places over every organisation.
    public var quotaTotal: Int { sections.reduce(0) { $0 + $1.quotaTotal } }
    public var filledTotal: Int { sections.reduce(0) { $0 + $1.filledTotal } }
}
