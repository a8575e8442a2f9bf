/// Static checks over a set of forms and workflows, the semantic half of `seleksi check` (the XML
/// schema is the other half): unknown forms, roles, states and fields; duplicate ids; unreachable
/// states; states with no path to a final state; expressions that name what does not exist.
public struct DefinitionChecker {
    public let forms: [String: FormDefinition]
    public let workflows: [String: WorkflowDefinition]

    public init(forms: [FormDefinition], workflows: [WorkflowDefinition]) {
        self.forms = Dictionary(forms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.workflows = Dictionary(workflows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func check(form: FormDefinition) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func err(_ line: Int, _ message: String) { out.append(Diagnostic(file: form.file, line: line, message)) }
        var seen: Set<String> = []
        let topLevel = Set(form.items.map(\.id))
        for item in form.items {
            let (id, line): (String, Int) = {
                switch item {
                case .field(let f): return (f.id, f.line)
                case .repeatGroup(let g): return (g.id, g.line)
                }
            }()
            if !seen.insert(id).inserted { err(line, "duplicate field id '\(id)'") }
            var fields: [(FieldDefinition, Set<String>)] = []
            switch item {
            case .field(let f): fields = [(f, [])]
            case .repeatGroup(let g):
                var rowSeen: Set<String> = []
                for f in g.fields where !rowSeen.insert(f.id).inserted { err(f.line, "duplicate field id '\(f.id)' in repeat '\(g.id)'") }
                fields = g.fields.map { ($0, Set(g.fields.map(\.id))) }
                if let max = g.maxRows, max < g.minRows { err(g.line, "repeat '\(g.id)': max \(max) is below min \(g.minRows)") }
                if let rel = g.relevant { out += checkNames(rel, line: g.line, file: form.file, known: topLevel, rowFields: [], form: form) }
            }
            for (f, rowFields) in fields {
                if (f.type == .choice || f.type == .multipleChoice) {
                    if let list = f.choices { if form.choiceLists[list] == nil { err(f.line, "field '\(f.id)' names unknown choice list '\(list)'; lists: \(form.choiceLists.keys.sorted().joined(separator: ", "))") } }
                    else { err(f.line, "field '\(f.id)' of type \(f.type.rawValue) needs choices=\"…\"") }
                }
                var exprs: [Expression] = []
                if let r = f.relevant { exprs.append(r) }
                if let c = f.calculate { exprs.append(c) }
                exprs += f.constraints.map(\.test)
                for e in exprs { out += checkNames(e, line: f.line, file: form.file, known: topLevel, rowFields: rowFields, form: form) }
            }
        }
        return out
    }

    private func checkNames(_ e: Expression, line: Int, file: String, known: Set<String>, rowFields: Set<String>, form: FormDefinition) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (path, offset) in e.paths {
            let head = path[0]
            if rowFields.contains(head) { continue }
            guard known.contains(head) else {
                out.append(Diagnostic(file: file, line: line, "expression '\(e.source)' names unknown field '\(head)' (column \(offset + 1)); fields: \((known.union(rowFields)).sorted().joined(separator: ", "))"))
                continue
            }
            if path.count > 1, let group = form.items.first(where: { $0.id == head }), case .repeatGroup(let g) = group,
               !g.fields.contains(where: { $0.id == path[1] }) {
                out.append(Diagnostic(file: file, line: line, "expression '\(e.source)' names unknown field '\(path[1])' in repeat '\(head)' (column \(offset + 1))"))
            }
        }
        return out
    }

    public func check(workflow w: WorkflowDefinition) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func err(_ line: Int, _ message: String) { out.append(Diagnostic(file: w.file, line: line, message)) }
        var stateIds: Set<String> = []
        for s in w.states where !stateIds.insert(s.id).inserted { err(s.line, "duplicate state id '\(s.id)'") }
        var roleIds: Set<String> = []
        for r in w.roles where !roleIds.insert(r.id).inserted { err(r.line, "duplicate role id '\(r.id)'") }
        var varIds: Set<String> = []
        for v in w.variables where !varIds.insert(v.id).inserted { err(v.line, "duplicate variable id '\(v.id)'") }
        let initials = w.states.filter(\.isInitial)
        if initials.count != 1 { err(initials.dropFirst().first?.line ?? 1, "a workflow needs exactly one initial state; found \(initials.count)") }
        if !w.states.contains(where: \.isFinal) { err(1, "workflow '\(w.id)' has no final state") }
        let stateList = w.states.map(\.id).joined(separator: ", ")
        let roleList = w.roles.map(\.id).joined(separator: ", ")
        var seenTransitions: Set<String> = []
        for r in w.startRoles where !roleIds.contains(r) { err(1, "start-roles: unknown role '\(r)'; roles: \(roleList)") }

        for t in w.transitions {
            for s in t.from where s != "*" && !stateIds.contains(s) { err(t.line, "transition '\(t.event)': unknown state '\(s)' in from; states: \(stateList)") }
            if !stateIds.contains(t.to) { err(t.line, "transition '\(t.event)': unknown state '\(t.to)' in to; states: \(stateList)") }
            for r in t.roles where !roleIds.contains(r) && r != "system" { err(t.line, "transition '\(t.event)': unknown role '\(r)'; roles: \(roleList), or system (for timers and automatic transitions)") }
            if t.isAutomatic, t.quorum != nil { err(t.line, "transition '\(t.event)': an automatic transition cannot need a quorum") }
            for f in t.requiredForms where forms[f] == nil {
                err(t.line, "transition '\(t.event)': unknown form '\(f)'; forms: \(forms.keys.sorted().joined(separator: ", "))")
            }
            if case .count(let k)? = t.quorum, k < 1 { err(t.line, "transition '\(t.event)': quorum must be at least 1") }
            if t.quorum != nil, t.roles.count != 1 { err(t.line, "transition '\(t.event)': a quorum counts the holders of one role; name exactly one") }
            let key = "\(t.event)|\(t.from.sorted())|\(t.guards.map(\.test.source))"
            if !seenTransitions.insert(key).inserted { err(t.line, "duplicate transition '\(t.event)' from \(t.from.joined(separator: " ")) with the same guards") }
            for g in t.guards { out += checkWorkflowNames(g.test, line: g.line, w: w, varIds: varIds) }
            for e in t.effects {
                switch e {
                case .set(let name, let value, let line):
                    if !varIds.contains(name) { err(line, "set: unknown variable '\(name)'; variables: \(w.variables.map(\.id).joined(separator: ", "))") }
                    out += checkWorkflowNames(value, line: line, w: w, varIds: varIds)
                case .decision(_, let value, let line):
                    out += checkWorkflowNames(value, line: line, w: w, varIds: varIds)
                case .createChildren(let child, let count, let line):
                    if workflows[child] == nil { err(line, "create: unknown workflow '\(child)'; workflows: \(workflows.keys.sorted().joined(separator: ", "))") }
                    if let count { out += checkWorkflowNames(count, line: line, w: w, varIds: varIds) }
                case .notifyChildren: break
                case .rank(let r):
                    out += checkWorkflowNames(r.quotaRows, line: r.line, w: w, varIds: varIds)
                    if r.selectedEvent == r.restEvent { err(r.line, "rank: selected and rest events must differ") }
                }
            }
        }
        for v in w.variables { if let e = v.initial { out += checkWorkflowNames(e, line: v.line, w: w, varIds: varIds) } }
        out += checkSubmissionRules(w, stateIds: stateIds, roleIds: roleIds)
        for u in w.uniqueRules {
            if !w.transitions.contains(where: { $0.event == u.event }) {
                err(u.line, "unique '\(u.name)': no transition takes event '\(u.event)'; events: \(Set(w.transitions.map(\.event)).sorted().joined(separator: ", "))")
            }
            out += checkWorkflowNames(u.key, line: u.line, w: w, varIds: varIds)
        }
        for s in w.states {
            for timer in s.timers {
                if !w.transitions(from: s.id).contains(where: { $0.event == timer.event }) {
                    err(timer.line, "timer in state '\(s.id)' fires '\(timer.event)', which no transition from '\(s.id)' takes")
                }
                if case .at(let e) = timer.when { out += checkWorkflowNames(e, line: timer.line, w: w, varIds: varIds) }
            }
            if s.isFinal, !w.transitions.filter({ $0.from.contains(s.id) }).isEmpty {
                err(s.line, "final state '\(s.id)' has transitions leaving it")
            }
        }
        out += checkGraph(w)
        out += checkReport(w)
        return out
    }

    /// Unreachable states, and states from which no final state can be reached.
    private func checkGraph(_ w: WorkflowDefinition) -> [Diagnostic] {
        guard let initial = w.initialState else { return [] }
        var edges: [String: Set<String>] = [:]
        for s in w.states {
            for t in w.transitions(from: s.id) where !(s.isFinal && t.from == ["*"]) { edges[s.id, default: []].insert(t.to) }
        }
        var reached: Set<String> = [initial.id]
        var queue = [initial.id]
        while let s = queue.popLast() { for n in edges[s] ?? [] where reached.insert(n).inserted { queue.append(n) } }
        var canFinish = Set(w.states.filter(\.isFinal).map(\.id))
        var changed = true
        while changed {
            changed = false
            for s in w.states where !canFinish.contains(s.id) && !(edges[s.id] ?? []).isDisjoint(with: canFinish) {
                canFinish.insert(s.id)
                changed = true
            }
        }
        var out: [Diagnostic] = []
        for s in w.states {
            if !reached.contains(s.id) { out.append(Diagnostic(file: w.file, line: s.line, "state '\(s.id)' is unreachable from the initial state '\(initial.id)'")) }
            else if !canFinish.contains(s.id) { out.append(Diagnostic(file: w.file, line: s.line, "state '\(s.id)' has no path to a final state")) }
        }
        return out
    }

    func checkWorkflowNames(_ e: Expression, line: Int, w: WorkflowDefinition, varIds: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let formsUsed = Set(w.referencedForms)
        for (path, offset) in e.paths {
            let at = "expression '\(e.source)' (column \(offset + 1))"
            switch path[0] {
            // `sibling.…` is each other child of the parent, inside siblings-count() and siblings-any().
            case "state", "actor", "reason", "sibling": continue
            case let name where InstanceSnapshot.contextNames.contains(name):
                if name == "ratings", path.count >= 2, let form = forms[path[1]], !form.independentRatings {
                    out.append(Diagnostic(file: w.file, line: line, "\(at) reads ratings of form '\(path[1])', which is not rated independently; add rating=\"independent\" to the form"))
                }
            case "vars":
                if path.count < 2 || !varIds.contains(path[1]) {
                    out.append(Diagnostic(file: w.file, line: line, "\(at) names unknown variable '\(path.dropFirst().first ?? "")'; variables: \(varIds.sorted().joined(separator: ", "))"))
                }
            case "forms":
                guard path.count >= 2, formsUsed.contains(path[1]), let form = forms[path[1]] else {
                    out.append(Diagnostic(file: w.file, line: line, "\(at) names form '\(path.dropFirst().first ?? "")', which no transition of this workflow requires; forms: \(formsUsed.sorted().joined(separator: ", "))"))
                    continue
                }
                if path.count >= 3, !form.items.contains(where: { $0.id == path[2] }) {
                    out.append(Diagnostic(file: w.file, line: line, "\(at) names unknown field '\(path[2])' of form '\(form.id)'; fields: \(form.items.map(\.id).joined(separator: ", "))"))
                }
            default:
                out.append(Diagnostic(file: w.file, line: line, "\(at) names '\(path[0])'; a workflow expression reads state, actor, reason, vars.<variable>, forms.<form>.<field>, parent.…, ratings.<form>, decisions.<name>, org or actor_orgs"))
            }
        }
        return out
    }

    /// Each `<allow>` names a form, roles and states that exist.
    private func checkSubmissionRules(_ w: WorkflowDefinition, stateIds: Set<String>, roleIds: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in w.submissionRules {
            if forms[rule.form] == nil {
                out.append(Diagnostic(file: w.file, line: rule.line,
                    "allow \(rule.action.rawValue): unknown form '\(rule.form)'; forms: \(forms.keys.sorted().joined(separator: ", "))"))
            }
            for r in rule.roles where !roleIds.contains(r) {
                out.append(Diagnostic(file: w.file, line: rule.line,
                    "allow \(rule.action.rawValue) \(rule.form): unknown role '\(r)'; roles: \(w.roles.map(\.id).joined(separator: ", "))"))
            }
            for s in rule.states where s != "*" && !stateIds.contains(s) {
                out.append(Diagnostic(file: w.file, line: rule.line,
                    "allow \(rule.action.rawValue) \(rule.form): unknown state '\(s)'; states: \(w.states.map(\.id).joined(separator: ", "))"))
            }
            if rule.action == .withdraw, let form = forms[rule.form], !form.independentRatings {
                out.append(Diagnostic(file: w.file, line: rule.line,
                    "allow withdraw \(rule.form): only a rater's sheet (rating=\"independent\") can be withdrawn; correct the form instead"))
            }
        }
        return out
    }
}
