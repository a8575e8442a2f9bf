/// A workflow's state machine drawn as text: Mermaid (`stateDiagram-v2`, for Markdown and the README)
/// or Graphviz DOT (`dot -Tpng`). States with their labels, timers and votes; transitions with their
/// event, roles, guards (their source, shortened) and marks for automatic, quorum and reason (plain
/// words, so that any font draws them).
/// A transition from `*` (any state that is not final) starts at one box, "any non-final state".
public enum WorkflowDiagram {
    public enum Format: String, Sendable, CaseIterable { case mermaid, dot }

    public static func render(_ w: WorkflowDefinition, format: Format, language: Language = .id) -> String {
        switch format {
        case .mermaid: return mermaid(w, language: language)
        case .dot: return dot(w, language: language)
        }
    }

    /// What a transition's edge says: event, roles, then each guard (at most `maxGuard` characters).
    static func edgeLines(_ t: TransitionDefinition, language: Language) -> [String] {
        var head = t.event
        if t.isAutomatic { head = (language == .en ? "auto: " : "otomatis: ") + head }
        let roles = t.roles.joined(separator: ", ")
        var marks: [String] = []
        if let q = t.quorum {
            switch q {
            case .all: marks.append(language == .en ? "quorum: all" : "kuorum: semua")
            case .count(let k): marks.append(language == .en ? "quorum: \(k)" : "kuorum: \(k)")
            }
        }
        if t.reasonRequired { marks.append(language == .en ? "reason" : "alasan") }
        if t.signatureRequired { marks.append(language == .en ? "signed" : "bertanda tangan") }
        var lines = ["\(head) [\(roles)]" + (marks.isEmpty ? "" : " (\(marks.joined(separator: ", ")))")]
        for g in t.guards { lines.append("if " + shorten(g.test.source, 60)) }
        for f in t.requiredForms { lines.append((language == .en ? "form " : "formulir ") + f) }
        return lines
    }

    /// What a state's box says besides its name: its timers and the votes open in it.
    static func stateNotes(_ s: StateDefinition, _ w: WorkflowDefinition, language: Language) -> [String] {
        var notes: [String] = []
        for t in s.timers {
            switch t.when {
            case .after(let d): notes.append((language == .en ? "timer " : "pewaktu ") + "\(d.text) → \(t.event)")
            case .at(let e):
                notes.append((language == .en ? "timer " : "pewaktu ") + shorten(e.source, 40) + " → \(t.event)")
            }
        }
        for v in w.votes(openIn: s.id) {
            notes.append(
                (language == .en ? "vote " : "pemungutan suara ")
                    + "\(v.id) (\(v.rule.rawValue)\(v.isSecret ? (language == .en ? ", secret" : ", rahasia") : ""))")
        }
        return notes
    }

    static func shorten(_ text: String, _ limit: Int) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    static let anyState = "__any"

    // MARK: Mermaid

    static func mermaid(_ w: WorkflowDefinition, language: Language) -> String {
        func id(_ s: String) -> String { s == anyState ? "any_state" : "s_" + s }
        func esc(_ s: String) -> String {
            var out = ""
            for c in s {
                switch c {
                case ":": out += "#58;"
                case ";": out += "#59;"
                case "\"": out += "#quot;"
                case "<": out += "#lt;"
                case ">": out += "#gt;"
                case "#": out += "#35;"
                case "{": out += "#123;"
                case "}": out += "#125;"
                default: out.append(c)
                }
            }
            return out
        }
        var lines = ["---", "title: \(esc(w.title.text(language))) (\(w.id))", "---", "stateDiagram-v2"]
        for s in w.states {
            lines.append("    state \"\(esc(s.label.text(language))) (\(s.id))\" as \(id(s.id))")
        }
        let any = w.transitions.contains { $0.from.contains("*") }
        if any {
            lines.append(
                "    state \"\(language == .en ? "any non-final state" : "setiap status bukan akhir") (*)\" as \(id(anyState))"
            )
        }
        if let initial = w.initialState { lines.append("    [*] --> \(id(initial.id))") }
        for t in w.transitions {
            let label = edgeLines(t, language: language).map(esc).joined(separator: "<br/>")
            for from in t.from { lines.append("    \(id(from == "*" ? anyState : from)) --> \(id(t.to)) : \(label)") }
        }
        for s in w.states where s.isFinal { lines.append("    \(id(s.id)) --> [*]") }
        for s in w.states {
            let notes = stateNotes(s, w, language: language)
            guard !notes.isEmpty else { continue }
            lines.append("    note right of \(id(s.id))")
            for n in notes { lines.append("        \(esc(n))") }
            lines.append("    end note")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Graphviz DOT

    static func dot(_ w: WorkflowDefinition, language: Language) -> String {
        func q(_ s: String) -> String {
            var out = "\""
            for c in s {
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default: out.append(c)
                }
            }
            return out + "\""
        }
        var lines = [
            "digraph \(q(w.id)) {",
            "    graph [rankdir=TB, fontname=\"Helvetica\", label=\(q(w.title.text(language) + " (" + w.id + ")")), labelloc=t, fontsize=16];",
            "    node [shape=box, style=\"rounded,filled\", fillcolor=\"#f5f7fa\", fontname=\"Helvetica\", fontsize=11];",
            "    edge [fontname=\"Helvetica\", fontsize=9];",
            "    \"__start\" [shape=point, width=0.15, label=\"\"];",
        ]
        for s in w.states {
            let text = ([s.label.text(language), "(\(s.id))"] + stateNotes(s, w, language: language)).joined(
                separator: "\n")
            var attrs = "label=\(q(text))"
            if s.isFinal { attrs += ", peripheries=2, fillcolor=\"#e8f0e8\"" }
            if s.isInitial { attrs += ", fillcolor=\"#e8eef8\"" }
            lines.append("    \(q(s.id)) [\(attrs)];")
        }
        if w.transitions.contains(where: { $0.from.contains("*") }) {
            lines.append(
                "    \(q(anyState)) [label=\(q(language == .en ? "any non-final state (*)" : "setiap status bukan akhir (*)")), "
                    + "style=\"dashed,rounded\"];")
        }
        if let initial = w.initialState { lines.append("    \"__start\" -> \(q(initial.id));") }
        for t in w.transitions {
            let label = edgeLines(t, language: language).joined(separator: "\n")
            let style = t.isAutomatic || t.roles == ["system"] ? ", style=dashed" : ""
            for from in t.from {
                lines.append("    \(q(from == "*" ? anyState : from)) -> \(q(t.to)) [label=\(q(label))\(style)];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
