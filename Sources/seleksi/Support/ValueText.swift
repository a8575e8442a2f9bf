import SeleksiCore
import SeleksiEngine

/// A value as people write it, by the type of its field: dates `31 Juli 1990`, amounts `Rp1.500.000`,
/// choices by their label, yes/no in words, attachments by name, size and hash.
enum ValueText {
    static func text(_ value: Value, field: FieldDefinition?, form: FormDefinition?, language: Language) -> String {
        guard let field else { return plain(value, language: language) }
        switch (field.type, value) {
        case (.date, _):
            return date(value).map(IndonesianFormat.date) ?? plain(value, language: language)
        case (.money, .number(let n)):
            return IndonesianFormat.rupiah(Int64(n.rounded()))
        case (.choice, .string(let s)):
            return choiceLabel(s, field: field, form: form, language: language)
        case (.multipleChoice, .list(let items)):
            return items.map { item in
                if case .string(let s) = item { return choiceLabel(s, field: field, form: form, language: language) }
                return item.displayText
            }.joined(separator: ", ")
        case (.attachment, .record(let r)):
            let size = r["size"].flatMap { v -> Int? in if case .number(let n) = v { return Int(n) } else { return nil }
            }
            let hash = r["sha256"]?.displayText ?? ""
            return "\(r["path"]?.displayText ?? "?")" + (size.map { ", \(ByteCount.text($0))" } ?? "")
                + (hash.isEmpty ? "" : ", sha256 \(hash.prefix(12))…")
        default:
            return plain(value, language: language)
        }
    }

    /// A value with no field to say its type: booleans in words, ISO dates as dates, lists joined.
    static func plain(_ value: Value, language: Language) -> String {
        switch value {
        case .bool(let b): return b ? (language == .en ? "yes" : "ya") : (language == .en ? "no" : "tidak")
        case .date(let d): return IndonesianFormat.date(d)
        case .string(let s): return CivilDate(iso: s).map(IndonesianFormat.date) ?? s
        case .list(let items): return items.map { plain($0, language: language) }.joined(separator: ", ")
        default: return value.displayText
        }
    }

    static func date(_ value: Value) -> CivilDate? {
        switch value {
        case .date(let d): return d
        case .string(let s): return CivilDate(iso: s)
        default: return nil
        }
    }

    /// `Memenuhi syarat` for `memenuhi`; the value itself when the list does not know it.
    static func choiceLabel(
        _ value: String, field: FieldDefinition, form: FormDefinition?, language: Language
    ) -> String {
        guard let list = field.choices.flatMap({ form?.choiceLists[$0] }),
            let choice = list.choices.first(where: { $0.value == value })
        else {
            return value
        }
        return choice.label.text(language)
    }
}
