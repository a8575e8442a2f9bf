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
        ([id] + (en.map { [$0] } ?? [])).flatMap { text in
            Self.placeholders(text).compactMap { try? Expression(String(text[$0.inside])) }
        }
    }

    static func fill(_ text: String, _ context: EvaluationContext) -> String {
        var out = ""
        var done = text.startIndex
        for p in placeholders(text) {
            out += text[done..<p.whole.lowerBound]
            if let expression = try? Expression(String(text[p.inside])),
                let value = try? Evaluator.evaluate(expression, in: context)
            {
                out += value.displayText
            } else {
                out += text[p.whole]
            }
            done = p.whole.upperBound
        }
        return out + text[done...]
    }

    /// Each `{…}` of a text, with and without its braces. The braces are ASCII, so they are found in
    /// the UTF-8 without breaking the text into characters: every workflow a command loads has its
    /// guards' messages scanned, and walking them by character was a tenth of loading one.
    static func placeholders(_ text: String) -> [(whole: Range<String.Index>, inside: Range<String.Index>)] {
        let u = text.utf8
        var out: [(whole: Range<String.Index>, inside: Range<String.Index>)] = []
        var from = u.startIndex
        while let open = u[from...].firstIndex(of: UInt8(ascii: "{")),
            let close = u[open...].firstIndex(of: UInt8(ascii: "}"))
        {
            let end = u.index(after: close)
            out.append((open..<end, u.index(after: open)..<close))
            from = end
        }
        return out
    }
}
