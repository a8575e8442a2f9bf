extension DefinitionChecker {
    /// A `<report>` names a child workflow that exists, stages of its states, and expressions that read
    /// what the child (category, score) or the parent (quota rows) has.
    func checkReport(_ w: WorkflowDefinition) -> [Diagnostic] {
        guard let report = w.report else { return [] }
        var out: [Diagnostic] = []
        guard let child = workflows[report.children] else {
            let known = workflows.keys.sorted().joined(separator: ", ")
            return [
                Diagnostic(
                    file: w.file, line: report.line,
                    id: "report: alur anak '\(report.children)' tidak ada; alur: \(known)",
                    en: "report: unknown child workflow '\(report.children)'; workflows: \(known)")
            ]
        }
        let childStates = Set(child.states.map(\.id))
        func states(_ list: [String], line: Int, what: String) {
            for s in list where !childStates.contains(s) {
                let known = child.states.map(\.id).joined(separator: ", ")
                out.append(
                    Diagnostic(
                        file: w.file, line: line,
                        id: "report \(what): '\(s)' bukan status \(child.id); status: \(known)",
                        en: "report \(what): '\(s)' is not a state of \(child.id); states: \(known)"))
            }
        }
        for stage in report.funnel { states(stage.states, line: stage.line, what: "funnel stage") }
        if let c = report.category {
            out += checkWorkflowNames(c.value, line: c.line, w: child).map { $0.inFile(w.file) }
            for (path, offset) in c.label?.paths ?? [] where path != ["value"] {
                out.append(
                    Diagnostic(
                        file: w.file, line: c.line,
                        id:
                            "report category label (kolom teks \(offset + 1)) membaca '\(path.joined(separator: "."))'; ia hanya membaca `value`, kategorinya",
                        en:
                            "report category label (column \(offset + 1)) reads '\(path.joined(separator: "."))'; it reads only `value`, the category"
                    ))
            }
        }
        if let s = report.score {
            out += checkWorkflowNames(s.value, line: s.line, w: child).map { $0.inFile(w.file) }
        }
        if let q = report.quota {
            out += checkWorkflowNames(q.rows, line: q.line, w: w)
            states(q.filled, line: q.line, what: "quota filled")
        }
        return out
    }
}

extension Diagnostic {
    /// The same diagnostic reported against another file (a report's child-scope expressions are
    /// checked against the child workflow but written in the parent's file).
    func inFile(_ file: String) -> Diagnostic { Diagnostic(file: file, line: line, text, severity: severity) }
}
