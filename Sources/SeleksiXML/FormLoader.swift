import SeleksiCore

/// Reads a form definition (`forms/*.xml`): safe parse, schema, then the model with parsed expressions.
public enum FormLoader {
    /// `validateSchema: false` only for bytes validated before and found by their content hash.
    public static func load(_ bytes: [UInt8], file: String, validateSchema: Bool = true) throws -> FormDefinition {
        try SafeXMLParser.withValidatedRoot(bytes, file: file, schema: .form, rootName: "form",
                                            validateSchema: validateSchema) { root in
            var b = DefinitionBuilder(file: file)
            return try b.finish(build(root, &b))
        }
    }

    /// For `seleksi check`: the model even when the file breaks the schema (but is well-formed XML),
    /// with every diagnostic.
    public static func loadForCheck(_ bytes: [UInt8], file: String) -> (FormDefinition?, [Diagnostic]) {
        SafeXMLParser.checkRoot(bytes, file: file, schema: .form, rootName: "form") { root in
            var b = DefinitionBuilder(file: file)
            let f = build(root, &b)
            return (f, b.diagnostics)
        }
    }

    static func build(_ root: XMLElement, _ b: inout DefinitionBuilder) -> FormDefinition {
        var lists: [String: ChoiceList] = [:]
        for c in root.children("choices") {
            let id = c["id"] ?? ""
            if lists[id] != nil { b.error(c.line, id: "daftar pilihan '\(id)' tertulis dua kali", en: "duplicate choice list '\(id)'") }
            lists[id] = ChoiceList(id: id, choices: c.children("choice").map {
                ChoiceList.Choice(value: $0["value"] ?? "", label: b.text($0.children("label"), fallback: $0["value"] ?? ""))
            })
        }
        var items: [FormItem] = []
        for e in root.children {
            switch e.name {
            case "field": items.append(.field(field(e, &b)))
            case "repeat":
                items.append(.repeatGroup(RepeatGroup(
                    id: e["id"] ?? "", label: b.text(e.children("label"), fallback: e["id"] ?? ""),
                    minRows: Int(e["min"] ?? "0") ?? 0, maxRows: e["max"].flatMap { Int($0) },
                    fields: e.children("field").map { field($0, &b) },
                    relevant: b.expression(e["relevant"], line: e.line, what: ("relevansi ulangan '\(e["id"] ?? "")'", "relevant of repeat '\(e["id"] ?? "")'")),
                    line: e.line)))
            default: continue
            }
        }
        return FormDefinition(id: root["id"] ?? "", version: root["version"] ?? "1",
                              title: b.text(root.children("title"), fallback: root["id"] ?? ""),
                              items: items, choiceLists: lists, file: b.file, independentRatings: root["rating"] == "independent")
    }

    private static func field(_ e: XMLElement, _ b: inout DefinitionBuilder) -> FieldDefinition {
        let id = e["id"] ?? ""
        let constraints = e.children("constraint").compactMap { c -> FieldConstraint? in
            guard let test = b.expression(c["test"], line: c.line, what: ("batasan kolom '\(id)'", "constraint of field '\(id)'")) else { return nil }
            return FieldConstraint(test: test, message: b.text(c.children("message"), fallback: "tidak sah"), line: c.line)
        }
        let hints = e.children("hint")
        return FieldDefinition(
            id: id, type: FieldType(rawValue: e["type"] ?? "") ?? .text,
            label: b.text(e.children("label"), fallback: id),
            hint: hints.isEmpty ? nil : b.text(hints, fallback: ""),
            required: b.flag(e["required"]), constraints: constraints,
            relevant: b.expression(e["relevant"], line: e.line, what: ("relevansi kolom '\(id)'", "relevant of field '\(id)'")),
            calculate: b.expression(e["calculate"], line: e.line, what: ("perhitungan kolom '\(id)'", "calculate of field '\(id)'")),
            readOnly: b.flag(e["readonly"]), filledBy: e["filled-by"] == "rater" ? .rater : .applicant,
            choices: e["choices"], personal: b.flag(e["personal"]), line: e.line)
    }
}
