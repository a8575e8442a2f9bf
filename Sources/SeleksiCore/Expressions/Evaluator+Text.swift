extension Evaluator {
    /// Text functions and `lookup`.
    func callText(_ f: Function, _ v: [Value], at: Int) throws -> Value {
        switch f {
        case .filled: return .bool(!v[0].isEmpty)
        case .selected:
            switch v[0] {
            case .list(let l): return .bool(l.contains { Evaluator.equal($0, v[1]) })
            default: return .bool(Evaluator.equal(v[0], v[1]))
            }
        case .contains:
            // contains(list, list): every element of the second list is in the first (a repeat group's
            // column against another's: each session's weekday among the schedule's days).
            if case .list(let l) = v[0], case .list = v[1] {
                let wanted = flat(v[1]).filter { !$0.isNull }
                return .bool(wanted.allSatisfy { w in l.contains { Evaluator.equal($0, w) } })
            }
            if case .list(let l) = v[0] { return .bool(l.contains { Evaluator.equal($0, v[1]) }) }
            return .bool(TextContainment.contains(v[0].displayText, v[1].displayText))
        case .concat: return .string(v.map(\.displayText).joined())
        case .lower: return v[0].isNull ? .null : .string(v[0].displayText.lowercased())
        case .upper: return v[0].isNull ? .null : .string(v[0].displayText.uppercased())
        case .stringLength: return .number(Double(v[0].displayText.count))
        case .lookup: return try lookup(v, at: at)
        case .rupiah: return try rupiah(v[0], at: at)
        default: throw ExpressionError("\(f.rawValue)() is not available here", at: at)
        }
    }

    /// rupiah(x): `Rp1.500.000`; a missing amount stays missing, a fraction of a rupiah is an error
    /// (an amount is never rounded on the way to a message or a document).
    private func rupiah(_ v: Value, at: Int) throws -> Value {
        if v.isNull { return .null }
        let n: Double?
        switch v {
        case .number(let x): n = x
        case .string(let s): n = Value.number(fromText: s)
        default: n = nil
        }
        guard let n, n == n.rounded(), abs(n) < 1e15 else {
            throw ExpressionError("rupiah() needs a whole number of rupiah, not '\(v.displayText)'", at: at)
        }
        return .string(IndonesianFormat.rupiah(Int64(n)))
    }

    /// lookup('tutor_bantu/program', 'id', 'paud', 'pendidikan_minimal'): a cell of a seed table.
    private func lookup(_ v: [Value], at: Int) throws -> Value {
        let names = v.map(\.displayText)
        guard context.reference.tables[names[0]] != nil else {
            let known = context.reference.tables.keys.sorted().joined(separator: ", ")
            throw ExpressionError("lookup(): no reference table '\(names[0])'; tables: \(known)", at: at)
        }
        guard let cell = context.reference.lookup(names[0], names[1], names[2], names[3]) else { return .null }
        if cell.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), let n = Value.number(fromText: cell) {
            return .number(n)
        }
        return .string(cell)
    }

    /// regex(text, pattern): whether the pattern matches the whole text. A pattern written in the
    /// definition was compiled when it was parsed; one computed from data comes from a bounded cache.
    mutating func callRegex(_ args: [Expr], at: Int) throws -> Value {
        let subject = try eval(args[0])
        let pattern: Pattern
        if case .pattern(let compiled, _) = args[1] {
            pattern = compiled
        } else {
            guard case .string(let source) = try eval(args[1]) else {
                throw ExpressionError("regex() needs a pattern as text", at: at)
            }
            do { pattern = try Pattern.cached(source) } catch {
                throw ExpressionError(error.message, at: args[1].offset)
            }
        }
        guard !subject.isNull else { return .bool(false) }
        let text = subject.displayText
        guard text.count <= 10_000 else { throw ExpressionError("regex(): text longer than 10000 characters", at: at) }
        try tick(at, cost: text.count)
        return .bool(pattern.matchesWhole(text))
    }
}
