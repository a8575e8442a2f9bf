/// Choices are stored by their code (`paud`) but may be given by their label (`Pendidik PAUD`), in
/// any case and with stray spaces, in either language: people copy what they see on the form.
extension FieldCoercion {
    static func choice(_ text: String, list: ChoiceList?) -> Result<Value, LocalizedText> {
        guard let list else { return .success(.string(text)) }
        return match(text, in: list).map(Value.string)
    }

    /// A multiple choice: a JSON list, or text with codes or labels separated by commas. Repeats are
    /// dropped; the order given is kept.
    static func multipleChoice(_ raw: Value, text: String, list: ChoiceList?) -> Result<Value, LocalizedText> {
        var picked: [String]
        if case .list(let items) = raw {
            picked = items.map { $0.displayText.trimmingSpaces }
        } else if let list, case .success(let whole) = match(text, in: list) {
            picked = [whole]  // a label that itself contains a comma
        } else {
            picked = text.split(separator: ",").map { String($0).trimmingSpaces }
        }
        picked.removeAll(where: \.isEmpty)
        if let list {
            var codes: [String] = []
            for item in picked {
                switch match(item, in: list) {
                case .success(let code): if !codes.contains(code) { codes.append(code) }
                case .failure(let message): return .failure(message)
                }
            }
            picked = codes
        }
        return .success(.list(picked.map(Value.string)))
    }

    /// The code of the choice `text` names: its exact code first, then its code or label ignoring case
    /// and spacing. A text naming two different choices is refused as ambiguous.
    public static func match(_ text: String, in list: ChoiceList) -> Result<String, LocalizedText> {
        if list.choices.contains(where: { $0.value == text }) { return .success(text) }
        let key = folded(text)
        let byCode = list.choices.filter { folded($0.value) == key }
        let byLabel = list.choices.filter { folded($0.label.id) == key || $0.label.en.map(folded) == key }
        let found = byCode.isEmpty ? byLabel : byCode
        let codes = found.map(\.value).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if codes.count == 1 { return .success(codes[0]) }
        let valid = list.choices.map { "\($0.value) (\($0.label.id))" }.joined(separator: ", ")
        let validEN = list.choices.map { "\($0.value) (\($0.label.text(.en)))" }.joined(separator: ", ")
        if codes.count > 1 {
            return .failure(
                LocalizedText(
                    id: "'\(text)' cocok dengan beberapa pilihan (\(codes.joined(separator: ", "))); tulis kodenya",
                    en: "'\(text)' matches several choices (\(codes.joined(separator: ", "))); write the code"))
        }
        return .failure(
            LocalizedText(
                id: "'\(text)' bukan pilihan yang sah; pilih kode atau label salah satu dari: \(valid)",
                en: "'\(text)' is not a valid choice; give the code or label of one of: \(validEN)"))
    }

    /// Lower case, with runs of white space made one space and the ends trimmed.
    static func folded(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
