/// Validation, step one: every supplied answer read into its type; unknown fields named.
extension FormValidator {
    func unknownFields(_ input: [String: Value]) -> [Violation] {
        // Nearly every submission names only known fields: the list of names is made for a message only.
        let known = Set(form.items.map(\.id))
        guard !input.keys.allSatisfy(known.contains) else { return [] }
        let names = form.items.map(\.id).joined(separator: ", ")
        return input.keys.sorted().filter { !known.contains($0) }.map {
            Violation(
                path: $0,
                message: LocalizedText(
                    id: "kolom tidak dikenal di formulir \(form.id); kolom yang ada: \(names)",
                    en: "unknown field in form \(form.id); fields are: \(names)"))
        }
    }

    func readAll(
        _ input: [String: Value], filler: Filler, today: CivilDate, resolve: FieldCoercion.AttachmentResolver?,
        into violations: inout [Violation]
    ) -> [String: Value] {
        var data: [String: Value] = [:]
        for item in form.items {
            switch item {
            case .field(let f):
                if let v = read(
                    f, input[f.id], path: f.id, filler: filler, today: today, resolve: resolve, into: &violations)
                {
                    data[f.id] = v
                }
            case .repeatGroup(let g):
                guard let raw = input[g.id], !raw.isNull else { continue }
                guard case .list(let rows) = raw else {
                    violations.append(
                        Violation(
                            path: g.id,
                            message: LocalizedText(id: "harus berupa daftar baris", en: "must be a list of rows")))
                    continue
                }
                let known = Set(g.fields.map(\.id))
                data[g.id] = .list(
                    rows.enumerated().compactMap { i, row in
                        readRow(
                            g, known: known, row, path: "\(g.id)[\(i + 1)]", filler: filler, today: today,
                            resolve: resolve, into: &violations)
                    })
            }
        }
        return data
    }

    private func readRow(
        _ g: RepeatGroup, known: Set<String>, _ row: Value, path: String, filler: Filler, today: CivilDate,
        resolve: FieldCoercion.AttachmentResolver?, into violations: inout [Violation]
    ) -> Value? {
        guard case .record(let cells) = row else {
            violations.append(
                Violation(
                    path: path,
                    message: LocalizedText(
                        id: "baris harus berisi kolom-kolom", en: "a row must be an object of fields")))
            return nil
        }
        let names = cells.keys.allSatisfy(known.contains) ? "" : g.fields.map(\.id).joined(separator: ", ")
        for key in cells.keys.sorted() where !known.contains(key) {
            violations.append(
                Violation(
                    path: "\(path).\(key)",
                    message: LocalizedText(
                        id: "kolom tidak dikenal; kolom yang ada: \(names)", en: "unknown field; fields are: \(names)"))
            )
        }
        var record: [String: Value] = [:]
        for f in g.fields {
            if let v = read(
                f, cells[f.id], path: path + "." + f.id, filler: filler, today: today, resolve: resolve,
                into: &violations)
            {
                record[f.id] = v
            }
        }
        return .record(record)
    }

    /// `path` is made only when a violation names it (most answers have none).
    private func read(
        _ f: FieldDefinition, _ raw: Value?, path: @autoclosure () -> String, filler: Filler, today: CivilDate,
        resolve: FieldCoercion.AttachmentResolver?, into violations: inout [Violation]
    ) -> Value? {
        guard let raw, !raw.isEmpty else { return nil }
        if f.readOnly {
            if f.calculate == nil {
                violations.append(
                    Violation(
                        path: path(),
                        message: LocalizedText(
                            id: "kolom ini hanya-baca dan tidak boleh diisi", en: "this field is read-only")))
            }
            return nil
        }
        if f.filledBy == .rater && filler == .applicant {
            violations.append(
                Violation(
                    path: path(),
                    message: LocalizedText(
                        id: "kolom ini diisi penilai, bukan pelamar",
                        en: "this field is filled by a rater, not the applicant")))
            return nil
        }
        switch FieldCoercion.coerce(
            raw, as: f, choices: f.choices.flatMap { form.choiceLists[$0] }, today: today, resolveAttachment: resolve)
        {
        case .success(let v): return v.isNull ? nil : v
        case .failure(let message):
            violations.append(Violation(path: path(), message: message))
            return nil
        }
    }
}
