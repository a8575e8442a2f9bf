import SeleksiCore

/// Reads a workflow definition (`workflows/*.xml`): safe parse, schema, then the model.
public enum WorkflowLoader {
    /// `validateSchema: false` only for bytes validated before and found by their content hash.
    public static func load(_ bytes: [UInt8], file: String, validateSchema: Bool = true) throws -> WorkflowDefinition {
        try SafeXMLParser.withValidatedRoot(bytes, file: file, schema: .workflow, rootName: "workflow",
                                            validateSchema: validateSchema) { root in
            var b = DefinitionBuilder(file: file)
            let roles = (root.child("roles")?.children("role") ?? []).map { r in
                RoleDefinition(id: r["id"] ?? "", label: b.text(r.children("label"), fallback: r["id"] ?? ""),
                               scope: r["scope"] == "owner" ? .owner : .organisation, readsRatings: b.flag(r["reads-ratings"]), line: r.line)
            }
            let variables = (root.child("variables")?.children("variable") ?? []).map { v in
                VariableDefinition(id: v["id"] ?? "", initial: b.expression(v["initial"], line: v.line, what: "initial value of '\(v["id"] ?? "")'"),
                                   label: v.children("label").isEmpty ? nil : b.text(v.children("label"), fallback: v["id"] ?? ""),
                                   proposes: v["proposes"], because: v["because"], line: v.line)
            }
            let states = (root.child("states")?.children("state") ?? []).map { s in
                let timers = s.children("timer").compactMap { t -> TimerDefinition? in
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
                        guard let e = b.expression(at, line: t.line, what: "timer 'at'") else { return nil }
                        return TimerDefinition(event: event, when: .at(e), line: t.line)
                    default:
                        b.error(t.line, id: "pewaktu: beri tepat satu dari after=\"P…\" atau at=\"ungkapan\"",
                                en: "timer: give exactly one of after=\"P…\" or at=\"expression\"")
                        return nil
                    }
                }
                return StateDefinition(id: s["id"] ?? "", label: b.text(s.children("label"), fallback: s["id"] ?? ""),
                                       isInitial: b.flag(s["initial"]), isFinal: b.flag(s["final"]), timers: timers, line: s.line)
            }
            let transitions = (root.child("transitions")?.children("transition") ?? []).map { t in
                transition(t, &b)
            }
            let workflow = WorkflowDefinition(
                id: root["id"] ?? "", version: root["version"] ?? "1",
                title: b.text(root.children("title"), fallback: root["id"] ?? ""), file: file,
                roles: roles, variables: variables, states: states, transitions: transitions,
                startRoles: (root["start-roles"] ?? "").split(separator: " ").map(String.init),
                submissionRules: submissionRules(root), uniqueRules: uniqueRules(root, &b), report: report(root, &b))
            return try b.finish(workflow)
        }
    }

    private static func transition(_ t: XMLElement, _ b: inout DefinitionBuilder) -> TransitionDefinition {
        let event = t["event"] ?? ""
        let guards = t.children("guard").compactMap { g -> Guard? in
            guard let test = b.expression(g["test"], line: g.line, what: "guard of '\(event)'") else { return nil }
            return Guard(test: test, message: b.text(g.children("message"), fallback: "syarat tidak terpenuhi: \(g["test"] ?? "")"), line: g.line)
        }
        var effects: [Effect] = []
        for e in t.children {
            switch e.name {
            case "set":
                if let v = b.expression(e["value"], line: e.line, what: "set \(e["var"] ?? "")") { effects.append(.set(variable: e["var"] ?? "", value: v, line: e.line)) }
            case "decision":
                if let v = b.expression(e["value"], line: e.line, what: "decision \(e["name"] ?? "")") { effects.append(.decision(name: e["name"] ?? "", value: v, line: e.line)) }
            case "create":
                effects.append(.createChildren(workflow: e["workflow"] ?? "", count: b.expression(e["count"], line: e.line, what: "create count"), line: e.line))
            case "notify":
                effects.append(.notifyChildren(state: e["state"] ?? "", event: e["event"] ?? "", line: e.line))
            case "rank":
                if let rank = rankEffect(e, &b) { effects.append(.rank(rank)) }
            default: continue
            }
        }
        let quorum: Quorum? = t["quorum"].map { $0 == "all" ? .all : .count(Int($0) ?? 1) }
        let split = { (s: String?) in (s ?? "").split(separator: " ").map(String.init) }
        return TransitionDefinition(
            event: event, label: b.text(t.children("label"), fallback: event), from: split(t["from"]), to: t["to"] ?? "",
            roles: split(t["roles"]), requiredForms: t.children("requires").compactMap { $0["form"] },
            guards: guards, effects: effects, quorum: quorum, reasonRequired: t["reason"] == "required",
            isAutomatic: b.flag(t["auto"]), signatureRequired: t["signature"] == "required", isOptional: b.flag(t["optional"]), line: t.line)
    }

    private static func submissionRules(_ root: XMLElement) -> [SubmissionRule] {
        let split = { (s: String?) in (s ?? "").split(separator: " ").map(String.init) }
        return (root.child("submissions")?.children("allow") ?? []).compactMap { a in
            guard let action = a["action"].flatMap(SubmissionRule.Action.init(rawValue:)) else { return nil }
            return SubmissionRule(action: action, form: a["form"] ?? "", roles: split(a["roles"]), states: split(a["states"]), line: a.line)
        }
    }

    private static func uniqueRules(_ root: XMLElement, _ b: inout DefinitionBuilder) -> [UniqueRule] {
        root.children("unique").compactMap { u in
            guard let key = b.expression(u["key"], line: u.line, what: "unique '\(u["name"] ?? "")' key") else { return nil }
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
            if text.hasSuffix(" desc") { descending = true; text = String(text.dropLast(5)) } else if text.hasSuffix(" asc") { text = String(text.dropLast(4)) }
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
