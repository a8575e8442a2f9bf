/// The verdict on one answer typed at a prompt.
public enum AnswerCheck: Sendable {
    case valid(Value)
    case invalid([LocalizedText])
}

extension FormValidator {
    /// Checks one answer as a terminal prompt receives it: its type, then its constraints against the
    /// answers given so far (`data`, and `row` inside a repeat). With `settled`, a constraint that reads
    /// a field not yet answered waits (it is decided when the form, row or group is complete).
    public func checkAnswer(
        _ field: FieldDefinition, raw: String, data: [String: Value], row: [String: Value]? = nil,
        rowScope: RowScope? = nil, settled: SettledFields? = nil, filler: Filler = .applicant,
        today: CivilDate, resolveAttachment: FieldCoercion.AttachmentResolver? = nil
    ) -> AnswerCheck {
        let choices = field.choices.flatMap { form.choiceLists[$0] }
        let value: Value
        switch FieldCoercion.coerce(
            .string(raw), as: field, choices: choices, today: today, resolveAttachment: resolveAttachment)
        {
        case .success(let v): value = v
        case .failure(let message): return .invalid([message])
        }
        if value.isNull {
            return field.required ? .invalid([LocalizedText(id: "wajib diisi", en: "required")]) : .valid(.null)
        }
        let ctx = EvaluationContext(
            scopes: [data] + (row.map { [$0] } ?? []), current: value, today: today, reference: reference)
        var problems: [LocalizedText] = []
        for c in field.constraints {
            if let settled, !form.isDecided(c.test, settled: settled, row: rowScope, filler: filler) { continue }
            do {
                if !Evaluator.truthy(try Evaluator.evaluate(c.test, in: ctx)) { problems.append(c.message.filled(in: ctx)) }
            } catch {
                problems.append(
                    LocalizedText(
                        id: "\(c.message.id) (ungkapan gagal: \(error))",
                        en: "\(c.message.text(.en)) (expression failed: \(error))"))
            }
        }
        return problems.isEmpty ? .valid(value) : .invalid(problems)
    }

    /// Whether a field is shown, given the answers so far.
    public func isRelevant(
        _ relevant: Expression?, data: [String: Value], row: [String: Value]? = nil, today: CivilDate
    ) -> Bool {
        guard let relevant else { return true }
        let ctx = EvaluationContext(scopes: [data] + (row.map { [$0] } ?? []), today: today, reference: reference)
        return (try? Evaluator.evaluate(relevant, in: ctx)).map(Evaluator.truthy) ?? false
    }
}
