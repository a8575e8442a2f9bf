/// One thing wrong with a submission: the field's path (`pendidikan[2].tahun_lulus`) and the message.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let message: LocalizedText

    public init(path: String, message: LocalizedText) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message.id)" }
}

/// Validates raw answers against a form: types, calculations, relevance, required, row counts,
/// constraints. Returns every violation at once, so that a user fixes the whole file in one go.
public struct FormValidator: Sendable {
    public let form: FormDefinition
    /// Seed tables for `lookup()` in constraints and calculations.
    public let reference: ReferenceTables

    public init(_ form: FormDefinition, reference: ReferenceTables = ReferenceTables()) {
        self.form = form
        self.reference = reference
    }

    public struct Outcome: Sendable {
        /// Canonical data: only relevant, filled fields; repeats as lists of records.
        public let data: [String: Value]
        public let violations: [Violation]
        public var isValid: Bool { violations.isEmpty }
    }

    public func validate(_ input: [String: Value], filler: Filler = .applicant, today: CivilDate,
                         resolveAttachment: FieldCoercion.AttachmentResolver? = nil) -> Outcome {
        var violations: [Violation] = []
        var data: [String: Value] = [:]
        let known = Set(form.items.map(\.id))
        for key in input.keys.sorted() where !known.contains(key) {
            violations.append(Violation(path: key, message: LocalizedText(
                id: "kolom tidak dikenal di formulir \(form.id); kolom yang ada: \(form.items.map(\.id).joined(separator: ", "))",
                en: "unknown field in form \(form.id); fields are: \(form.items.map(\.id).joined(separator: ", "))")))
        }

        // 1. Types: read every supplied answer.
        for item in form.items {
            switch item {
            case .field(let f):
                if let v = read(f, input[f.id], path: f.id, filler: filler, resolve: resolveAttachment, into: &violations) { data[f.id] = v }
            case .repeatGroup(let g):
                guard let raw = input[g.id], !raw.isNull else { continue }
                guard case .list(let rows) = raw else {
                    violations.append(Violation(path: g.id, message: LocalizedText(id: "harus berupa daftar baris", en: "must be a list of rows")))
                    continue
                }
                var out: [Value] = []
                for (i, row) in rows.enumerated() {
                    let rowPath = "\(g.id)[\(i + 1)]"
                    guard case .record(let cells) = row else {
                        violations.append(Violation(path: rowPath, message: LocalizedText(id: "baris harus berisi kolom-kolom", en: "a row must be an object of fields")))
                        continue
                    }
                    let rowKnown = Set(g.fields.map(\.id))
                    for key in cells.keys.sorted() where !rowKnown.contains(key) {
                        violations.append(Violation(path: "\(rowPath).\(key)", message: LocalizedText(
                            id: "kolom tidak dikenal; kolom yang ada: \(g.fields.map(\.id).joined(separator: ", "))",
                            en: "unknown field; fields are: \(g.fields.map(\.id).joined(separator: ", "))")))
                    }
                    var record: [String: Value] = [:]
                    for f in g.fields {
                        if let v = read(f, cells[f.id], path: "\(rowPath).\(f.id)", filler: filler, resolve: resolveAttachment, into: &violations) { record[f.id] = v }
                    }
                    out.append(.record(record))
                }
                data[g.id] = .list(out)
            }
        }

        // 2. Calculations, relevance, required, constraints, in document order. A field whose answer
        // could not be read has said so already: it is not reported again as missing.
        let unreadable = Set(violations.map(\.path))
        var result = data
        for item in form.items {
            switch item {
            case .field(let f):
                checkTop(f, data: &result, violations: &violations, today: today, filler: filler, unreadable: unreadable)
            case .repeatGroup(let g):
                let ctx = EvaluationContext(scopes: [result], today: today, reference: reference)
                if let rel = g.relevant, !evaluateBool(rel, ctx, path: g.id, into: &violations) {
                    result[g.id] = nil
                    continue
                }
                guard case .list(let rows)? = result[g.id] else {
                    if g.minRows > 0 {
                        violations.append(Violation(path: g.id, message: LocalizedText(
                            id: "wajib diisi paling sedikit \(g.minRows) baris (\(g.label.id))", en: "at least \(g.minRows) row(s) required (\(g.label.text(.en)))")))
                    }
                    continue
                }
                if rows.count < g.minRows || rows.count > (g.maxRows ?? Int.max) {
                    let range = g.maxRows.map { "\(g.minRows)–\($0)" } ?? "paling sedikit \(g.minRows)"
                    violations.append(Violation(path: g.id, message: LocalizedText(
                        id: "jumlah baris \(rows.count); yang sah: \(range)", en: "\(rows.count) rows; allowed: \(g.maxRows.map { "\(g.minRows)–\($0)" } ?? "at least \(g.minRows)")")))
                }
                var newRows: [Value] = []
                for (i, row) in rows.enumerated() {
                    guard case .record(var cells) = row else { continue }
                    for f in g.fields {
                        checkRow(f, path: "\(g.id)[\(i + 1)].\(f.id)", row: &cells, data: result, violations: &violations, today: today, filler: filler, unreadable: unreadable)
                    }
                    newRows.append(.record(cells))
                }
                result[g.id] = .list(newRows)
            }
        }
        return Outcome(data: result, violations: violations)
    }

    private func read(_ f: FieldDefinition, _ raw: Value?, path: String, filler: Filler,
                      resolve: FieldCoercion.AttachmentResolver?, into violations: inout [Violation]) -> Value? {
        guard let raw, !raw.isEmpty else { return nil }
        if f.readOnly {
            if f.calculate == nil {
                violations.append(Violation(path: path, message: LocalizedText(id: "kolom ini hanya-baca dan tidak boleh diisi", en: "this field is read-only")))
            }
            return nil
        }
        if f.filledBy == .rater && filler == .applicant {
            violations.append(Violation(path: path, message: LocalizedText(id: "kolom ini diisi penilai, bukan pelamar", en: "this field is filled by a rater, not the applicant")))
            return nil
        }
        switch FieldCoercion.coerce(raw, as: f, choices: f.choices.flatMap { form.choiceLists[$0] }, resolveAttachment: resolve) {
        case .success(let v): return v.isNull ? nil : v
        case .failure(let message):
            violations.append(Violation(path: path, message: message))
            return nil
        }
    }

    /// A top-level field: it sees the form's data.
    private func checkTop(_ f: FieldDefinition, data: inout [String: Value], violations: inout [Violation], today: CivilDate, filler: Filler, unreadable: Set<String>) {
        let snapshot = data
        var value = data[f.id]
        checkField(f, path: f.id, scopes: [snapshot], get: { value }, set: { value = $0 }, violations: &violations, today: today, filler: filler, unreadable: unreadable)
        data[f.id] = value
    }

    /// A field in a repeat row: its row's fields shadow the form's.
    private func checkRow(_ f: FieldDefinition, path: String, row: inout [String: Value], data: [String: Value],
                          violations: inout [Violation], today: CivilDate, filler: Filler, unreadable: Set<String>) {
        let snapshot = row
        var value = row[f.id]
        checkField(f, path: path, scopes: [data, snapshot], get: { value }, set: { value = $0 }, violations: &violations, today: today, filler: filler, unreadable: unreadable)
        row[f.id] = value
    }

    private func checkField(_ f: FieldDefinition, path: String, scopes: [[String: Value]], get: () -> Value?, set: (Value?) -> Void,
                            violations: inout [Violation], today: CivilDate, filler: Filler, unreadable: Set<String>) {
        var ctx = EvaluationContext(scopes: scopes, today: today, reference: reference)
        if let rel = f.relevant, !evaluateBool(rel, ctx, path: path, into: &violations) {
            set(nil)
            return
        }
        if let calc = f.calculate {
            do {
                let v = try Evaluator.evaluate(calc, in: ctx)
                set(v.isNull ? nil : v)
            } catch {
                violations.append(Violation(path: path, message: LocalizedText(id: "perhitungan gagal: \(error)", en: "calculation failed: \(error)")))
            }
            return
        }
        let value = get() ?? .null
        if value.isEmpty, unreadable.contains(path) { return }
        if value.isEmpty {
            if f.required && (f.filledBy == .applicant || filler == .rater) {
                violations.append(Violation(path: path, message: LocalizedText(id: "wajib diisi (\(f.label.id))", en: "required (\(f.label.text(.en)))")))
            }
            return
        }
        ctx.current = value
        for c in f.constraints where !evaluateBool(c.test, ctx, path: path, into: &violations) {
            violations.append(Violation(path: path, message: c.message))
        }
    }

    private func evaluateBool(_ e: Expression, _ ctx: EvaluationContext, path: String, into violations: inout [Violation]) -> Bool {
        do { return Evaluator.truthy(try Evaluator.evaluate(e, in: ctx)) } catch {
            violations.append(Violation(path: path, message: LocalizedText(id: "ungkapan '\(e.source)' gagal: \(error)", en: "expression '\(e.source)' failed: \(error)")))
            return false
        }
    }
}

extension FormValidator {
    /// Checks one answer as a terminal prompt receives it: its type, then its constraints against the
    /// answers given so far (`data`, and `row` inside a repeat). Returns the canonical value or the messages.
    public func checkAnswer(_ field: FieldDefinition, raw: String, data: [String: Value], row: [String: Value]? = nil, today: CivilDate,
                            resolveAttachment: FieldCoercion.AttachmentResolver? = nil) -> AnswerCheck {
        let coerced = FieldCoercion.coerce(.string(raw), as: field, choices: field.choices.flatMap { form.choiceLists[$0] }, resolveAttachment: resolveAttachment)
        guard case .success(let value) = coerced else {
            if case .failure(let m) = coerced { return .invalid([m]) }
            return .invalid([])
        }
        if value.isNull {
            return field.required ? .invalid([LocalizedText(id: "wajib diisi", en: "required")]) : .valid(.null)
        }
        var scopes = [data]
        if let row { scopes.append(row) }
        let ctx = EvaluationContext(scopes: scopes, current: value, today: today, reference: reference)
        var problems: [LocalizedText] = []
        for c in field.constraints {
            let ok = (try? Evaluator.evaluate(c.test, in: ctx)).map(Evaluator.truthy) ?? false
            if !ok { problems.append(c.message) }
        }
        return problems.isEmpty ? .valid(value) : .invalid(problems)
    }

    /// Whether a field is shown, given the answers so far.
    public func isRelevant(_ relevant: Expression?, data: [String: Value], row: [String: Value]? = nil, today: CivilDate) -> Bool {
        guard let relevant else { return true }
        var scopes = [data]
        if let row { scopes.append(row) }
        return (try? Evaluator.evaluate(relevant, in: EvaluationContext(scopes: scopes, today: today, reference: reference))).map(Evaluator.truthy) ?? false
    }
}

/// The verdict on one answer typed at a prompt.
public enum AnswerCheck: Sendable {
    case valid(Value)
    case invalid([LocalizedText])
}
