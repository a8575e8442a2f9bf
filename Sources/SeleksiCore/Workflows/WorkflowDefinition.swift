/// A workflow as its XML file declares it: a state machine whose transitions name the roles that
/// may fire them, the forms that must come with them, their guards and their effects.
///
/// A class, immutable once built: a definition is shared by every command on its instances, and
/// copying a struct of this size on each transition was measurable (seleksi-bench).
public final class WorkflowDefinition: Sendable {
    public let id: String
    public let version: String
    public let title: LocalizedText
    public let file: String
    public let roles: [RoleDefinition]
    public let variables: [VariableDefinition]
    public let states: [StateDefinition]
    public let transitions: [TransitionDefinition]
    /// Roles that may start an instance; an owner-scoped role here admits any registered actor.
    public let startRoles: [String]
    /// Who may submit, correct or withdraw which form outside a transition.
    public let submissionRules: [SubmissionRule]
    /// Keys at most one instance may hold in a scope.
    public let uniqueRules: [UniqueRule]
    /// `parent="…"`: the workflow of the instance a child runs under, so `parent.…` is checked.
    public let parentWorkflow: String?
    /// `calendar="…"`: the seed table of holidays the working-day functions read (nil: the shell's default).
    public let calendarTable: String?
    /// `parties="…"`: further organisations of an instance (the other party of an agreement), as a list
    /// of organisation ids computed from the instance; roles held in any of them apply.
    public let parties: Expression?
    /// Votes the instance holds (`<votes>`).
    public let votes: [VoteDefinition]
    /// What a report of this instance's children shows (`<report>`), if the workflow says.
    public let report: ReportDefinition?

    /// Transitions by event name, in file order.
    public let transitionsByEvent: [String: [TransitionDefinition]]
    /// States by id.
    private let stateIndex: [String: StateDefinition]
    /// The transitions leaving each declared state (those from `*` included), in file order: asked after
    /// every command (its automatic transitions), filtering all transitions each time cost a command of
    /// the national demo 6,000 instructions.
    private let transitionsByState: [String: [TransitionDefinition]]
    /// The forms any transition requires, in first-use order.
    public let referencedForms: [String]
    /// Top-level names the workflow's expressions read (`vars`, `forms`, `parent`, `ratings` …), so the
    /// shell loads only what is read.
    public let namesRead: Set<String>
    /// The variables `<rank>` effects write on children (their place; `_kelompok` and `_kuota` beside it).
    public let rankVariables: [String]
    /// Whether any transition is automatic (so the shell looks for one after each command).
    public let hasAutomaticTransitions: Bool
    /// Whether an automatic transition reads the children (so a child's move makes the shell look again).
    public let reactsToChildren: Bool
    /// Whether any expression calls `actors-exist` (so the shell loads the directory's ids).
    public let readsActors: Bool
    /// Whether some timer's date is computed (so the shell evaluates it again after each command).
    public let hasComputedTimers: Bool
    /// The workflows read through `instances.<id>`, so the shell loads only those.
    public let instanceQueries: [String]
    /// The workflows read through `tree-*('W', …)` or `tree.<W>`, so the shell loads only those.
    public let treeQueries: Set<String>

    public init(id: String, version: String, title: LocalizedText, file: String, roles: [RoleDefinition],
                variables: [VariableDefinition], states: [StateDefinition], transitions: [TransitionDefinition], startRoles: [String],
                submissionRules: [SubmissionRule] = [], uniqueRules: [UniqueRule] = [], parentWorkflow: String? = nil,
                calendarTable: String? = nil, parties: Expression? = nil, votes: [VoteDefinition] = [],
                report: ReportDefinition? = nil) {
        self.report = report
        self.startRoles = startRoles
        self.parentWorkflow = parentWorkflow
        self.calendarTable = calendarTable
        self.parties = parties
        self.votes = votes
        self.submissionRules = submissionRules
        self.uniqueRules = uniqueRules
        transitionsByEvent = Dictionary(grouping: transitions, by: \.event)
        stateIndex = Dictionary(states.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        transitionsByState = Dictionary(states.map { state in
            (state.id, transitions.filter { $0.from.contains(state.id) || $0.from.contains("*") })
        }, uniquingKeysWith: { a, _ in a })
        var seen: [String] = []
        for t in transitions { for f in t.requiredForms where !seen.contains(f) { seen.append(f) } }
        for r in submissionRules where !seen.contains(r.form) { seen.append(r.form) }
        referencedForms = seen
        var expressions: [Expression] = variables.compactMap(\.initial)
        for t in transitions {
            expressions += t.guards.map(\.test)
            for e in t.effects {
                switch e {
                case .set(_, let v, _), .decision(_, let v, _): expressions.append(v)
                case .createChildren(_, let c, let passes, _):
                    if let c { expressions.append(c) }
                    expressions += passes.map(\.value)
                case .rank(let r): expressions += r.expressions
                case .notifyChildren: break
                case .grant(let g): expressions += g.expressions
                }
            }
        }
        for s in states { for t in s.timers { if case .at(let e) = t.when { expressions.append(e) } } }
        expressions += uniqueRules.map(\.key)
        if let parties { expressions.append(parties) }
        expressions += votes.compactMap(\.candidates)
        namesRead = Set(expressions.flatMap { $0.paths.map { $0.path[0] } })
        readsActors = expressions.contains { $0.calls(.actorsExist) }
        var queried: [String] = []
        for e in expressions {
            for p in e.paths where p.path[0] == "instances" && p.path.count > 1 && !queried.contains(p.path[1]) {
                queried.append(p.path[1])
            }
        }
        instanceQueries = queried
        treeQueries = expressions.reduce(into: []) { $0.formUnion($1.treeWorkflows) }
        hasComputedTimers = states.contains { $0.timers.contains { if case .at = $0.when { true } else { false } } }
        reactsToChildren = transitions.contains { t in t.isAutomatic && t.guards.contains { $0.test.readsChildren } }
        rankVariables = transitions.flatMap(\.effects).compactMap { e -> String? in
            if case .rank(let r) = e { return r.rankVariable } else { return nil }
        }
        hasAutomaticTransitions = transitions.contains(where: \.isAutomatic)
        self.id = id
        self.version = version
        self.title = title
        self.file = file
        self.roles = roles
        self.variables = variables
        self.states = states
        self.transitions = transitions
    }

    public var initialState: StateDefinition? { states.first(where: \.isInitial) }
    public func state(_ id: String) -> StateDefinition? { stateIndex[id] }
    public func role(_ id: String) -> RoleDefinition? { roles.first { $0.id == id } }

    /// The transitions that can start from `state`, in file order.
    public func transitions(from state: String) -> [TransitionDefinition] {
        // A state the file does not declare (a checked definition has none) is filtered as it comes.
        transitionsByState[state] ?? transitions.filter { $0.from.contains(state) || $0.from.contains("*") }
    }

    /// The votes open in `state`.
    public func votes(openIn state: String) -> [VoteDefinition] {
        let isFinal = self.state(state)?.isFinal ?? false
        return votes.filter { $0.isOpen(in: state, isFinal: isFinal) }
    }

    public func vote(_ id: String) -> VoteDefinition? { votes.first { $0.id == id } }
}

/// Who may hold a role for an instance: anyone holding it in the instance's organisation (or a parent
/// organisation), or only the actor who started the instance (the applicant of his own application).
public struct RoleDefinition: Sendable {
    public enum Scope: String, Sendable { case organisation, owner }
    public let id: String
    public let label: LocalizedText
    public let scope: Scope
    /// `reads-ratings="true"`: a holder sees every rater's independent sheet (the chair of the team),
    /// where a rater sees none before submitting his own.
    public let readsRatings: Bool
    public let line: Int

    public init(id: String, label: LocalizedText, scope: Scope, readsRatings: Bool = false, line: Int) {
        self.id = id
        self.label = label
        self.scope = scope
        self.readsRatings = readsRatings
        self.line = line
    }
}

public struct VariableDefinition: Sendable {
    public let id: String
    public let initial: Expression?
    /// What people call it (`Usulan kelayakan`), for `show`.
    public let label: LocalizedText?
    /// `proposes="form.field"`: the variable is the machine's proposal for that field of a form a
    /// person fills; the field's choice labels name its values, and a terminal review offers it as the answer.
    public let proposes: String?
    /// `because="variable"`: the variable that holds the proposal's reasons.
    public let because: String?
    public let line: Int

    public init(id: String, initial: Expression?, label: LocalizedText? = nil, proposes: String? = nil, because: String? = nil, line: Int) {
        self.id = id
        self.initial = initial
        self.label = label
        self.proposes = proposes
        self.because = because
        self.line = line
    }

    /// The form and field a proposal is for.
    public var proposedField: (form: String, field: String)? {
        guard let proposes, let dot = proposes.firstIndex(of: ".") else { return nil }
        return (String(proposes[..<dot]), String(proposes[proposes.index(after: dot)...]))
    }
}

public struct StateDefinition: Sendable {
    public let id: String
    public let label: LocalizedText
    public let isInitial: Bool
    public let isFinal: Bool
    public let timers: [TimerDefinition]
    public let line: Int

    public init(id: String, label: LocalizedText, isInitial: Bool, isFinal: Bool, timers: [TimerDefinition], line: Int) {
        self.id = id
        self.label = label
        self.isInitial = isInitial
        self.isFinal = isFinal
        self.timers = timers
        self.line = line
    }
}

/// Fires `event` as the system when the instance has stayed in the state for `after`, or at the date
/// an expression gives (`at`, e.g. `vars.batas_pendaftaran`). Only a `tick` fires timers.
public struct TimerDefinition: Sendable {
    public enum When: Sendable {
        case after(ISODuration)
        case at(Expression)
    }
    public let event: String
    public let when: When
    public let line: Int

    public init(event: String, when: When, line: Int) {
        self.event = event
        self.when = when
        self.line = line
    }
}

/// A class, not a struct: a command copies the transitions it may take several times over (filtering
/// candidates, deciding, auditing), and a copy of twenty fields was twenty retains and releases each time.
/// Every field is a `let`, so sharing one instance changes nothing a reader can see.
public final class TransitionDefinition: Sendable {
    public let event: String
    public let label: LocalizedText
    /// Source states; `*` means any state that is not final.
    public let from: [String]
    public let to: String
    public let roles: [String]
    public let requiredForms: [String]
    public let guards: [Guard]
    public let effects: [Effect]
    public let quorum: Quorum?
    public let reasonRequired: Bool
    /// The actor must sign the command with his registered key (`--sign`); verify checks the signature.
    public let signatureRequired: Bool
    /// Fired by the engine itself, as `system`, as soon as its guards hold after another accepted command.
    public let isAutomatic: Bool
    /// `optional="true"`: a step a role may take but the process does not wait for (withdraw, cancel,
    /// declare a conflict, reopen a verdict); never listed among anyone's tasks.
    public let isOptional: Bool
    public let line: Int
    // What deciding and applying the transition reads, worked out once here from its expressions
    // (`TransitionDefinition.expressions(guards:effects:)`), as a command asks it of every transition
    // it may take.
    /// Whether it reads the instance's children (a ranking, a notice to them, `children-*`).
    public let readsChildren: Bool
    /// Whether it reads more of them than their ids and states (`Expression.readsChildScopes`, or a
    /// ranking): when not, a command reads the children's states alone.
    public let readsChildScopes: Bool
    /// Whether it reads the parent's other children (`siblings-*`), and whether it reads their forms.
    public let readsSiblings: Bool
    public let readsSiblingForms: Bool
    /// What of the forms it reads, in its own scope and in its children's (a ranking groups by one field
    /// of the portfolio: 17,000 children need not bring their forms); nil when it may read any form.
    public let formsRead: FormFieldReads?
    /// What of the parent's forms it reads (`parent.forms.tb_kontrak.program`); nil when it may read any
    /// (`parent` or `parent.forms` as a whole). An applicant's command reads the round's state and
    /// variables only, and need not gather the round's forms.
    public let parentFormsRead: FormFieldReads?
    /// The names of the instance's context its expressions read (`parent`, `ratings`, `decisions`, …):
    /// a command loads only these, not every name any transition of the workflow reads.
    public let namesRead: Set<String>

    public init(event: String, label: LocalizedText, from: [String], to: String, roles: [String], requiredForms: [String],
                guards: [Guard], effects: [Effect], quorum: Quorum?, reasonRequired: Bool, isAutomatic: Bool = false,
                signatureRequired: Bool = false, isOptional: Bool = false, line: Int) {
        self.isAutomatic = isAutomatic
        self.isOptional = isOptional
        self.signatureRequired = signatureRequired
        self.event = event
        self.label = label
        self.from = from
        self.to = to
        self.roles = roles
        self.requiredForms = requiredForms
        self.guards = guards
        self.effects = effects
        self.quorum = quorum
        self.reasonRequired = reasonRequired
        self.line = line
        let expressions = Self.expressions(guards: guards, effects: effects)
        readsChildren = expressions.contains(where: \.readsChildren) || effects.contains {
            if case .rank = $0 { true } else if case .notifyChildren = $0 { true } else { false }
        }
        readsChildScopes = expressions.contains(where: \.readsChildScopes) || effects.contains {
            if case .rank = $0 { true } else { false }
        }
        let reading = expressions.filter(\.readsSiblings)
        readsSiblings = !reading.isEmpty
        readsSiblingForms = reading.contains(where: \.readsSiblingForms)
        formsRead = Self.formsRead(expressions)
        // The paths are walked once for both: every command loads its workflow and builds these.
        let paths = expressions.flatMap { $0.paths.map(\.path) }
        parentFormsRead = FormFieldReads.parentForms(readBy: paths)
        namesRead = Set(paths.map { $0[0] })
    }
}

public struct Guard: Sendable {
    public let test: Expression
    public let message: LocalizedText
    public let line: Int

    public init(test: Expression, message: LocalizedText, line: Int) {
        self.test = test
        self.message = message
        self.line = line
    }
}

/// k of the n holders of the transition's role must fire the event before it takes effect.
public enum Quorum: Sendable, Equatable {
    case all
    case count(Int)
}

public enum Effect: Sendable {
    /// `<set var="skor" value="…"/>`
    case set(variable: String, value: Expression, line: Int)
    /// `<decision name="kelayakan" value="'memenuhi'"/>`: recorded with the command's reason.
    case decision(name: String, value: Expression, line: Int)
    /// `<create workflow="…" count="…"><pass var="…" value="…"/></create>`: start child instances under
    /// this one, each with the passed values as its variables' starting values.
    case createChildren(workflow: String, count: Expression?, passes: [Pass], line: Int)
    /// `<rank …/>`: order the children in a state within groups and fire an event on each.
    case rank(RankEffect)
    /// `<notify state="direkomendasikan" event="tetapkan"/>`: fire an event on every child in a state.
    case notifyChildren(state: String, event: String, line: Int)
    /// `<grant role="…" actors="…" until="…"/>`: give a role to the actors a form names.
    case grant(GrantEffect)

    /// The expressions the effect evaluates on the instance (a child's count is read by its creation).
    var expressions: [Expression] {
        switch self {
        case .set(_, let e, _), .decision(_, let e, _): return [e]
        case .createChildren(_, _, let passes, _): return passes.map(\.value)
        case .grant(let g): return g.expressions
        case .rank, .notifyChildren: return []
        }
    }

    /// A value handed to a child when it is created: `<pass var="batas" value="vars.batas"/>`.
    public struct Pass: Sendable {
        public let variable: String
        public let value: Expression
        public let line: Int

        public init(variable: String, value: Expression, line: Int) {
            self.variable = variable
            self.value = value
            self.line = line
        }
    }
}

/// Ranks the children in `state` within groups (e.g. SKB and programme) by `order`, fires
/// `selectedEvent` on the first `quota` of each group and `restEvent` on the others, and stores each
/// child's place in `vars.<rankVariable>`. Ties left after `order` fall to the child's instance number
/// (the order of registration), so the result never depends on chance.
public struct RankEffect: Sendable {
    public let childState: String
    /// Evaluated in each child's scope: the group key.
    public let groupBy: Expression
    /// `(expression, descending)` pairs, evaluated in each child's scope.
    public let order: [(Expression, Bool)]
    /// Evaluated in the parent's scope: a list of rows, each giving a group key and a quota.
    public let quotaRows: Expression
    /// Evaluated in each quota row: the group key, and the quota.
    public let quotaKey: Expression
    public let quotaCount: Expression
    public let selectedEvent: String
    public let restEvent: String
    public let rankVariable: String
    public let line: Int

    public init(childState: String, groupBy: Expression, order: [(Expression, Bool)], quotaRows: Expression, quotaKey: Expression,
                quotaCount: Expression, selectedEvent: String, restEvent: String, rankVariable: String, line: Int) {
        self.childState = childState
        self.groupBy = groupBy
        self.order = order
        self.quotaRows = quotaRows
        self.quotaKey = quotaKey
        self.quotaCount = quotaCount
        self.selectedEvent = selectedEvent
        self.restEvent = restEvent
        self.rankVariable = rankVariable
        self.line = line
    }

    /// Expressions read in the parent's scope (child-scope ones are checked against the child).
    var expressions: [Expression] { [quotaRows] }
}
