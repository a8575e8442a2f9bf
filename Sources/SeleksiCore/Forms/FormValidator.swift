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

    /// `settled`, while a form is being filled: decide only what the answers given so far can decide
    /// (see `SettledFields`). Nil, for a finished submission: decide everything.
    public func validate(
        _ input: [String: Value], filler: Filler = .applicant, today: CivilDate,
        resolveAttachment: FieldCoercion.AttachmentResolver? = nil, settled: SettledFields? = nil
    ) -> Outcome {
        // 1. Types: read every supplied answer.
        var violations = unknownFields(input)
        let data = readAll(input, filler: filler, today: today, resolve: resolveAttachment, into: &violations)
        // 2. Calculations, relevance, required, constraints, in document order.
        var pass = FormCheckPass(
            form: form, reference: reference, today: today, filler: filler, settled: settled,
            unreadable: Set(violations.map(\.path)))
        let result = pass.run(data)
        return Outcome(data: result, violations: violations + pass.violations)
    }
}
