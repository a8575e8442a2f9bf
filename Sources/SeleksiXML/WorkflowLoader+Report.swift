import SeleksiCore

extension WorkflowLoader {
    /// `<report children="…">` with its category, score, quota and funnel.
    static func report(_ root: XMLElement, _ b: inout DefinitionBuilder) -> ReportDefinition? {
        guard let r = root.child("report") else { return nil }
        let category = r.child("category").flatMap { c -> ReportDefinition.Category? in
            guard let value = b.expression(c["value"], line: c.line, what: "report category value") else { return nil }
            return .init(
                value: value, label: b.expression(c["label"], line: c.line, what: "report category label"),
                title: b.text(c.children("label"), fallback: c["value"] ?? ""), line: c.line)
        }
        let score = r.child("score").flatMap { s -> ReportDefinition.Score? in
            guard let value = b.expression(s["value"], line: s.line, what: "report score") else { return nil }
            return .init(
                value: value, maximum: Int(s["maximum"] ?? "100") ?? 100,
                title: b.text(s.children("label"), fallback: s["value"] ?? ""),
                line: s.line)
        }
        let quota = r.child("quota").flatMap { q -> ReportDefinition.Quota? in
            guard let rows = b.expression(q["rows"], line: q.line, what: "report quota rows"),
                let org = b.expression(q["org"], line: q.line, what: "report quota org"),
                let category = b.expression(q["category"], line: q.line, what: "report quota category"),
                let count = b.expression(q["count"], line: q.line, what: "report quota count")
            else { return nil }
            return .init(
                rows: rows, org: org, category: category, count: count,
                filled: (q["filled"] ?? "").split(separator: " ").map(String.init), line: q.line)
        }
        let funnel = (r.child("funnel")?.children("stage") ?? []).map { s in
            ReportDefinition.Stage(
                states: (s["states"] ?? "").split(separator: " ").map(String.init),
                label: b.text(s.children("label"), fallback: s["states"] ?? ""), line: s.line)
        }
        return ReportDefinition(
            children: r["children"] ?? "", category: category, score: score, quota: quota, funnel: funnel, line: r.line)
    }
}
