/// The answers already given while a form is filled one question at a time.
///
/// A check that reads another field (the NIK against the birth date) is decided only once every field
/// it reads is settled: before that, the other field is merely unanswered, and the check would refuse
/// every answer. Validation with `settled` skips such checks; validation without it decides them all.
public struct SettledFields: Sendable {
    /// `nik`; a repeat group `pengalaman` once all its rows are in; a cell `pengalaman[2].mulai`.
    public private(set) var paths: Set<String>

    public init(_ paths: Set<String> = []) { self.paths = paths }

    public func contains(_ path: FieldPath) -> Bool { paths.contains(path.description) }
    public mutating func insert(_ path: FieldPath) { paths.insert(path.description) }
    public mutating func remove(_ path: FieldPath) { paths.remove(path.description) }

    /// Forgets a group, its rows and their cells (the group is being filled again).
    public mutating func removeGroup(_ group: String) {
        paths = paths.filter { $0 != group && !$0.hasPrefix(group + "[") }
    }
}

/// A repeat row as the scope of an expression: its fields shadow the form's.
public struct RowScope: Sendable {
    public let group: RepeatGroup
    public let index: Int

    public init(group: RepeatGroup, index: Int) {
        self.group = group
        self.index = index
    }
}

extension FormDefinition {
    /// Whether every answer `expression` reads is settled, so that evaluating it now gives the verdict
    /// it will give on the complete form. A calculated field is settled when what it reads is.
    public func isDecided(_ expression: Expression, settled: SettledFields, row: RowScope?, filler: Filler) -> Bool {
        isDecided(expression, settled: settled, row: row, filler: filler, depth: 0)
    }

    private func isDecided(_ e: Expression, settled: SettledFields, row: RowScope?, filler: Filler, depth: Int) -> Bool
    {
        guard depth < 16 else { return false }  // a cycle of calculations: leave it to the full validation
        return e.paths.allSatisfy { isSettled($0.path[0], settled: settled, row: row, filler: filler, depth: depth) }
    }

    private func isSettled(_ name: String, settled: SettledFields, row: RowScope?, filler: Filler, depth: Int) -> Bool {
        if let row, let f = row.group.fields.first(where: { $0.id == name }) {
            if let calc = f.calculate {
                return isDecided(calc, settled: settled, row: row, filler: filler, depth: depth + 1)
            }
            return !isAnswerable(f, filler)
                || settled.contains(.cell(group: row.group.id, index: row.index, field: name))
        }
        switch items.first(where: { $0.id == name }) {
        case .field(let f)?:
            if let calc = f.calculate {
                return isDecided(calc, settled: settled, row: nil, filler: filler, depth: depth + 1)
            }
            return !isAnswerable(f, filler) || settled.contains(.field(name))
        case .repeatGroup?:
            return settled.contains(.group(name))
        case nil:
            return true  // not an answer of this form: nothing to wait for
        }
    }

    /// Whether `filler` writes this field at all; one nobody will answer is as settled as it gets.
    public func isAnswerable(_ f: FieldDefinition, _ filler: Filler) -> Bool {
        !f.readOnly && (f.filledBy == .applicant || filler == .rater)
    }
}
