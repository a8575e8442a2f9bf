/// Validation, step two, in document order: calculations, relevance, required answers, row counts and
/// constraints. With `settled` (a form still being filled), only what the answers so far decide.
struct FormCheckPass {
    let form: FormDefinition
    let reference: ReferenceTables
    let today: CivilDate
    let filler: Filler
    let settled: SettledFields?
    /// Answers that could not be read have said so already: they are not reported again as missing.
    let unreadable: Set<String>
    var violations: [Violation] = []

    mutating func run(_ input: [String: Value]) -> [String: Value] {
        var data = input
        for item in form.items {
            switch item {
            case .field(let f): data[f.id] = check(f, path: .field(f.id), scopes: [data], row: nil)
            case .repeatGroup(let g): data[g.id] = checkGroup(g, data: data)
            }
        }
        return data
    }

    /// The field's value once relevance and calculation have had their say; nil when it has none.
    private mutating func check(
        _ f: FieldDefinition, path: FieldPath, scopes: [[String: Value]], row: RowScope?
    ) -> Value? {
        let value = scopes.last?[f.id]
        var ctx = EvaluationContext(scopes: scopes, today: today, reference: reference)
        if let relevant = f.relevant {
            guard isDecided(relevant, row) else { return value }
            if !evaluateBool(relevant, ctx, path: path) { return nil }
        }
        if let calc = f.calculate {
            // A computed field's constraints hold over what it computes (a rule over a set: "an odd
            // number of members", "at least two thirds women"), checked once the calculation is decided.
            let computed = calculate(calc, ctx, path: path, row: row)
            guard let computed, isDecided(calc, row) else { return computed }
            ctx.current = computed
            for c in f.constraints where isDecided(c.test, row) && !evaluateBool(c.test, ctx, path: path) {
                violations.append(Violation(path: path.description, message: c.message))
            }
            return computed
        }
        guard isSettled(path) else { return value }
        guard let value, !value.isEmpty else {
            if f.required, f.filledBy == .applicant || filler == .rater, !unreadable.contains(path.description) {
                violations.append(
                    Violation(
                        path: path.description,
                        message: LocalizedText(
                            id: "wajib diisi (\(f.label.id))", en: "required (\(f.label.text(.en)))")))
            }
            return nil
        }
        ctx.current = value
        for c in f.constraints where isDecided(c.test, row) && !evaluateBool(c.test, ctx, path: path) {
            violations.append(Violation(path: path.description, message: c.message))
        }
        return value
    }

    private mutating func calculate(
        _ calc: Expression, _ ctx: EvaluationContext, path: FieldPath, row: RowScope?
    ) -> Value? {
        do {
            let v = try Evaluator.evaluate(calc, in: ctx)
            return v.isNull ? nil : v
        } catch {
            if isDecided(calc, row) {
                violations.append(
                    Violation(
                        path: path.description,
                        message: LocalizedText(
                            id: "perhitungan gagal: \(error)", en: "calculation failed: \(error)")))
            }
            return nil
        }
    }

    private mutating func checkGroup(_ g: RepeatGroup, data: [String: Value]) -> Value? {
        if let relevant = g.relevant {
            guard isDecided(relevant, nil) else { return data[g.id] }
            let ctx = EvaluationContext(scopes: [data], today: today, reference: reference)
            if !evaluateBool(relevant, ctx, path: .group(g.id)) { return nil }
        }
        guard case .list(let rows)? = data[g.id] else {
            if g.minRows > 0, isSettled(.group(g.id)), !unreadable.contains(g.id) {
                violations.append(
                    Violation(
                        path: g.id,
                        message: LocalizedText(
                            id: "wajib diisi paling sedikit \(g.minRows) baris (\(g.label.id))",
                            en: "at least \(g.minRows) row(s) required (\(g.label.text(.en)))")))
            }
            return data[g.id]
        }
        if isSettled(.group(g.id)) { checkRowCount(g, rows.count) }
        var out: [Value] = []
        for (i, row) in rows.enumerated() {
            guard case .record(var cells) = row else { continue }
            let scope = RowScope(group: g, index: i + 1)
            for f in g.fields {
                cells[f.id] = check(
                    f, path: .cell(group: g.id, index: i + 1, field: f.id), scopes: [data, cells], row: scope)
            }
            out.append(.record(cells))
        }
        return .list(out)
    }

    private mutating func checkRowCount(_ g: RepeatGroup, _ count: Int) {
        guard count < g.minRows || count > (g.maxRows ?? Int.max) else { return }
        let range = g.maxRows.map { "\(g.minRows)–\($0)" }
        violations.append(
            Violation(
                path: g.id,
                message: LocalizedText(
                    id: "jumlah baris \(count); yang sah: \(range ?? "paling sedikit \(g.minRows)")",
                    en: "\(count) rows; allowed: \(range ?? "at least \(g.minRows)")")))
    }

    private func isSettled(_ path: FieldPath) -> Bool { settled?.contains(path) ?? true }

    private func isDecided(_ e: Expression, _ row: RowScope?) -> Bool {
        guard let settled else { return true }
        return form.isDecided(e, settled: settled, row: row, filler: filler)
    }

    private mutating func evaluateBool(_ e: Expression, _ ctx: EvaluationContext, path: FieldPath) -> Bool {
        do { return Evaluator.truthy(try Evaluator.evaluate(e, in: ctx)) } catch {
            violations.append(
                Violation(
                    path: path.description,
                    message: LocalizedText(
                        id: "ungkapan '\(e.source)' gagal: \(error)", en: "expression '\(e.source)' failed: \(error)")))
            return false
        }
    }
}
