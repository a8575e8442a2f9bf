import SeleksiCore

/// Reads a workflow definition (`workflows/*.xml`): safe parse, schema, then the model.
public enum WorkflowLoader {
    /// `validateSchema: false` only for bytes validated before and found by their content hash.
    public static func load(_ bytes: [UInt8], file: String, validateSchema: Bool = true) throws -> WorkflowDefinition {
        try SafeXMLParser.withValidatedRoot(bytes, file: file, schema: .workflow, rootName: "workflow",
                                            validateSchema: validateSchema) { root in
            var b = DefinitionBuilder(file: file)
            return try b.finish(build(root, &b))
        }
    }

    /// For `seleksi check`: the model even when the file breaks the schema (but is well-formed XML),
    /// with every diagnostic, so that one schema error does not hide the file's other mistakes.
    public static func loadForCheck(_ bytes: [UInt8], file: String) -> (WorkflowDefinition?, [Diagnostic]) {
        SafeXMLParser.checkRoot(bytes, file: file, schema: .workflow, rootName: "workflow") { root in
            var b = DefinitionBuilder(file: file)
            let w = build(root, &b)
            return (w, b.diagnostics)
        }
    }

    static func build(_ root: XMLElement, _ b: inout DefinitionBuilder) -> WorkflowDefinition {
        let roles = (root.child("roles")?.children("role") ?? []).map { r in
            RoleDefinition(id: r["id"] ?? "", label: b.text(r.children("label"), fallback: r["id"] ?? ""),
                           scope: r["scope"] == "owner" ? .owner : .organisation, readsRatings: b.flag(r["reads-ratings"]), line: r.line)
        }
        let variables = (root.child("variables")?.children("variable") ?? []).map { v in
            VariableDefinition(id: v["id"] ?? "",
                               initial: b.expression(v["initial"], line: v.line,
                                                     what: ("nilai awal '\(v["id"] ?? "")'", "initial value of '\(v["id"] ?? "")'")),
                               label: v.children("label").isEmpty ? nil : b.text(v.children("label"), fallback: v["id"] ?? ""),
                               proposes: v["proposes"], because: v["because"], line: v.line)
        }
        var states = (root.child("states")?.children("state") ?? []).map { s in
            StateDefinition(id: s["id"] ?? "", label: b.text(s.children("label"), fallback: s["id"] ?? ""),
                            isInitial: b.flag(s["initial"]), isFinal: b.flag(s["final"]),
                            timers: s.children("timer").compactMap { timer($0, &b) }, line: s.line)
        }
        states = sharedTimers(root, states: states, &b)
        let transitions = (root.child("transitions")?.children("transition") ?? []).map { t in
            transition(t, &b)
        }
        return WorkflowDefinition(
            id: root["id"] ?? "", version: root["version"] ?? "1",
            title: b.text(root.children("title"), fallback: root["id"] ?? ""), file: b.file,
            roles: roles, variables: variables, states: states, transitions: transitions,
            startRoles: split(root["start-roles"]),
            submissionRules: submissionRules(root), uniqueRules: uniqueRules(root, &b),
            parentWorkflow: root["parent"], calendarTable: root["calendar"],
            parties: b.expression(root["parties"], line: root.line, what: ("parties", "parties")),
            votes: (root.child("votes")?.children("vote") ?? []).compactMap { vote($0, &b) }, report: report(root, &b))
    }

    /// A space-separated list, split on its UTF-8 (splitting it by characters was 3% of loading a workflow).
    static func split(_ s: String?) -> [String] {
        guard let s else { return [] }
        return s.utf8.split(separator: UInt8(ascii: " ")).map { String(Substring($0)) }
    }

    private static func timer(_ t: XMLElement, _ b: inout DefinitionBuilder) -> TimerDefinition? {
        let event = t["event"] ?? ""
        switch (t["after"], t["at"]) {
        case (let after?, nil):
            switch ISODuration.parse(after) {
            case .success(let d): return TimerDefinition(event: event, when: .after(d), line: t.line)
            case .failure(let why):
                b.error(t.line, id: "pewaktu: \(why.text(.id)) (mis. P14D, PT48H)", en: "timer: \(why.text(.en)) (e.g. P14D, PT48H)")
                return nil
            }
        case (nil, let at?):
            guard let e = b.expression(at, line: t.line, what: ("pewaktu 'at'", "timer 'at'")) else { return nil }
            return TimerDefinition(event: event, when: .at(e), line: t.line)
        default:
            b.error(t.line, id: "pewaktu: beri tepat satu dari after=\"P…\" atau at=\"ungkapan\"",
                    en: "timer: give exactly one of after=\"P…\" or at=\"expression\"")
            return nil
        }
    }

    /// `<timers><timer states="a b" …/></timers>`: a timer declared once for several states (`*`: every
    /// state that is not final), added to each of them.
    private static func sharedTimers(_ root: XMLElement, states: [StateDefinition], _ b: inout DefinitionBuilder)
        -> [StateDefinition]
    {
        var extra: [String: [TimerDefinition]] = [:]
        for t in root.child("timers")?.children("timer") ?? [] {
            guard let timer = timer(t, &b) else { continue }
            let names = split(t["states"])
            for name in names where name != "*" && !states.contains(where: { $0.id == name }) {
                let known = states.map(\.id).joined(separator: ", ")
                b.error(t.line, id: "pewaktu: status '\(name)' tidak ada; status: \(known)", en: "timer: unknown state '\(name)'; states: \(known)")
            }
            for s in states where names.contains(s.id) || (names.contains("*") && !s.isFinal) {
                extra[s.id, default: []].append(timer)
            }
        }
        guard !extra.isEmpty else { return states }
        return states.map { s in
            guard let more = extra[s.id] else { return s }
            return StateDefinition(id: s.id, label: s.label, isInitial: s.isInitial, isFinal: s.isFinal, timers: s.timers + more,
                                   line: s.line)
        }
    }

    private static func transition(_ t: XMLElement, _ b: inout DefinitionBuilder) -> TransitionDefinition {
        let event = t["event"] ?? ""
        let guards = t.children("guard").compactMap { g -> Guard? in
            guard let test = b.expression(g["test"], line: g.line, what: ("syarat '\(event)'", "guard of '\(event)'")) else { return nil }
            return Guard(test: test, message: b.text(g.children("message"), fallback: "syarat tidak terpenuhi: \(g["test"] ?? "")"), line: g.line)
        }
        var effects: [Effect] = []
        for e in t.children {
            switch e.name {
            case "set":
                if let v = b.expression(e["value"], line: e.line, what: "set \(e["var"] ?? "")") {
                    effects.append(.set(variable: e["var"] ?? "", value: v, line: e.line))
                }
            case "decision":
                if let v = b.expression(e["value"], line: e.line, what: "decision \(e["name"] ?? "")") {
                    effects.append(.decision(name: e["name"] ?? "", value: v, line: e.line))
                }
            case "create":
                let passes = e.children("pass").compactMap { p -> Effect.Pass? in
                    guard let value = b.expression(p["value"], line: p.line, what: "pass \(p["var"] ?? "")") else { return nil }
                    return Effect.Pass(variable: p["var"] ?? "", value: value, line: p.line)
                }
                effects.append(.createChildren(workflow: e["workflow"] ?? "",
                                               count: b.expression(e["count"], line: e.line, what: "create count"),
                                               passes: passes, line: e.line))
            case "notify":
                effects.append(.notifyChildren(state: e["state"] ?? "", event: e["event"] ?? "", line: e.line))
            case "rank":
                if let rank = rankEffect(e, &b) { effects.append(.rank(rank)) }
            case "grant":
                if let grant = grantEffect(e, &b) { effects.append(.grant(grant)) }
            default: continue
            }
        }
        let quorum: Quorum? = t["quorum"].map { $0 == "all" ? .all : .count(Int($0) ?? 1) }
        return TransitionDefinition(
            event: event, label: b.text(t.children("label"), fallback: event), from: split(t["from"]), to: t["to"] ?? "",
            roles: split(t["roles"]), requiredForms: t.children("requires").compactMap { $0["form"] },
            guards: guards, effects: effects, quorum: quorum, reasonRequired: t["reason"] == "required",
            isAutomatic: b.flag(t["auto"]), signatureRequired: t["signature"] == "required", isOptional: b.flag(t["optional"]),
            line: t.line)
    }

    private static func grantEffect(_ e: XMLElement, _ b: inout DefinitionBuilder) -> GrantEffect? {
        guard let actors = b.expression(e["actors"], line: e.line, what: "grant actors") else { return nil }
        let until: GrantEffect.Until
        switch e["until"] {
        case nil: until = .none
        case "instance-end": until = .instanceEnd
        case let text?:
            guard let date = b.expression(text, line: e.line, what: "grant until") else { return nil }
            until = .date(date)
        }
        return GrantEffect(role: e["role"] ?? "", actors: actors, org: b.expression(e["org"], line: e.line, what: "grant org"),
                           until: until, line: e.line)
    }

    private static func vote(_ v: XMLElement, _ b: inout DefinitionBuilder) -> VoteDefinition? {
        let id = v["id"] ?? ""
        guard let rule = VoteDefinition.Rule(rawValue: v["rule"] ?? "majority") else { return nil }
        guard let quorum = VoteQuorum(v["quorum"] ?? "all") else {
            b.error(v.line, id: "vote '\(id)': kuorum '\(v["quorum"] ?? "")' tidak sah; tulis all, sebuah bilangan, atau pecahan seperti 2/3",
                    en: "vote '\(id)': quorum '\(v["quorum"] ?? "")' is not valid; write all, a number, or a share such as 2/3")
            return nil
        }
        var threshold: (Int, Int)?
        if let text = v["threshold"] {
            guard case .fraction(let n, let d)? = VoteQuorum(text) else {
                b.error(v.line, id: "vote '\(id)': threshold '\(text)' harus pecahan seperti 2/3",
                        en: "vote '\(id)': threshold '\(text)' must be a share such as 2/3")
                return nil
            }
            threshold = (n, d)
        }
        return VoteDefinition(
            id: id, label: b.text(v.children("label"), fallback: id), roles: split(v["roles"]), states: split(v["states"]),
            rule: rule, quorum: quorum, threshold: threshold, isSecret: b.flag(v["secret"]),
            choices: v["choices"].map { split($0) },
            candidates: b.expression(v["candidates"], line: v.line, what: ("calon vote '\(id)'", "candidates of vote '\(id)'")),
            abstain: v["abstain"], isChangeable: v["changeable"].map { b.flag($0) } ?? true, line: v.line)
    }

    private static func submissionRules(_ root: XMLElement) -> [SubmissionRule] {
        (root.child("submissions")?.children("allow") ?? []).compactMap { a in
            guard let action = a["action"].flatMap(SubmissionRule.Action.init(rawValue:)) else { return nil }
            return SubmissionRule(action: action, form: a["form"] ?? "", roles: split(a["roles"]), states: split(a["states"]), line: a.line)
        }
    }

    private static func uniqueRules(_ root: XMLElement, _ b: inout DefinitionBuilder) -> [UniqueRule] {
        root.children("unique").compactMap { u in
            guard let key = b.expression(u["key"], line: u.line, what: ("kunci unik '\(u["name"] ?? "")'", "unique '\(u["name"] ?? "")' key"))
            else { return nil }
            return UniqueRule(name: u["name"] ?? "", key: key, scope: u["within"] == "all" ? .all : .parent, event: u["on"] ?? "",
                              message: b.text(u.children("message"), fallback: "'\(u["name"] ?? "")' sudah dipakai"), line: u.line)
        }
    }

    /// `order="vars.skor desc; vars.pengalaman_hari desc"`: terms separated by `;`, each an expression
    /// with an optional `asc` (the default) or `desc`.
    private static func rankEffect(_ e: XMLElement, _ b: inout DefinitionBuilder) -> RankEffect? {
        var order: [(Expression, Bool)] = []
        for term in (e["order"] ?? "").split(separator: ";") {
            var text = String(term).trimmingCharacters(in: " ")
            var descending = false
            if text.hasSuffix(" desc") {
                descending = true
                text = String(text.dropLast(5))
            } else if text.hasSuffix(" asc") {
                text = String(text.dropLast(4))
            }
            guard let expression = b.expression(text, line: e.line, what: "rank order") else { return nil }
            order.append((expression, descending))
        }
        guard let groupBy = b.expression(e["group-by"], line: e.line, what: "rank group-by"),
              let rows = b.expression(e["quota-rows"], line: e.line, what: "rank quota-rows"),
              let key = b.expression(e["quota-key"], line: e.line, what: "rank quota-key"),
              let count = b.expression(e["quota-count"], line: e.line, what: "rank quota-count") else { return nil }
        return RankEffect(childState: e["state"] ?? "", groupBy: groupBy, order: order, quotaRows: rows, quotaKey: key, quotaCount: count,
                          selectedEvent: e["selected"] ?? "", restEvent: e["rest"] ?? "", rankVariable: e["variable"] ?? "peringkat", line: e.line)
    }
}
