import SeleksiCore

/// Mending a violation: the field its path names is asked again, with the message.
extension FormPrompter {
    mutating func mend(_ violation: Violation) throws {
        guard let path = FieldPath(violation.path, in: form), isEditable(path) else {
            throw FillStop.unfixable([violation])
        }
        io.say("  ✗ \(violation.path): \(violation.message.text(io.language))")
        switch path {
        case .field, .cell:
            try reask(path, for: violation)
        case .row(let g, let index):
            try reaskRow(g, index)
        case .group(let g):
            // Too few or too many rows: the group is filled again.
            sheet.clearGroup(g)
            if case .repeatGroup(let group)? = form.items.first(where: { $0.id == g }) { try fillGroup(group) }
        }
    }

    /// Whether a path names something the user can answer: an answerable field, or a group or row that exists.
    func isEditable(_ path: FieldPath) -> Bool {
        switch path {
        case .field, .cell: return field(at: path).map { form.isAnswerable($0, filler) } ?? false
        case .group: return true
        case .row(let g, let index): return sheet.rows(g).indices.contains(index - 1)
        }
    }

    func field(at path: FieldPath) -> FieldDefinition? {
        switch path {
        case .field(let id):
            if case .field(let f)? = form.items.first(where: { $0.id == id }) { return f }
        case .cell(let g, let index, let id):
            guard sheet.rows(g).indices.contains(index - 1),
                case .repeatGroup(let group)? = form.items.first(where: { $0.id == g })
            else { return nil }
            return group.fields.first { $0.id == id }
        case .group, .row:
            break
        }
        return nil
    }

    /// Asks the field at fault again. If the user keeps its answer, the fault may lie in another field
    /// the failed check reads (the birth date rather than the NIK): those are asked again too.
    private mutating func reask(_ path: FieldPath, for violation: Violation) throws {
        guard let f = field(at: path) else { return }
        let before = sheet.value(path)
        let after = try ask(f, at: path, current: before)
        sheet.answer(after, at: path)
        guard after == before, before != nil else { return }
        for other in partners(of: f, at: path, failing: violation) {
            guard let g = field(at: other) else { continue }
            sheet.answer(try ask(g, at: other, current: sheet.value(other)), at: other)
        }
    }

    mutating func reaskRow(_ group: String, _ index: Int) throws {
        guard case .repeatGroup(let g)? = form.items.first(where: { $0.id == group }) else { return }
        for f in g.fields
        where form.isAnswerable(f, filler)
            && validator.isRelevant(f.relevant, data: sheet.data, row: sheet.row(group, index), today: today)
        {
            let path = FieldPath.cell(group: group, index: index, field: f.id)
            sheet.answer(try ask(f, at: path, current: sheet.value(path)), at: path)
        }
    }

    /// The other fields, already answered, read by the constraint that failed (by its message; all of the
    /// field's constraints when none matches, e.g. after a failed expression).
    private func partners(of f: FieldDefinition, at path: FieldPath, failing violation: Violation) -> [FieldPath] {
        let failed = f.constraints.filter { $0.message == violation.message }
        var out: [FieldPath] = []
        for c in failed.isEmpty ? f.constraints : failed {
            for name in c.test.paths.map({ $0.path[0] }) {
                var candidate = FieldPath.field(name)
                if case .cell(let g, let index, _) = path, let row = form.items.first(where: { $0.id == g }),
                    case .repeatGroup(let group) = row, group.fields.contains(where: { $0.id == name })
                {
                    candidate = .cell(group: g, index: index, field: name)
                }
                guard candidate != path, !out.contains(candidate), sheet.settled.contains(candidate),
                    isEditable(candidate)
                else { continue }
                out.append(candidate)
            }
        }
        return out
    }
}
