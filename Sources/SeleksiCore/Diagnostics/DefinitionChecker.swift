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
        func err(_ line: Int, id: String, en: String) { out.append(Diagnostic(file: form.file, line: line, id: id, en: en)) }
        var seen: Set<String> = []
        let topLevel = Set(form.items.map(\.id))
        for item in form.items {
            let (id, line): (String, Int) = {
                switch item {
                case .field(let f): return (f.id, f.line)
                case .repeatGroup(let g): return (g.id, g.line)
                }
            }()
            if !seen.insert(id).inserted { err(line, id: "id kolom '\(id)' ganda", en: "duplicate field id '\(id)'") }
            var fields: [(FieldDefinition, Set<String>)] = []
            switch item {
            case .field(let f): fields = [(f, [])]
            case .repeatGroup(let g):
                var rowSeen: Set<String> = []
                for f in g.fields where !rowSeen.insert(f.id).inserted { err(f.line, id: "id kolom '\(f.id)' ganda dalam ulangan '\(g.id)'", en: "duplicate field id '\(f.id)' in repeat '\(g.id)'") }
                fields = g.fields.map { ($0, Set(g.fields.map(\.id))) }
                if let max = g.maxRows, max < g.minRows { err(g.line, id: "ulangan '\(g.id)': max \(max) di bawah min \(g.minRows)", en: "repeat '\(g.id)': max \(max) is below min \(g.minRows)") }
                if let rel = g.relevant { out += checkNames(rel, line: g.line, file: form.file, known: topLevel, rowFields: [], form: form) }
            }
            for (f, rowFields) in fields {
                if (f.type == .choice || f.type == .multipleChoice) {
                    if let list = f.choices { if form.choiceLists[list] == nil { err(f.line, id: "kolom '\(f.id)' menyebut daftar pilihan '\(list)' yang tidak ada; daftar: \(form.choiceLists.keys.sorted().joined(separator: ", "))",
                            en: "field '\(f.id)' names unknown choice list '\(list)'; lists: \(form.choiceLists.keys.sorted().joined(separator: ", "))") } }
                    else { err(f.line, id: "kolom '\(f.id)' berjenis \(f.type.rawValue) memerlukan choices=\"…\"", en: "field '\(f.id)' of type \(f.type.rawValue) needs choices=\"…\"") }
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
                let fields = known.union(rowFields).sorted().joined(separator: ", ")
                out.append(Diagnostic(file: file, line: line, id: "ungkapan '\(e.source)' menyebut kolom '\(head)' yang tidak ada (kolom teks \(offset + 1)); kolom: \(fields)",
                                      en: "expression '\(e.source)' names unknown field '\(head)' (column \(offset + 1)); fields: \(fields)"))
                continue
            }
            if path.count > 1, let group = form.items.first(where: { $0.id == head }), case .repeatGroup(let g) = group,
               !g.fields.contains(where: { $0.id == path[1] }) {
                out.append(Diagnostic(file: file, line: line, id: "ungkapan '\(e.source)' menyebut kolom '\(path[1])' yang tidak ada dalam ulangan '\(head)' (kolom teks \(offset + 1))",
                                      en: "expression '\(e.source)' names unknown field '\(path[1])' in repeat '\(head)' (column \(offset + 1))"))
            }
        }
        return out
    }

    public func check(workflow w: WorkflowDefinition) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func err(_ line: Int, id: String, en: String) { out.append(Diagnostic(file: w.file, line: line, id: id, en: en)) }
        var stateIds: Set<String> = []
        for s in w.states where !stateIds.insert(s.id).inserted { err(s.line, id: "id status '\(s.id)' ganda", en: "duplicate state id '\(s.id)'") }
        var roleIds: Set<String> = []
        for r in w.roles where !roleIds.insert(r.id).inserted { err(r.line, id: "id peran '\(r.id)' ganda", en: "duplicate role id '\(r.id)'") }
        var varIds: Set<String> = []
        for v in w.variables where !varIds.insert(v.id).inserted { err(v.line, id: "id variabel '\(v.id)' ganda", en: "duplicate variable id '\(v.id)'") }
        let initials = w.states.filter(\.isInitial)
        if initials.count != 1 { err(initials.dropFirst().first?.line ?? 1, id: "alur memerlukan tepat satu status awal; ada \(initials.count)",
                                                         en: "a workflow needs exactly one initial state; found \(initials.count)") }
        if !w.states.contains(where: \.isFinal) { err(1, id: "alur '\(w.id)' tidak memiliki status akhir", en: "workflow '\(w.id)' has no final state") }
        let stateList = w.states.map(\.id).joined(separator: ", ")
        let roleList = w.roles.map(\.id).joined(separator: ", ")
        var seenTransitions: Set<String> = []
        for r in w.startRoles where !roleIds.contains(r) { err(1, id: "start-roles: peran '\(r)' tidak ada; peran: \(roleList)", en: "start-roles: unknown role '\(r)'; roles: \(roleList)") }

        for t in w.transitions {
            for s in t.from where s != "*" && !stateIds.contains(s) { err(t.line, id: "peralihan '\(t.event)': status '\(s)' pada from tidak ada; status: \(stateList)", en: "transition '\(t.event)': unknown state '\(s)' in from; states: \(stateList)") }
            if !stateIds.contains(t.to) { err(t.line, id: "peralihan '\(t.event)': status '\(t.to)' pada to tidak ada; status: \(stateList)", en: "transition '\(t.event)': unknown state '\(t.to)' in to; states: \(stateList)") }
            for r in t.roles where !roleIds.contains(r) && r != "system" { err(t.line, id: "peralihan '\(t.event)': peran '\(r)' tidak ada; peran: \(roleList), atau system (untuk pewaktu dan peralihan otomatis)",
                en: "transition '\(t.event)': unknown role '\(r)'; roles: \(roleList), or system (for timers and automatic transitions)") }
            if t.isAutomatic, t.quorum != nil { err(t.line, id: "peralihan '\(t.event)': peralihan otomatis tidak dapat memerlukan kuorum", en: "transition '\(t.event)': an automatic transition cannot need a quorum") }
            for f in t.requiredForms where forms[f] == nil {
                let known = forms.keys.sorted().joined(separator: ", ")
                err(t.line, id: "peralihan '\(t.event)': formulir '\(f)' tidak ada; formulir: \(known)", en: "transition '\(t.event)': unknown form '\(f)'; forms: \(known)")
            }
            if case .count(let k)? = t.quorum, k < 1 { err(t.line, id: "peralihan '\(t.event)': kuorum paling sedikit 1", en: "transition '\(t.event)': quorum must be at least 1") }
            if t.quorum != nil, t.roles.count != 1 { err(t.line, id: "peralihan '\(t.event)': kuorum menghitung pemegang satu peran; sebut tepat satu", en: "transition '\(t.event)': a quorum counts the holders of one role; name exactly one") }
            let key = "\(t.event)|\(t.from.sorted())|\(t.guards.map(\.test.source))"
            if !seenTransitions.insert(key).inserted { err(t.line, id: "peralihan '\(t.event)' dari \(t.from.joined(separator: " ")) ganda dengan syarat yang sama",
                                                                     en: "duplicate transition '\(t.event)' from \(t.from.joined(separator: " ")) with the same guards") }
            for g in t.guards { out += checkWorkflowNames(g.test, line: g.line, w: w, varIds: varIds) }
            for e in t.effects {
                switch e {
                case .set(let name, let value, let line):
                    if !varIds.contains(name) { err(line, id: "set: variabel '\(name)' tidak ada; variabel: \(w.variables.map(\.id).joined(separator: ", "))",
                                                   en: "set: unknown variable '\(name)'; variables: \(w.variables.map(\.id).joined(separator: ", "))") }
                    out += checkWorkflowNames(value, line: line, w: w, varIds: varIds)
                case .decision(_, let value, let line):
                    out += checkWorkflowNames(value, line: line, w: w, varIds: varIds)
                case .createChildren(let child, let count, let line):
                    if workflows[child] == nil { err(line, id: "create: alur '\(child)' tidak ada; alur: \(workflows.keys.sorted().joined(separator: ", "))",
                                                           en: "create: unknown workflow '\(child)'; workflows: \(workflows.keys.sorted().joined(separator: ", "))") }
                    if let count { out += checkWorkflowNames(count, line: line, w: w, varIds: varIds) }
                case .notifyChildren: break
                case .rank(let r):
                    out += checkWorkflowNames(r.quotaRows, line: r.line, w: w, varIds: varIds)
                    if r.selectedEvent == r.restEvent { err(r.line, id: "rank: peristiwa selected dan rest harus berbeda", en: "rank: selected and rest events must differ") }
                }
            }
        }
        for v in w.variables { if let e = v.initial { out += checkWorkflowNames(e, line: v.line, w: w, varIds: varIds) } }
        for v in w.variables {
            if let because = v.because, !varIds.contains(because) {
                err(v.line, id: "variabel '\(v.id)': because menyebut variabel '\(because)' yang tidak ada",
                    en: "variable '\(v.id)': because names unknown variable '\(because)'")
            }
            guard let target = v.proposedField else { continue }
            guard w.referencedForms.contains(target.form), let form = forms[target.form] else {
                err(v.line, id: "variabel '\(v.id)': proposes '\(target.form).\(target.field)', tetapi alur tidak memakai formulir '\(target.form)'",
                    en: "variable '\(v.id)': proposes '\(target.form).\(target.field)', but the workflow uses no form '\(target.form)'")
                continue
            }
            if !form.items.contains(where: { $0.id == target.field }) {
                let fields = form.items.map(\.id).joined(separator: ", ")
                err(v.line, id: "variabel '\(v.id)': formulir '\(target.form)' tidak punya kolom '\(target.field)'; kolom: \(fields)",
                    en: "variable '\(v.id)': form '\(target.form)' has no field '\(target.field)'; fields: \(fields)")
            }
        }
        out += checkSubmissionRules(w, stateIds: stateIds, roleIds: roleIds)
        for u in w.uniqueRules {
            if !w.transitions.contains(where: { $0.event == u.event }) {
                let events = Set(w.transitions.map(\.event)).sorted().joined(separator: ", ")
                err(u.line, id: "unique '\(u.name)': tidak ada peralihan dengan peristiwa '\(u.event)'; peristiwa: \(events)",
                    en: "unique '\(u.name)': no transition takes event '\(u.event)'; events: \(events)")
            }
            out += checkWorkflowNames(u.key, line: u.line, w: w, varIds: varIds)
        }
        for s in w.states {
            for timer in s.timers {
                if !w.transitions(from: s.id).contains(where: { $0.event == timer.event }) {
                    err(timer.line, id: "pewaktu pada status '\(s.id)' menjalankan '\(timer.event)', yang tidak diterima peralihan mana pun dari '\(s.id)'",
                        en: "timer in state '\(s.id)' fires '\(timer.event)', which no transition from '\(s.id)' takes")
                }
                if case .at(let e) = timer.when { out += checkWorkflowNames(e, line: timer.line, w: w, varIds: varIds) }
            }
            if s.isFinal, !w.transitions.filter({ $0.from.contains(s.id) }).isEmpty {
                err(s.line, id: "status akhir '\(s.id)' memiliki peralihan keluar", en: "final state '\(s.id)' has transitions leaving it")
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
            if !reached.contains(s.id) { out.append(Diagnostic(file: w.file, line: s.line, id: "status '\(s.id)' tidak dapat dicapai dari status awal '\(initial.id)'",
                                                                      en: "state '\(s.id)' is unreachable from the initial state '\(initial.id)'")) }
            else if !canFinish.contains(s.id) { out.append(Diagnostic(file: w.file, line: s.line, id: "status '\(s.id)' tidak memiliki jalan ke status akhir",
                                                                           en: "state '\(s.id)' has no path to a final state")) }
        }
        return out
    }

    func checkWorkflowNames(_ e: Expression, line: Int, w: WorkflowDefinition, varIds: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let formsUsed = Set(w.referencedForms)
        for (path, offset) in e.paths {
            let at = "expression '\(e.source)' (column \(offset + 1))"
            let di = "ungkapan '\(e.source)' (kolom teks \(offset + 1))"
            switch path[0] {
            // `sibling.…` is each other child of the parent, inside siblings-*; `other.…` each instance
            // of the organisation tree, inside tree-*.
            case "state", "actor", "reason", "sibling", "other": continue
            case let name where InstanceSnapshot.contextNames.contains(name):
                if name == "ratings", path.count >= 2, let form = forms[path[1]], !form.independentRatings {
                    out.append(Diagnostic(file: w.file, line: line, id: "\(di) membaca penilaian formulir '\(path[1])', yang tidak dinilai independen; tambahkan rating=\"independent\" pada formulir",
                                          en: "\(at) reads ratings of form '\(path[1])', which is not rated independently; add rating=\"independent\" to the form"))
                }
            case "vars":
                if path.count < 2 || !varIds.contains(path[1]) {
                    let name = path.dropFirst().first ?? "", known = varIds.sorted().joined(separator: ", ")
                    out.append(Diagnostic(file: w.file, line: line, id: "\(di) menyebut variabel '\(name)' yang tidak ada; variabel: \(known)",
                                          en: "\(at) names unknown variable '\(name)'; variables: \(known)"))
                }
            case "forms":
                guard path.count >= 2, formsUsed.contains(path[1]), let form = forms[path[1]] else {
                    let name = path.dropFirst().first ?? "", used = formsUsed.sorted().joined(separator: ", ")
                    out.append(Diagnostic(file: w.file, line: line, id: "\(di) menyebut formulir '\(name)', yang tidak diperlukan peralihan mana pun di alur ini; formulir: \(used)",
                                          en: "\(at) names form '\(name)', which no transition of this workflow requires; forms: \(used)"))
                    continue
                }
                if path.count >= 3, !form.items.contains(where: { $0.id == path[2] }) {
                    let fields = form.items.map(\.id).joined(separator: ", ")
                    out.append(Diagnostic(file: w.file, line: line, id: "\(di) menyebut kolom '\(path[2])' yang tidak ada di formulir '\(form.id)'; kolom: \(fields)",
                                          en: "\(at) names unknown field '\(path[2])' of form '\(form.id)'; fields: \(fields)"))
                }
            default:
                let names = "state, actor, reason, vars.<variable>, forms.<form>.<field>, parent.…, ratings.<form>, decisions.<name>, org, actor_orgs, sibling.… (in siblings-*), other.… (in tree-*), tree.<workflow>"
                out.append(Diagnostic(file: w.file, line: line, id: "\(di) menyebut '\(path[0])'; ungkapan alur membaca \(names)",
                                      en: "\(at) names '\(path[0])'; a workflow expression reads \(names)"))
            }
        }
        return out
    }

    /// Each `<allow>` names a form, roles and states that exist.
    private func checkSubmissionRules(_ w: WorkflowDefinition, stateIds: Set<String>, roleIds: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for rule in w.submissionRules {
            if forms[rule.form] == nil {
                let known = forms.keys.sorted().joined(separator: ", ")
                out.append(Diagnostic(file: w.file, line: rule.line, id: "allow \(rule.action.rawValue): formulir '\(rule.form)' tidak ada; formulir: \(known)",
                                      en: "allow \(rule.action.rawValue): unknown form '\(rule.form)'; forms: \(known)"))
            }
            for r in rule.roles where !roleIds.contains(r) {
                let known = w.roles.map(\.id).joined(separator: ", ")
                out.append(Diagnostic(file: w.file, line: rule.line, id: "allow \(rule.action.rawValue) \(rule.form): peran '\(r)' tidak ada; peran: \(known)",
                                      en: "allow \(rule.action.rawValue) \(rule.form): unknown role '\(r)'; roles: \(known)"))
            }
            for s in rule.states where s != "*" && !stateIds.contains(s) {
                let known = w.states.map(\.id).joined(separator: ", ")
                out.append(Diagnostic(file: w.file, line: rule.line, id: "allow \(rule.action.rawValue) \(rule.form): status '\(s)' tidak ada; status: \(known)",
                                      en: "allow \(rule.action.rawValue) \(rule.form): unknown state '\(s)'; states: \(known)"))
            }
            if rule.action == .withdraw, let form = forms[rule.form], !form.independentRatings {
                out.append(Diagnostic(file: w.file, line: rule.line,
                    id: "allow withdraw \(rule.form): hanya lembar penilai (rating=\"independent\") yang dapat ditarik; koreksi formulirnya",
                    en: "allow withdraw \(rule.form): only a rater's sheet (rating=\"independent\") can be withdrawn; correct the form instead"))
            }
        }
        return out
    }
}
