/// The structure of a workflow: ids, states, roles, transitions, effects, timers, submission rules,
/// unique keys, votes, and the graph of states.
extension DefinitionChecker {
    public func check(workflow w: WorkflowDefinition) -> [Diagnostic] {
        var r = Report(file: w.file)
        var stateIds: Set<String> = []
        for s in w.states where !stateIds.insert(s.id).inserted {
            r.err(s.line, id: "id status '\(s.id)' dipakai dua kali", en: "duplicate state id '\(s.id)'")
        }
        var roleIds: Set<String> = []
        for role in w.roles where !roleIds.insert(role.id).inserted {
            r.err(role.line, id: "id peran '\(role.id)' dipakai dua kali", en: "duplicate role id '\(role.id)'")
        }
        var varIds: Set<String> = []
        for v in w.variables where !varIds.insert(v.id).inserted {
            r.err(v.line, id: "id variabel '\(v.id)' dipakai dua kali", en: "duplicate variable id '\(v.id)'")
        }
        let initials = w.states.filter(\.isInitial)
        if initials.count != 1 {
            r.err(
                initials.dropFirst().first?.line ?? 1, id: "alur harus punya tepat satu status awal; ada \(initials.count)",
                en: "a workflow needs exactly one initial state; found \(initials.count)")
        }
        if !w.states.contains(where: \.isFinal) {
            r.err(1, id: "alur '\(w.id)' tidak punya status akhir", en: "workflow '\(w.id)' has no final state")
        }
        let roleList = w.roles.map(\.id).joined(separator: ", ")
        for role in w.startRoles where !roleIds.contains(role) {
            r.err(
                1, id: "start-roles: peran '\(role)' tidak ada; peran: \(roleList)",
                en: "start-roles: unknown role '\(role)'; roles: \(roleList)")
        }
        checkDeclarations(w, &r)
        var seenTransitions: Set<String> = []
        for t in w.transitions {
            checkTransition(t, w, stateIds: stateIds, roleIds: roleIds, varIds: varIds, &r)
            // Two transitions that differ only by role are alternatives for different people, not duplicates.
            let key = "\(t.event)|\(t.from.sorted())|\(t.roles.sorted())|\(t.guards.map(\.test.source))"
            if !seenTransitions.insert(key).inserted {
                r.err(
                    t.line,
                    id: "peralihan '\(t.event)' dari \(t.from.joined(separator: " ")) untuk peran yang sama dengan syarat yang sama "
                        + "tertulis dua kali",
                    en: "duplicate transition '\(t.event)' from \(t.from.joined(separator: " ")) for the same roles with the same guards"
                )
            }
        }
        for v in w.variables {
            if let e = v.initial { checkExpression(e, line: v.line, w, &r) }
            if let because = v.because, !varIds.contains(because) {
                r.err(
                    v.line, id: "variabel '\(v.id)': because menyebut variabel '\(because)' yang tidak ada",
                    en: "variable '\(v.id)': because names unknown variable '\(because)'")
            }
            guard let target = v.proposedField else { continue }
            guard w.referencedForms.contains(target.form), let form = forms[target.form] else {
                r.err(
                    v.line,
                    id: "variabel '\(v.id)': mengusulkan '\(target.form).\(target.field)', padahal alur ini tidak memakai "
                        + "formulir '\(target.form)'",
                    en: "variable '\(v.id)': proposes '\(target.form).\(target.field)', but the workflow uses no form '\(target.form)'"
                )
                continue
            }
            if !form.items.contains(where: { $0.id == target.field }) {
                let fields = form.items.map(\.id).joined(separator: ", ")
                r.err(
                    v.line,
                    id: "variabel '\(v.id)': formulir '\(target.form)' tidak punya kolom '\(target.field)'; kolom: \(fields)",
                    en: "variable '\(v.id)': form '\(target.form)' has no field '\(target.field)'; fields: \(fields)")
            }
        }
        checkSubmissionRules(w, stateIds: stateIds, roleIds: roleIds, &r)
        for u in w.uniqueRules {
            if !w.transitions.contains(where: { $0.event == u.event }) {
                let events = Set(w.transitions.map(\.event)).sorted().joined(separator: ", ")
                r.err(
                    u.line,
                    id: "unique '\(u.name)': tidak ada peralihan dengan peristiwa '\(u.event)'; peristiwa: \(events)",
                    en: "unique '\(u.name)': no transition takes event '\(u.event)'; events: \(events)")
            }
            checkExpression(u.key, line: u.line, w, &r)
        }
        for s in w.states {
            for timer in s.timers {
                if !w.transitions(from: s.id).contains(where: { $0.event == timer.event }) {
                    r.err(
                        timer.line,
                        id: "pewaktu pada status '\(s.id)' memicu '\(timer.event)', yang tidak diterima peralihan mana pun "
                            + "dari '\(s.id)'",
                        en: "timer in state '\(s.id)' fires '\(timer.event)', which no transition from '\(s.id)' takes")
                }
                if case .at(let e) = timer.when { checkExpression(e, line: timer.line, w, &r) }
            }
            if s.isFinal, !w.transitions.filter({ $0.from.contains(s.id) }).isEmpty {
                r.err(
                    s.line, id: "status akhir '\(s.id)' punya peralihan keluar",
                    en: "final state '\(s.id)' has transitions leaving it")
            }
        }
        checkVotes(w, stateIds: stateIds, roleIds: roleIds, &r)
        checkGraph(w, &r)
        r.out += checkReport(w)
        return r.out
    }

    /// The workflow's own attributes: its parent, calendar and parties.
    private func checkDeclarations(_ w: WorkflowDefinition, _ r: inout Report) {
        if let parent = w.parentWorkflow, workflows[parent] == nil, !unreadable.contains(parent) {
            let known = workflows.keys.sorted().joined(separator: ", ")
            r.err(
                1, id: "parent=\"\(parent)\": alur itu tidak ada; alur: \(known)",
                en: "parent=\"\(parent)\": no such workflow; workflows: \(known)")
        }
        if let table = w.calendarTable, let tables = referenceColumns, !(tables[table]?.contains("tanggal") ?? false) {
            r.err(
                1, id: "calendar=\"\(table)\": tidak ada tabel seed dengan kolom tanggal bernama itu",
                en: "calendar=\"\(table)\": no seed table of that name with a tanggal column")
        }
        if let parties = w.parties { checkExpression(parties, line: 1, w, &r) }
        if w.parentWorkflow == nil, readsParent(w) {
            r.warn(
                1,
                id: "alur ini membaca parent.… tanpa menyebut alur induknya; tambahkan parent=\"…\" agar nama-namanya diperiksa",
                en: "this workflow reads parent.… without naming its parent's workflow; add parent=\"…\" so the names are checked"
            )
        }
    }

    private func readsParent(_ w: WorkflowDefinition) -> Bool { w.namesRead.contains("parent") }

    private func checkTransition(
        _ t: TransitionDefinition, _ w: WorkflowDefinition, stateIds: Set<String>, roleIds: Set<String>,
        varIds: Set<String>, _ r: inout Report
    ) {
        let stateList = w.states.map(\.id).joined(separator: ", ")
        let roleList = w.roles.map(\.id).joined(separator: ", ")
        for s in t.from where s != "*" && !stateIds.contains(s) {
            r.err(
                t.line, id: "peralihan '\(t.event)': status '\(s)' pada from tidak ada; status: \(stateList)",
                en: "transition '\(t.event)': unknown state '\(s)' in from; states: \(stateList)")
        }
        if t.from.contains("*"), t.from.count > 1 {
            r.err(
                t.line,
                id: "peralihan '\(t.event)': from=\"*\" (setiap status yang bukan akhir) tidak digabung dengan nama status",
                en: "transition '\(t.event)': from=\"*\" (every state that is not final) is not combined with state names")
        }
        if !stateIds.contains(t.to) {
            r.err(
                t.line, id: "peralihan '\(t.event)': status '\(t.to)' pada to tidak ada; status: \(stateList)",
                en: "transition '\(t.event)': unknown state '\(t.to)' in to; states: \(stateList)")
        }
        for role in t.roles where !roleIds.contains(role) && role != "system" {
            r.err(
                t.line,
                id: "peralihan '\(t.event)': peran '\(role)' tidak ada; peran: \(roleList), atau system (pewaktu dan peralihan otomatis)",
                en: "transition '\(t.event)': unknown role '\(role)'; roles: \(roleList), or system (for timers and automatic transitions)"
            )
        }
        if t.isAutomatic, t.quorum != nil {
            r.err(
                t.line, id: "peralihan '\(t.event)': peralihan otomatis tidak dapat memerlukan kuorum",
                en: "transition '\(t.event)': an automatic transition cannot need a quorum")
        }
        for f in t.requiredForms where forms[f] == nil && !unreadable.contains(f) {
            let known = forms.keys.sorted().joined(separator: ", ")
            r.err(
                t.line, id: "peralihan '\(t.event)': formulir '\(f)' tidak ada; formulir: \(known)",
                en: "transition '\(t.event)': unknown form '\(f)'; forms: \(known)")
        }
        if case .count(let k)? = t.quorum, k < 1 {
            r.err(
                t.line, id: "peralihan '\(t.event)': kuorum paling sedikit 1",
                en: "transition '\(t.event)': quorum must be at least 1")
        }
        if t.quorum != nil, t.roles.count != 1 {
            r.err(
                t.line, id: "peralihan '\(t.event)': kuorum menghitung pemegang satu peran; sebut tepat satu",
                en: "transition '\(t.event)': a quorum counts the holders of one role; name exactly one")
        }
        for g in t.guards { checkExpression(g.test, line: g.line, w, &r) }
        for e in t.effects {
            switch e {
            case .set(let name, let value, let line):
                if !varIds.contains(name) {
                    let vars = w.variables.map(\.id).joined(separator: ", ")
                    r.err(
                        line, id: "set: variabel '\(name)' tidak ada; variabel: \(vars)",
                        en: "set: unknown variable '\(name)'; variables: \(vars)")
                }
                checkExpression(value, line: line, w, &r)
            case .decision(_, let value, let line):
                checkExpression(value, line: line, w, &r)
            case .createChildren(let child, let count, let passes, let line):
                checkCreate(child, count: count, passes: passes, line: line, w, &r)
            case .notifyChildren(let state, let event, let line):
                checkChildEvent(state: state, events: [event], line: line, what: "notify", w, &r)
            case .rank(let rank):
                checkExpression(rank.quotaRows, line: rank.line, w, &r)
                checkChildExpressions([rank.groupBy] + rank.order.map(\.0), line: rank.line, w, &r)
                if rank.selectedEvent == rank.restEvent {
                    r.err(
                        rank.line, id: "rank: peristiwa terpilih dan sisanya harus berbeda",
                        en: "rank: selected and rest events must differ")
                }
                checkChildEvent(
                    state: rank.childState, events: [rank.selectedEvent, rank.restEvent], line: rank.line, what: "rank",
                    w, &r)
            case .grant(let g):
                let declared = Set(workflows.values.flatMap { $0.roles.map(\.id) })
                if !declared.contains(g.role) {
                    r.err(
                        g.line, id: "grant: peran '\(g.role)' tidak dinyatakan alur mana pun",
                        en: "grant: no workflow declares role '\(g.role)'")
                }
                for e in g.expressions { checkExpression(e, line: g.line, w, &r) }
            }
        }
    }

    private func checkCreate(
        _ child: String, count: Expression?, passes: [Effect.Pass], line: Int, _ w: WorkflowDefinition,
        _ r: inout Report
    ) {
        if let count { checkExpression(count, line: line, w, &r) }
        for p in passes { checkExpression(p.value, line: p.line, w, &r) }
        guard let c = workflows[child] else {
            if !unreadable.contains(child) {
                let known = workflows.keys.sorted().joined(separator: ", ")
                r.err(
                    line, id: "create: alur '\(child)' tidak ada; alur: \(known)",
                    en: "create: unknown workflow '\(child)'; workflows: \(known)")
            }
            return
        }
        if let declared = c.parentWorkflow, declared != w.id {
            r.err(
                line, id: "create: alur '\(child)' menyatakan induknya '\(declared)', bukan '\(w.id)'",
                en: "create: workflow '\(child)' declares its parent to be '\(declared)', not '\(w.id)'")
        }
        let vars = c.variables.map(\.id)
        for p in passes where !vars.contains(p.variable) {
            r.err(
                p.line,
                id: "pass: alur '\(child)' tidak punya variabel '\(p.variable)'; variabelnya: \(vars.joined(separator: ", "))",
                en: "pass: workflow '\(child)' has no variable '\(p.variable)'; variables: \(vars.joined(separator: ", "))")
        }
    }

    /// Each `<allow>` names a form, roles and states that exist.
    private func checkSubmissionRules(
        _ w: WorkflowDefinition, stateIds: Set<String>, roleIds: Set<String>, _ r: inout Report
    ) {
        for rule in w.submissionRules {
            let what = "allow \(rule.action.rawValue) \(rule.form)"
            if forms[rule.form] == nil && !unreadable.contains(rule.form) {
                let known = forms.keys.sorted().joined(separator: ", ")
                r.err(
                    rule.line, id: "\(what): formulir tidak ada; formulir: \(known)",
                    en: "\(what): unknown form; forms: \(known)")
            }
            for role in rule.roles where !roleIds.contains(role) {
                let known = w.roles.map(\.id).joined(separator: ", ")
                r.err(
                    rule.line, id: "\(what): peran '\(role)' tidak ada; peran: \(known)",
                    en: "\(what): unknown role '\(role)'; roles: \(known)")
            }
            for s in rule.states where s != "*" && !stateIds.contains(s) {
                let known = w.states.map(\.id).joined(separator: ", ")
                r.err(
                    rule.line, id: "\(what): status '\(s)' tidak ada; status: \(known)",
                    en: "\(what): unknown state '\(s)'; states: \(known)")
            }
            if rule.action == .withdraw, let form = forms[rule.form], !form.independentRatings {
                r.err(
                    rule.line,
                    id: "\(what): hanya lembar penilai (rating=\"independent\") yang dapat ditarik; koreksi formulirnya",
                    en: "\(what): only a rater's sheet (rating=\"independent\") can be withdrawn; correct the form instead")
            }
        }
    }

    /// Unreachable states, and states from which no final state can be reached.
    private func checkGraph(_ w: WorkflowDefinition, _ r: inout Report) {
        guard let initial = w.initialState else { return }
        var edges: [String: Set<String>] = [:]
        for s in w.states {
            for t in w.transitions(from: s.id) where !(s.isFinal && t.from == ["*"]) {
                edges[s.id, default: []].insert(t.to)
            }
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
        for s in w.states {
            if !reached.contains(s.id) {
                r.err(
                    s.line, id: "status '\(s.id)' tidak dapat dicapai dari status awal '\(initial.id)'",
                    en: "state '\(s.id)' is unreachable from the initial state '\(initial.id)'")
            } else if !canFinish.contains(s.id) {
                r.err(
                    s.line, id: "dari status '\(s.id)' tidak ada jalan ke status akhir",
                    en: "state '\(s.id)' has no path to a final state")
            }
        }
    }

    /// Votes: roles and states that exist, choices or candidates, a quorum and a rule that fit.
    private func checkVotes(_ w: WorkflowDefinition, stateIds: Set<String>, roleIds: Set<String>, _ r: inout Report) {
        var seen: Set<String> = []
        for v in w.votes {
            let what = "vote '\(v.id)'"
            if !seen.insert(v.id).inserted { r.err(v.line, id: "\(what) tertulis dua kali", en: "\(what) is declared twice") }
            for role in v.roles where !roleIds.contains(role) {
                let known = w.roles.map(\.id).joined(separator: ", ")
                r.err(
                    v.line, id: "\(what): peran '\(role)' tidak ada; peran: \(known)",
                    en: "\(what): unknown role '\(role)'; roles: \(known)")
            }
            for s in v.states where s != "*" && !stateIds.contains(s) {
                let known = w.states.map(\.id).joined(separator: ", ")
                r.err(
                    v.line, id: "\(what): status '\(s)' tidak ada; status: \(known)",
                    en: "\(what): unknown state '\(s)'; states: \(known)")
            }
            for s in v.states where w.state(s)?.isFinal == true {
                r.err(
                    v.line, id: "\(what): tidak dapat dibuka pada status akhir '\(s)'",
                    en: "\(what): cannot be open in final state '\(s)'")
            }
            switch (v.choices, v.candidates) {
            case (nil, nil), (.some, .some):
                r.err(
                    v.line, id: "\(what): beri tepat satu dari choices=\"…\" atau candidates=\"ungkapan\"",
                    en: "\(what): give exactly one of choices=\"…\" or candidates=\"expression\"")
            case (let choices?, nil):
                if Set(choices).count != choices.count || choices.count < 2 {
                    r.err(
                        v.line, id: "\(what): pilihan harus paling sedikit dua dan berbeda",
                        en: "\(what): choices must be at least two, all different")
                }
                if let abstain = v.abstain, !choices.contains(abstain) {
                    r.err(
                        v.line, id: "\(what): abstain=\"\(abstain)\" bukan salah satu pilihan",
                        en: "\(what): abstain=\"\(abstain)\" is not one of the choices")
                }
            case (nil, let e?):
                checkExpression(e, line: v.line, w, &r)
            }
            if v.threshold != nil, v.rule != .majority {
                r.err(
                    v.line, id: "\(what): threshold hanya untuk rule=\"majority\"",
                    en: "\(what): threshold applies to rule=\"majority\" only")
            }
        }
    }
}
