/// A form as its XML file declares it, with every expression already parsed. Immutable and shared.
public final class FormDefinition: Sendable {
    public let id: String
    public let version: String
    public let title: LocalizedText
    public let items: [FormItem]
    public let choiceLists: [String: ChoiceList]
    /// Where it came from, for messages (`forms/pendaftaran.xml`).
    public let file: String
    /// `rating="independent"`: each actor submits it at most once per instance, and no one sees
    /// another's submission before submitting his own (a rater's scoring sheet).
    public let independentRatings: Bool
    /// Whether a member of the selection team fills some field: then who submits it can change what is
    /// required and allowed (`Filler`); otherwise a validation's outcome does not depend on it.
    public let hasRaterFields: Bool
    /// Who fills most of its fields: a scoring sheet, the rater; a portfolio with a reviewer's note, the
    /// applicant (what a batch guesses before it knows the actor's roles, `ValidationAhead`).
    public let usualFiller: Filler
    /// Where attachments are typed: the top-level attachment fields, and each repeat group with its
    /// attachment fields (only groups that have some). Found once, not by walking every field of the
    /// form on every command that carries it (1.3% of an applicant's registration).
    public let attachmentFields: (fields: [String], groups: [(group: String, fields: [String])])

    public init(id: String, version: String, title: LocalizedText, items: [FormItem], choiceLists: [String: ChoiceList], file: String,
                independentRatings: Bool = false) {
        self.independentRatings = independentRatings
        self.id = id
        self.version = version
        self.title = title
        self.items = items
        self.choiceLists = choiceLists
        self.file = file
        let fillers = items.flatMap { item -> [Filler] in
            switch item {
            case .field(let f): return [f.filledBy]
            case .repeatGroup(let g): return g.fields.map(\.filledBy)
            }
        }
        let byRater = fillers.filter { $0 == .rater }.count
        hasRaterFields = byRater > 0
        usualFiller = byRater * 2 > fillers.count ? .rater : .applicant
        var fields: [String] = []
        var groups: [(group: String, fields: [String])] = []
        for item in items {
            switch item {
            case .field(let f): if f.type == .attachment { fields.append(f.id) }
            case .repeatGroup(let g):
                let inGroup = g.fields.filter { $0.type == .attachment }.map(\.id)
                if !inGroup.isEmpty { groups.append((g.id, inGroup)) }
            }
        }
        attachmentFields = (fields, groups)
    }

    /// Every field, including those inside repeat groups, with its dotted path (`pendidikan.jenjang`).
    public var allFields: [(path: String, field: FieldDefinition)] {
        items.flatMap { item -> [(path: String, field: FieldDefinition)] in
            switch item {
            case .field(let f): return [(f.id, f)]
            case .repeatGroup(let g): return g.fields.map { ("\(g.id).\($0.id)", $0) }
            }
        }
    }
}

public enum FormItem: Sendable {
    case field(FieldDefinition)
    case repeatGroup(RepeatGroup)

    public var id: String {
        switch self {
        case .field(let f): return f.id
        case .repeatGroup(let g): return g.id
        }
    }
}

/// Who writes a field: the applicant, or a member of the selection team (*diisi penilai*).
public enum Filler: String, Sendable {
    case applicant, rater
}

public struct FieldDefinition: Sendable {
    public let id: String
    public let type: FieldType
    public let label: LocalizedText
    public let hint: LocalizedText?
    public let required: Bool
    public let constraints: [FieldConstraint]
    public let relevant: Expression?
    public let calculate: Expression?
    public let readOnly: Bool
    public let filledBy: Filler
    /// For choice fields: the id of a `<choices>` list.
    public let choices: String?
    /// Personal data (an address, a birth date, a bank account): kept out of reports and exports unless
    /// asked for, and erased on request. NIK, NPWP, phone and e-mail fields are personal by their type.
    public let personal: Bool
    public let line: Int

    public init(id: String, type: FieldType, label: LocalizedText, hint: LocalizedText? = nil, required: Bool = false,
                constraints: [FieldConstraint] = [], relevant: Expression? = nil, calculate: Expression? = nil,
                readOnly: Bool = false, filledBy: Filler = .applicant, choices: String? = nil, personal: Bool = false, line: Int = 0) {
        self.personal = personal || [.nik, .npwp, .phone, .email].contains(type)
        self.id = id
        self.type = type
        self.label = label
        self.hint = hint
        self.required = required
        self.constraints = constraints
        self.relevant = relevant
        self.calculate = calculate
        self.readOnly = readOnly || calculate != nil
        self.filledBy = filledBy
        self.choices = choices
        self.line = line
    }
}

public struct FieldConstraint: Sendable {
    public let test: Expression
    public let message: LocalizedText
    public let line: Int

    public init(test: Expression, message: LocalizedText, line: Int) {
        self.test = test
        self.message = message
        self.line = line
    }
}

public struct RepeatGroup: Sendable {
    public let id: String
    public let label: LocalizedText
    public let minRows: Int
    public let maxRows: Int?
    public let fields: [FieldDefinition]
    public let relevant: Expression?
    public let line: Int

    public init(id: String, label: LocalizedText, minRows: Int, maxRows: Int?, fields: [FieldDefinition], relevant: Expression?, line: Int) {
        self.id = id
        self.label = label
        self.minRows = minRows
        self.maxRows = maxRows
        self.fields = fields
        self.relevant = relevant
        self.line = line
    }
}

public struct ChoiceList: Sendable {
    public let id: String
    public let choices: [Choice]

    public init(id: String, choices: [Choice]) {
        self.id = id
        self.choices = choices
    }

    public struct Choice: Sendable {
        public let value: String
        public let label: LocalizedText

        public init(value: String, label: LocalizedText) {
            self.value = value
            self.label = label
        }
    }
}
