/// The names a workflow's expressions read: the instance's own (`vars`, `forms`, `votes` …), its
/// parent's when the workflow declares its parent, its children's when their workflows are known (those
/// it creates and those that declare it their parent), other workflows' (`instances.<id>`), seed tables.
extension DefinitionChecker {
    /// The workflows whose instances run under `w`.
    func childWorkflows(of w: WorkflowDefinition) -> [WorkflowDefinition] {
        var ids: [String] = []
        for t in w.transitions {
            for case .createChildren(let child, _, _, _) in t.effects where !ids.contains(child) { ids.append(child) }
        }
        for other in workflows.values.sorted(by: { $0.id < $1.id })
        where other.parentWorkflow == w.id && !ids.contains(other.id) {
            ids.append(other.id)
        }
        return ids.compactMap { workflows[$0] }
    }

    /// One expression's diagnostics, reported against `w`'s file (a report's expressions are checked this way).
    func checkWorkflowNames(_ e: Expression, line: Int, w: WorkflowDefinition) -> [Diagnostic] {
        var r = Report(file: w.file)
        checkExpression(e, line: line, w, &r)
        return r.out
    }

    func checkExpression(_ e: Expression, line: Int, _ w: WorkflowDefinition, _ r: inout Report) {
        for (path, offset) in e.paths { checkPath(path, offset: offset, e, line, w, &r) }
        checkCalls(e, line: line, calendar: w.calendarTable ?? defaultCalendar, &r)
        let children = childWorkflows(of: w)
        for call in e.calls {
            switch call.function {
            case .childrenCount, .children:
                for a in call.arguments {
                    if let s = a.literalText { checkChildState(s, e, line, children, &r) }
                }
            case .childrenAll, .childrenAny, .childrenSum:
                checkChildScope(Expression(root: call.arguments[0], source: e.source), line: line, children, &r)
            case .treeCount, .treeSum, .treeList:
                checkTreeCall(call.function, call.arguments, e, line, &r)
            default: break
            }
        }
        for (list, paths) in e.elementReads { checkElements(list, paths, e, line, w, children, &r) }
        checkStateLiterals(e, line, w, &r)
    }

    /// Expressions evaluated in each child's scope (a ranking's groups and order).
    func checkChildExpressions(_ es: [Expression], line: Int, _ w: WorkflowDefinition, _ r: inout Report) {
        let children = childWorkflows(of: w)
        for e in es { checkChildScope(e, line: line, children, &r) }
    }

    private func checkPath(
        _ path: [String], offset: Int, _ e: Expression, _ line: Int, _ w: WorkflowDefinition,
        _ r: inout Report
    ) {
        let at = "'\(e.source)' (kolom teks \(offset + 1))"
        let atEN = "'\(e.source)' (column \(offset + 1))"
        let varIds = w.variables.map(\.id)
        switch path[0] {
        // `sibling.…` is each other child of the parent, inside siblings-*; `other.…` each instance of the
        // organisation tree inside tree-* (checked with its call, which names the workflow).
        case "state", "actor", "reason", "id", "org", "actor_orgs", "decisions", "sibling", "other": return
        case "tree":
            guard path.count >= 2, workflows[path[1]] == nil, !unreadable.contains(path[1]) else { return }
            let known = workflows.keys.sorted().joined(separator: ", ")
            r.err(
                line, id: "ungkapan \(at) menyebut tree.\(path[1]), padahal alur itu tidak ada; alur: \(known)",
                en: "expression \(atEN) names tree.\(path[1]), but there is no such workflow; workflows: \(known)")
        case "ratings":
            if path.count >= 2, let form = forms[path[1]], !form.independentRatings {
                r.err(
                    line,
                    id: "ungkapan \(at) membaca ratings formulir '\(path[1])', yang tidak dinilai mandiri; "
                        + "tambahkan rating=\"independent\" pada formulirnya",
                    en: "expression \(atEN) reads ratings of form '\(path[1])', which is not rated independently; "
                        + "add rating=\"independent\" to the form")
            }
        case "vars":
            if path.count < 2 || !varIds.contains(path[1]) {
                let name = path.dropFirst().first ?? ""
                let known = varIds.sorted().joined(separator: ", ")
                r.err(
                    line, id: "ungkapan \(at) menyebut variabel '\(name)' yang tidak ada; variabel: \(known)",
                    en: "expression \(atEN) names unknown variable '\(name)'; variables: \(known)")
            }
        case "forms":
            checkFormPath(
                Array(path.dropFirst()), used: w.referencedForms, owner: "alur ini", "this workflow", at, atEN, line, &r
            )
        case "parent":
            guard let p = w.parentWorkflow.flatMap({ workflows[$0] }) else { return }
            checkInstancePath(Array(path.dropFirst()), of: p, prefix: "parent", at, atEN, line, &r)
        case "peers":
            checkInstancePath(Array(path.dropFirst()), of: w, prefix: "peers", at, atEN, line, &r)
        case "instances":
            guard path.count >= 2 else { return }
            guard let other = workflows[path[1]] else {
                if unreadable.contains(path[1]) { return }
                let known = workflows.keys.sorted().joined(separator: ", ")
                r.err(
                    line, id: "ungkapan \(at) menyebut instances.\(path[1]), padahal alur itu tidak ada; alur: \(known)",
                    en: "expression \(atEN) names instances.\(path[1]), but there is no such workflow; workflows: \(known)")
                return
            }
            checkInstancePath(Array(path.dropFirst(2)), of: other, prefix: "instances.\(path[1])", at, atEN, line, &r)
        case "votes":
            guard path.count >= 2 else { return }
            guard let vote = w.vote(path[1]) else {
                let known = w.votes.map(\.id).joined(separator: ", ")
                r.err(
                    line, id: "ungkapan \(at) menyebut pemungutan suara '\(path[1])' yang tidak ada; yang ada: \(known)",
                    en: "expression \(atEN) names vote '\(path[1])', which is not declared; votes: \(known)")
                return
            }
            if path.count >= 3, !VoteTally.fields.contains(path[2]) {
                let known = VoteTally.fields.sorted().joined(separator: ", ")
                r.err(
                    line, id: "ungkapan \(at): votes.\(vote.id) tidak punya '\(path[2])'; yang ada: \(known)",
                    en: "expression \(atEN): votes.\(vote.id) has no '\(path[2])'; it has: \(known)")
            }
        default:
            r.err(
                line,
                id: "ungkapan \(at) menyebut '\(path[0])'; ungkapan alur membaca state, actor, reason, vars.<variabel>, "
                    + "forms.<formulir>.<kolom>, parent.…, peers, instances.<alur>, votes.<pemungutan>, ratings.<formulir>, "
                    + "decisions.<nama>, id, org, actor_orgs, sibling.… (dalam siblings-*), other.… (dalam tree-*) atau tree.<alur>",
                en: "expression \(atEN) names '\(path[0])'; a workflow expression reads state, actor, reason, vars.<variable>, "
                    + "forms.<form>.<field>, parent.…, peers, instances.<workflow>, votes.<vote>, ratings.<form>, decisions.<name>, "
                    + "id, org, actor_orgs, sibling.… (in siblings-*), other.… (in tree-*) or tree.<workflow>")
        }
    }

    /// `forms.<form>.<field>`: a form the workflow uses, a field it has.
    private func checkFormPath(
        _ rest: [String], used: [String], owner: String, _ ownerEN: String, _ at: String, _ atEN: String,
        _ line: Int, _ r: inout Report
    ) {
        guard let formID = rest.first, used.contains(formID), let form = forms[formID] else {
            if let formID = rest.first, unreadable.contains(formID) { return }
            let name = rest.first ?? ""
            let known = used.sorted().joined(separator: ", ")
            r.err(
                line, id: "ungkapan \(at) menyebut formulir '\(name)', yang tidak dipakai \(owner); formulir: \(known)",
                en: "expression \(atEN) names form '\(name)', which \(ownerEN) does not use; forms: \(known)")
            return
        }
        if rest.count >= 2, !form.items.contains(where: { $0.id == rest[1] }) {
            let known = form.items.map(\.id).joined(separator: ", ")
            r.err(
                line,
                id: "ungkapan \(at) menyebut kolom '\(rest[1])' yang tidak ada di formulir '\(form.id)'; kolom: \(known)",
                en: "expression \(atEN) names unknown field '\(rest[1])' of form '\(form.id)'; fields: \(known)")
        } else if rest.count >= 3, let group = form.group(rest[1]), !group.fields.contains(where: { $0.id == rest[2] })
        {
            let known = group.fields.map(\.id).joined(separator: ", ")
            r.err(
                line,
                id: "ungkapan \(at) menyebut kolom '\(rest[2])' yang tidak ada di ulangan '\(group.id)'; kolom: \(known)",
                en: "expression \(atEN) names unknown field '\(rest[2])' in repeat '\(group.id)'; fields: \(known)")
        }
    }

    /// Another instance as a record (`parent`, an element of `peers` or `instances.<id>`): `{id, state, org, vars, forms}`.
    private func checkInstancePath(
        _ rest: [String], of other: WorkflowDefinition, prefix: String, _ at: String, _ atEN: String,
        _ line: Int, _ r: inout Report
    ) {
        guard let head = rest.first else { return }
        switch head {
        case "id", "state", "org", "created", "owner": return
        case "vars":
            guard rest.count >= 2 else { return }
            let known = other.variables.map(\.id)
            if !known.contains(rest[1]) {
                r.err(
                    line,
                    id: "ungkapan \(at) menyebut \(prefix).vars.\(rest[1]), padahal alur '\(other.id)' tidak punya variabel itu; "
                        + "variabelnya: \(known.joined(separator: ", "))",
                    en: "expression \(atEN) names \(prefix).vars.\(rest[1]), but workflow '\(other.id)' has no such variable; "
                        + "variables: \(known.joined(separator: ", "))")
            }
        case "forms" where prefix == "parent":
            checkFormPath(
                Array(rest.dropFirst()), used: other.referencedForms, owner: "alur '\(other.id)'",
                "workflow '\(other.id)'",
                at, atEN, line, &r)
        default:
            let names = prefix == "parent" ? "id, state, org, vars, forms" : "id, state, org, created, vars"
            r.err(
                line, id: "ungkapan \(at): \(prefix) tidak punya '\(head)'; yang ada: \(names)",
                en: "expression \(atEN): \(prefix) has no '\(head)'; it has: \(names)")
        }
    }

    /// `tree-*('W', …)`: `W` is a workflow written as text, and `other.…` in the second argument names what
    /// an instance of `W` has (`id`, `state`, `org`, `vars.<its variable>`).
    private func checkTreeCall(_ f: Function, _ args: [Expr], _ e: Expression, _ line: Int, _ r: inout Report) {
        guard let id = args[0].literalText else {
            r.err(
                line, id: "ungkapan '\(e.source)': \(f.rawValue)() menyebut alurnya sebagai teks, mis. \(f.rawValue)('tb_bulan', …)",
                en: "expression '\(e.source)': \(f.rawValue)() takes the workflow's id as text, e.g. \(f.rawValue)('tb_bulan', …)")
            return
        }
        guard let other = workflows[id] else {
            if unreadable.contains(id) { return }
            let known = workflows.keys.sorted().joined(separator: ", ")
            r.err(
                line, id: "ungkapan '\(e.source)': \(f.rawValue)() menyebut alur '\(id)' yang tidak ada; alur: \(known)",
                en: "expression '\(e.source)': \(f.rawValue)() names workflow '\(id)', which does not exist; workflows: \(known)")
            return
        }
        for (path, offset) in Expression(root: args[1], source: e.source).paths where path[0] == Expression.otherName {
            let at = "'\(e.source)' (kolom teks \(offset + 1))"
            let atEN = "'\(e.source)' (column \(offset + 1))"
            checkInstancePath(Array(path.dropFirst()), of: other, prefix: "other", at, atEN, line, &r)
        }
    }

    /// A state name written for a child: a state of one of the workflows that run under this one.
    private func checkChildState(
        _ s: String, _ e: Expression, _ line: Int, _ children: [WorkflowDefinition], _ r: inout Report
    ) {
        guard !children.isEmpty, !children.contains(where: { $0.state(s) != nil }) else { return }
        let known = Set(children.flatMap { $0.states.map(\.id) }).sorted().joined(separator: ", ")
        let names = children.map(\.id).joined(separator: ", ")
        r.err(
            line, id: "ungkapan '\(e.source)' menyebut status anak '\(s)', yang tidak ada di \(names); statusnya: \(known)",
            en: "expression '\(e.source)' names child state '\(s)', which \(names) does not have; states: \(known)")
    }

    /// An expression evaluated in a child's own scope: names of some child workflow.
    private func checkChildScope(_ e: Expression, line: Int, _ children: [WorkflowDefinition], _ r: inout Report) {
        guard !children.isEmpty else { return }
        for (path, offset) in e.paths {
            let at = "'\(e.source)' (kolom teks \(offset + 1))"
            let atEN = "'\(e.source)' (column \(offset + 1))"
            switch path[0] {
            case "id", "state", "org": continue
            case "vars":
                guard path.count >= 2, !children.contains(where: { c in c.variables.contains { $0.id == path[1] } })
                else { continue }
                let known = Set(children.flatMap { $0.variables.map(\.id) }).sorted().joined(separator: ", ")
                r.err(
                    line,
                    id: "ungkapan \(at) dibaca pada tiap anak, tetapi anak tidak punya variabel '\(path[1])'; variabelnya: \(known)",
                    en: "expression \(atEN) is read on each child, but no child has variable '\(path[1])'; variables: \(known)"
                )
            case "forms":
                guard path.count >= 2 else { continue }
                guard let form = forms[path[1]], children.contains(where: { $0.referencedForms.contains(path[1]) })
                else {
                    if unreadable.contains(path[1]) { continue }
                    let known = Set(children.flatMap(\.referencedForms)).sorted().joined(separator: ", ")
                    r.err(
                        line,
                        id: "ungkapan \(at) dibaca pada tiap anak, tetapi anak tidak memakai formulir '\(path[1])'; formulirnya: \(known)",
                        en: "expression \(atEN) is read on each child, but no child uses form '\(path[1])'; forms: \(known)"
                    )
                    continue
                }
                if path.count >= 3, !form.items.contains(where: { $0.id == path[2] }) {
                    let known = form.items.map(\.id).joined(separator: ", ")
                    r.err(
                        line,
                        id: "ungkapan \(at) menyebut kolom '\(path[2])' yang tidak ada di formulir '\(form.id)'; kolom: \(known)",
                        en: "expression \(atEN) names unknown field '\(path[2])' of form '\(form.id)'; fields: \(known)")
                }
            default:
                r.err(
                    line,
                    id: "ungkapan \(at) dibaca pada tiap anak, yang punya id, state, org, vars dan forms, bukan '\(path[0])'",
                    en: "expression \(atEN) is read on each child, which has id, state, org, vars and forms, not '\(path[0])'"
                )
            }
        }
    }

    /// `item.…` inside a list function: checked when the list's rows are known.
    private func checkElements(
        _ list: Expr, _ paths: [(path: [String], offset: Int)], _ e: Expression, _ line: Int,
        _ w: WorkflowDefinition, _ children: [WorkflowDefinition], _ r: inout Report
    ) {
        if let p = list.plainPath {
            // forms.<form>.<repeat> (or parent.forms.…): the repeat's rows.
            var formPath = p
            if formPath.first == "parent" { formPath.removeFirst() }
            if formPath.count == 3, formPath[0] == "forms", let group = forms[formPath[1]]?.group(formPath[2]) {
                checkItemFields(
                    paths, fields: group.fields.map(\.id), of: "ulangan '\(group.id)'", "repeat '\(group.id)'", e, line,
                    &r)
            }
            if p == ["peers"] || (p.count == 2 && p[0] == "instances") {
                checkItemFields(
                    paths, fields: ["id", "state", "org", "created", "vars"], of: "instans", "an instance", e, line, &r)
            }
            return
        }
        guard case .call(.children, let args, _) = list, !children.isEmpty else { return }
        checkItemFields(paths, fields: ["id", "state", "org", "vars", "forms"], of: "anak", "a child", e, line, &r)
        let itemScope = paths.map { (path: Array($0.path.dropFirst()), offset: $0.offset) }.filter { !$0.path.isEmpty }
        for (path, offset) in itemScope where path[0] == "vars" && path.count >= 2 {
            guard !children.contains(where: { c in c.variables.contains { $0.id == path[1] } }) else { continue }
            let known = Set(children.flatMap { $0.variables.map(\.id) }).sorted().joined(separator: ", ")
            r.err(
                line,
                id: "ungkapan '\(e.source)' (kolom teks \(offset + 1)): anak tidak punya variabel '\(path[1])'; variabelnya: \(known)",
                en: "expression '\(e.source)' (column \(offset + 1)): no child has variable '\(path[1])'; variables: \(known)"
            )
        }
        _ = args
    }

    /// `state = 'x'` and `parent.state = 'x'`: `x` must be a state of that workflow.
    private func checkStateLiterals(_ e: Expression, _ line: Int, _ w: WorkflowDefinition, _ r: inout Report) {
        func target(_ p: [String]) -> WorkflowDefinition? {
            if p == ["state"] { return w }
            if p == ["parent", "state"] { return w.parentWorkflow.flatMap { workflows[$0] } }
            return nil
        }
        func walk(_ x: Expr) {
            switch x {
            case .literal, .current, .path, .pattern: return
            case .binary(let op, let a, let b, _):
                if op == "=" || op == "!=" {
                    for (p, lit) in [(a, b), (b, a)] {
                        guard let path = p.plainPath, let other = target(path), let s = lit.literalText,
                            other.state(s) == nil
                        else { continue }
                        let known = other.states.map(\.id).joined(separator: ", ")
                        r.err(
                            line,
                            id: "ungkapan '\(e.source)' membandingkan \(path.joined(separator: ".")) dengan '\(s)', yang bukan status "
                                + "alur '\(other.id)'; statusnya: \(known)",
                            en: "expression '\(e.source)' compares \(path.joined(separator: ".")) with '\(s)', which is not a state of "
                                + "workflow '\(other.id)'; states: \(known)")
                    }
                }
                walk(a)
                walk(b)
            case .index(let a, let b, _):
                walk(a)
                walk(b)
            case .member(let a, _, _), .unary(_, let a, _): walk(a)
            case .call(let f, let args, _): if !f.evaluatesInChildScope { args.forEach(walk) }
            }
        }
        walk(e.root)
    }

    /// A `<notify>` or `<rank>` names a child state and the events it sends: some child workflow must
    /// have that state and take each event from it.
    func checkChildEvent(
        state: String, events: [String], line: Int, what: String, _ w: WorkflowDefinition, _ r: inout Report
    ) {
        let children = childWorkflows(of: w)
        guard !children.isEmpty else { return }
        let holders = children.filter { $0.state(state) != nil }
        guard !holders.isEmpty else {
            let known = Set(children.flatMap { $0.states.map(\.id) }).sorted().joined(separator: ", ")
            r.err(
                line,
                id: "\(what): status anak '\(state)' tidak ada di \(children.map(\.id).joined(separator: ", ")); statusnya: \(known)",
                en: "\(what): child state '\(state)' is not a state of \(children.map(\.id).joined(separator: ", ")); states: \(known)"
            )
            return
        }
        for event in events
        where !holders.contains(where: { c in c.transitions(from: state).contains { $0.event == event } }) {
            r.err(
                line, id: "\(what): anak pada status '\(state)' tidak menerima peristiwa '\(event)'",
                en: "\(what): a child in state '\(state)' takes no event '\(event)'")
        }
    }
}
