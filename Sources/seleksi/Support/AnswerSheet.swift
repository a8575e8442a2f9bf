import SeleksiCore

/// The answers given so far at the terminal, already read into their types, and which questions
/// have been settled (asked and answered, or deliberately left empty).
struct AnswerSheet {
    /// Top-level answers; a repeat group as a list of row records.
    private(set) var data: [String: Value] = [:]
    private(set) var settled = SettledFields()

    func rows(_ group: String) -> [[String: Value]] {
        guard case .list(let rows)? = data[group] else { return [] }
        return rows.map { if case .record(let r) = $0 { return r } else { return [:] } }
    }

    func row(_ group: String, _ index: Int) -> [String: Value] {
        let rows = rows(group)
        return rows.indices.contains(index - 1) ? rows[index - 1] : [:]
    }

    func value(_ path: FieldPath) -> Value? {
        switch path {
        case .field(let f), .group(let f): return data[f]
        case .row(let g, let i): return .record(row(g, i))
        case .cell(let g, let i, let f): return row(g, i)[f]
        }
    }

    /// Records an answer (nil: left empty) and marks its question settled.
    mutating func answer(_ value: Value?, at path: FieldPath) {
        let stored = value.flatMap { $0.isNull ? nil : $0 }
        switch path {
        case .field(let f):
            data[f] = stored
        case .cell(let g, let i, let f):
            var rows = rows(g)
            guard rows.indices.contains(i - 1) else { return }
            rows[i - 1][f] = stored
            data[g] = .list(rows.map(Value.record))
        case .group, .row:
            return
        }
        settled.insert(path)
    }

    /// Starts a new, empty row; returns its number (from 1).
    mutating func addRow(_ group: String) -> Int {
        let rows = rows(group) + [[:]]
        data[group] = .list(rows.map(Value.record))
        return rows.count
    }

    /// Every row is in: checks on the group as a whole (row counts, `sum(group.x)`) may now be decided.
    mutating func closeGroup(_ group: String) {
        if rows(group).isEmpty { data[group] = nil }
        settled.insert(.group(group))
    }

    /// Forgets a group's rows, to fill it again.
    mutating func clearGroup(_ group: String) {
        data[group] = nil
        settled.removeGroup(group)
    }
}
