/// What `seleksi report` shows of an instance's children, as its workflow declares it (`<report>`):
/// which child workflow the report counts (a round's applicants, apart from other children such as
/// SKB proposals), the category children are told apart by (a programme), the score whose
/// distribution is drawn, the quota rows of the parent with the states that fill a place, and the
/// funnel of stages a child passes. Nothing here names a process: the workflow file does.
public struct ReportDefinition: Sendable {
    /// A stage of the funnel: a child has reached it when it ever entered one of `states`.
    public struct Stage: Sendable {
        public let states: [String]
        public let label: LocalizedText
        public let line: Int

        public init(states: [String], label: LocalizedText, line: Int) {
            self.states = states
            self.label = label
            self.line = line
        }
    }

    /// How children are told apart: `value` evaluated in each child's scope, and `label`, the text to
    /// print, evaluated with the category's value as `value` (so quota rows get it too).
    public struct Category: Sendable {
        public let value: Expression
        public let label: Expression?
        public let title: LocalizedText
        public let line: Int

        public init(value: Expression, label: Expression?, title: LocalizedText, line: Int) {
            self.value = value
            self.label = label
            self.title = title
            self.line = line
        }
    }

    /// The score whose distribution the report draws, evaluated in each child's scope.
    public struct Score: Sendable {
        public let value: Expression
        public let maximum: Int
        public let title: LocalizedText
        public let line: Int

        public init(value: Expression, maximum: Int, title: LocalizedText, line: Int) {
            self.value = value
            self.maximum = maximum
            self.title = title
            self.line = line
        }
    }

    /// The parent's quota rows (`rows`, in the parent's scope) and, in each row, the organisation, the
    /// category and the count; `filled` are the child states that hold a place.
    public struct Quota: Sendable {
        public let rows: Expression
        public let org: Expression
        public let category: Expression
        public let count: Expression
        public let filled: [String]
        public let line: Int

        public init(
            rows: Expression, org: Expression, category: Expression, count: Expression, filled: [String], line: Int
        ) {
            self.rows = rows
            self.org = org
            self.category = category
            self.count = count
            self.filled = filled
            self.line = line
        }
    }

    public let children: String
    public let category: Category?
    public let score: Score?
    public let quota: Quota?
    public let funnel: [Stage]
    public let line: Int

    public init(children: String, category: Category?, score: Score?, quota: Quota?, funnel: [Stage], line: Int) {
        self.children = children
        self.category = category
        self.score = score
        self.quota = quota
        self.funnel = funnel
        self.line = line
    }
}
