import SeleksiCore
import SeleksiEngine

/// What a reviewer typed instead of an answer. A letter alone is a key, at any question.
enum ReviewControl: Equatable {
    case skip, back, quit, portfolio, help
    case open(Int)
    case export(Int)
    /// An optional step of the workflow (declare a conflict …), by its event.
    case action(String)
}

/// The keys of a review: fixed ones, and a letter for each optional step the workflow offers.
struct ReviewKeys {
    static let reserved: Set<Character> = ["s", "b", "q", "o", "e", "p", "h", "?", "y", "t", "n"]
    /// Optional events by their letter.
    let actions: [(key: Character, event: String)]

    /// A letter for each event: the first letter of one of its words not taken (`k` for `nyatakan_konflik`).
    init(optionalEvents: [String]) {
        var taken = ReviewKeys.reserved
        var out: [(Character, String)] = []
        for event in optionalEvents {
            let words = event.split(separator: "_").compactMap(\.first)
            if let key = words.first(where: { !taken.contains($0) })
                ?? event.first(where: { $0.isLetter && !taken.contains($0) })
            {
                taken.insert(key)
                out.append((key, event))
            }
        }
        actions = out
    }

    func control(_ input: String) -> ReviewControl? {
        let text = input.lowercased()
        switch text {
        case "s", "lewati", "skip": return .skip
        case "b", "kembali", "back": return .back
        case "q", "keluar", "quit": return .quit
        case "p", "portofolio": return .portfolio
        case "h", "?", "bantuan", "help": return .help
        default: break
        }
        if let first = text.first, ["o", "e"].contains(first),
            let n = Int(text.dropFirst().trimmingCharacters(in: .whitespaces))
        {
            return first == "o" ? .open(n) : .export(n)
        }
        if text.count == 1, let event = actions.first(where: { $0.key == text.first })?.event { return .action(event) }
        return nil
    }
}

/// Asks the fields of one form a reviewer fills (a verdict, a scoring sheet) at the terminal: the
/// machine's proposal as the answer Enter gives, choices by number or label, each score's bounds from
/// the form's constraints with a running total of the calculated fields, several scores on one line.
struct SheetPrompter {
    let form: FormDefinition
    let language: Language
    let today: CivilDate
    let console: Console
    let keys: ReviewKeys
    /// Proposed answers by field id (value, and its label).
    var proposals: [String: (value: String, label: String)] = [:]
    /// Keys that do not end the questions (open an attachment, show the portfolio again …).
    var onControl: (ReviewControl) -> Void = { _ in }

    enum Outcome {
        case answers([String: Value])
        case control(ReviewControl)
    }

    /// Fields a reviewer can answer here: top-level, not calculated.
    var askable: [FieldDefinition] {
        form.items.compactMap { item in
            if case .field(let f) = item, f.calculate == nil, !f.readOnly { return f }
            return nil
        }
    }

    /// Whether the form can be filled at a review prompt (no repeat group to fill).
    var isSupported: Bool {
        !form.items.contains { if case .repeatGroup(let g) = $0 { return g.minRows > 0 } else { return false } }
    }

    func run() -> Outcome {
        let validator = FormValidator(form)
        let fields = askable
        var answers: [String: Value] = [:]
        var i = 0
        while i < fields.count {
            let f = fields[i]
            guard validator.isRelevant(f.relevant, data: answers, today: today) else {
                i += 1
                continue
            }
            guard let input = console.ask(question(f)) else { return .control(.quit) }
            if let control = keys.control(input) {
                switch control {
                case .back where i > 0:
                    i -= 1
                    while i > 0, !validator.isRelevant(fields[i].relevant, data: answers, today: today) { i -= 1 }
                    answers[fields[i].id] = nil
                    continue
                case .skip, .quit, .back, .action:
                    return .control(control)
                default:
                    onControl(control)
                    continue
                }
            }
            // Several numbers on one line fill consecutive number fields.
            let tokens = input.split(separator: " ").map(String.init)
            if tokens.count > 1, isNumber(f),
                tokens.allSatisfy({ Double($0.replacingOccurrences(of: ",", with: ".")) != nil })
            {
                var k = i
                tokens: for token in tokens {
                    guard k < fields.count, isNumber(fields[k]) else { break }
                    switch validator.checkAnswer(fields[k], raw: token, data: answers, today: today) {
                    case .valid(let v):
                        answers[fields[k].id] = v
                        k += 1
                    case .invalid(let problems):
                        console.say(
                            "  ✗ \(fields[k].label.text(language)): "
                                + problems.map { $0.text(language) }.joined(separator: "; "))
                        break tokens
                    }
                }
                i = k
                showTotal(answers)
                continue
            }
            switch validator.checkAnswer(f, raw: resolve(input, f), data: answers, today: today) {
            case .valid(let v):
                if !v.isNull { answers[f.id] = v }
                if isNumber(f) { showTotal(answers) }
                i += 1
            case .invalid(let problems):
                for p in problems { console.say("  ✗ \(p.text(language))") }
            }
        }
        return .answers(answers)
    }

    private func isNumber(_ f: FieldDefinition) -> Bool { [.integer, .decimal, .money].contains(f.type) }

    /// What the typed text means for a field: Enter takes the proposal; a choice by number or label.
    private func resolve(_ input: String, _ f: FieldDefinition) -> String {
        if input.isEmpty, let p = proposals[f.id] { return p.value }
        guard f.type == .choice, let list = f.choices.flatMap({ form.choiceLists[$0] }) else { return input }
        if let n = Int(input), list.choices.indices.contains(n - 1) { return list.choices[n - 1].value }
        let lower = input.lowercased()
        if let exact = list.choices.first(where: {
            $0.value.lowercased() == lower || $0.label.text(language).lowercased() == lower
        }) {
            return exact.value
        }
        let prefixed = list.choices.filter { $0.label.text(language).lowercased().hasPrefix(lower) }
        return prefixed.count == 1 ? prefixed[0].value : input
    }

    private func question(_ f: FieldDefinition) -> String {
        var q = f.label.text(language) + (f.required ? " *" : "")
        if let list = f.choices.flatMap({ form.choiceLists[$0] }), f.type == .choice {
            q +=
                " ["
                + list.choices.enumerated().map { "\($0.offset + 1) \($0.element.label.text(language))" }.joined(
                    separator: " · ") + "]"
        } else if f.type == .boolean {
            q += language == .en ? " [y/n]" : " [y/t]"
        } else if isNumber(f), let bounds = FieldBounds(f), let high = bounds.max,
            !f.label.id.contains(Value.format(number: high))
        {
            q += " [\(bounds.min.map { Value.format(number: $0) } ?? "")–\(Value.format(number: high))]"
        }
        if let p = proposals[f.id] {
            q += language == .en ? " (Enter: proposal, \(p.label))" : " (Enter: usulan, \(p.label))"
        } else if !f.required {
            q += language == .en ? " (Enter: leave empty)" : " (Enter: kosong)"
        }
        return q + ": "
    }

    /// `Σ Jumlah skor (0–100): 35 dari 100`, the calculated fields with what is answered so far (the
    /// rest counted as 0), beside what they would be at every field's maximum.
    private func showTotal(_ answers: [String: Value]) {
        let calculated = form.items.compactMap { item -> FieldDefinition? in
            if case .field(let f) = item, f.calculate != nil { return f }
            return nil
        }
        guard !calculated.isEmpty else { return }
        let validator = FormValidator(form)
        var partial = answers
        var full: [String: Value] = [:]
        var maxKnown = true
        for f in askable where isNumber(f) {
            if partial[f.id] == nil { partial[f.id] = .number(0) }
            if let high = FieldBounds(f)?.max { full[f.id] = .number(high) } else { maxKnown = false }
        }
        let now = validator.validate(partial, filler: .rater, today: today).data
        let best = maxKnown ? validator.validate(full, filler: .rater, today: today).data : [:]
        for f in calculated {
            guard let value = now[f.id] else { continue }
            let of = best[f.id].map { language == .en ? " of \($0.displayText)" : " dari \($0.displayText)" } ?? ""
            console.say("  Σ \(f.label.text(language)): \(value.displayText)\(of)")
        }
    }
}

/// The bounds a number field's constraints set (`. >= 0 and . <= 20`), read from the expression.
struct FieldBounds {
    var min: Double?
    var max: Double?

    init?(_ f: FieldDefinition) {
        for c in f.constraints { scan(c.test.root) }
        if min == nil && max == nil { return nil }
    }

    private mutating func scan(_ e: Expr) {
        switch e {
        case .binary("and", let a, let b, _):
            scan(a)
            scan(b)
        case .binary(let op, .current, .literal(.number(let n), _), _):
            if op == "<=" {
                max = n
            } else if op == "<" {
                max = n - 1
            } else if op == ">=" {
                min = n
            } else if op == ">" {
                min = n + 1
            }
        case .binary(let op, .literal(.number(let n), _), .current, _):
            if op == ">=" {
                max = n
            } else if op == ">" {
                max = n - 1
            } else if op == "<=" {
                min = n
            } else if op == "<" {
                min = n + 1
            }
        default:
            return
        }
    }
}
