/// A rule's message may name the values that broke it. In a constraint's or guard's message,
/// `{expression}` is replaced, when the rule fails, by that expression's value in the rule's own context
/// (`.`, the form's fields, a workflow's `vars`, …): "43 × Rp3.625.930 = {rupiah(jumlah_peserta *
/// biaya_per_peserta)}, bukan {rupiah(.)}". A written figure that disagrees with a computed one is then
/// reported with both, never silently rounded. A placeholder that is not an expression or cannot be
/// evaluated is left as written, so a message that quotes a pattern (`[0-9]{6,20}`) reads as before.
extension LocalizedText {
    public func filled(in context: EvaluationContext) -> LocalizedText {
        guard id.contains("{") || en?.contains("{") == true else { return self }
        return LocalizedText(id: Self.fill(id, context), en: en.map { Self.fill($0, context) })
    }

    /// The placeholders that are expressions, in both languages: `seleksi check` checks their names as
    /// it checks the rule's own test, so a misspelt one is reported, not printed as written.
    public var placeholderExpressions: [Expression] {
        ([id] + (en.map { [$0] } ?? [])).flatMap { text -> [Expression] in
            var found: [Expression] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                if let e = try? Expression(String(rest[rest.index(after: open)..<close])) { found.append(e) }
                rest = rest[rest.index(after: close)...]
            }
            return found
        }
    }

    static func fill(_ text: String, _ context: EvaluationContext) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let source = String(rest[rest.index(after: open)..<close])
            if let expression = try? Expression(source), let value = try? Evaluator.evaluate(expression, in: context) {
                out += value.displayText
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
