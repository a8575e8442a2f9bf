extension Evaluator {
    /// Flattens nested lists (a path through two repeat levels gives a list of lists).
    private func flat(_ v: Value) -> [Value] {
        switch v {
        case .list(let l): return l.flatMap(flat)
        case .null: return []
        default: return [v]
        }
    }

    private func numbers(_ values: [Value], _ name: String, at: Int) throws -> [Double] {
        try values.compactMap { v -> Double? in
            switch v {
            case .null: return nil
            case .number(let n): return n
            case .bool(let b): return b ? 1 : 0
            case .string(let s): if let n = Double(s) { return n }
            default: break
            }
            throw ExpressionError("\(name)() needs numbers, got \(v.typeName) '\(v.displayText)'", at: at)
        }
    }

    private func date(_ v: Value, _ name: String, at: Int) throws -> CivilDate? {
        switch v {
        case .null: return nil
        case .date(let d): return d
        case .string(let s):
            if let d = CivilDate(iso: s) { return d }
            throw ExpressionError("\(name)(): '\(s)' is not a date (YYYY-MM-DD)", at: at)
        default: throw ExpressionError("\(name)() needs a date, got \(v.typeName)", at: at)
        }
    }

    private func int(_ v: Value, _ name: String, at: Int) throws -> Int? {
        switch v {
        case .null: return nil
        case .number(let n) where n == n.rounded() && abs(n) < 1e9: return Int(n)
        default: throw ExpressionError("\(name)() needs a whole number, got \(v.typeName) '\(v.displayText)'", at: at)
        }
    }

    mutating func call(_ f: Function, _ args: [Expr], at: Int) throws -> Value {
        let name = f.rawValue
        switch f {
        case .if: return Evaluator.truthy(try eval(args[0])) ? try eval(args[1]) : try eval(args[2])
        case .coalesce:
            for a in args { let v = try eval(a); if !v.isEmpty { return v } }
            return .null
        case .childrenCount, .childrenAll, .childrenAny, .childrenSum:
            return try callChildren(f, args, at: at)
        case .siblingsCount, .siblingsAny:
            return try callSiblings(f, args, at: at)
        default: break
        }
        let v = try args.map { try eval($0) }
        try tick(at, cost: v.reduce(0) { $0 + flat($1).count })
        switch f {
        case .count: return .number(Double(flat(v[0]).filter { !$0.isEmpty }.count))
        case .sum: return .number(try numbers(flat(v[0]), name, at: at).reduce(0, +))
        case .mean:
            let xs = try numbers(flat(v[0]), name, at: at)
            return xs.isEmpty ? .null : .number(xs.reduce(0, +) / Double(xs.count))
        case .min, .max:
            let all = v.flatMap(flat).filter { !$0.isNull }
            if all.allSatisfy({ if case .date = $0 { return true } else { return false } }), !all.isEmpty {
                let ds = try all.compactMap { try date($0, name, at: at) }
                return .date(f == .min ? ds.min()! : ds.max()!)
            }
            let xs = try numbers(all, name, at: at)
            guard !xs.isEmpty else { return .null }
            return .number(f == .min ? xs.min()! : xs.max()!)
        case .round:
            guard case .number(let x) = v[0] else { return .null }
            let digits = v.count > 1 ? (try int(v[1], name, at: at) ?? 0) : 0
            var scale = 1.0
            for _ in 0..<Swift.max(0, Swift.min(digits, 12)) { scale *= 10 }
            return .number((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
        case .abs:
            guard case .number(let x) = v[0] else { return .null }
            return .number(Swift.abs(x))
        case .filled: return .bool(!v[0].isEmpty)
        case .selected:
            switch v[0] {
            case .list(let l): return .bool(l.contains { Evaluator.equal($0, v[1]) })
            default: return .bool(Evaluator.equal(v[0], v[1]))
            }
        case .contains:
            if case .list(let l) = v[0] { return .bool(l.contains { Evaluator.equal($0, v[1]) }) }
            return .bool(v[0].displayText.contains(v[1].displayText))
        case .concat: return .string(v.map(\.displayText).joined())
        case .lower: return v[0].isNull ? .null : .string(v[0].displayText.lowercased())
        case .upper: return v[0].isNull ? .null : .string(v[0].displayText.uppercased())
        case .stringLength: return .number(Double(v[0].displayText.count))
        case .number:
            switch v[0] {
            case .number: return v[0]
            case .string(let s): return Double(s).map(Value.number) ?? .null
            default: return .null
            }
        case .regex:
            guard !v[0].isNull else { return .bool(false) }
            let text = v[0].displayText
            guard text.count <= 10_000 else { throw ExpressionError("regex(): text longer than 10000 characters", at: at) }
            guard case .string(let pattern) = v[1] else { throw ExpressionError("regex() needs a pattern as text", at: at) }
            let re: Regex<AnyRegexOutput>
            do { re = try Regex(pattern) } catch { throw ExpressionError("regex(): invalid pattern: \(error)", at: at) }
            return .bool((try? re.wholeMatch(in: text)) != nil)
        case .today: return .date(context.today)
        case .date:
            guard let d = try date(v[0], name, at: at) else { return .null }
            return .date(d)
        case .age:
            guard let born = try date(v[0], name, at: at) else { return .null }
            let reference = v.count > 1 ? try date(v[1], name, at: at) : context.today
            guard let ref = reference else { return .null }
            return .number(Double(born.wholeYears(to: ref)))
        case .yearsBetween, .monthsBetween, .daysBetween:
            guard let a = try date(v[0], name, at: at), let b = try date(v[1], name, at: at) else { return .null }
            switch f {
            case .yearsBetween: return .number(Double(a.wholeYears(to: b)))
            case .monthsBetween: return .number(Double(a.wholeMonths(to: b)))
            default: return .number(Double(b.dayNumber - a.dayNumber))
            }
        case .addDays, .addMonths, .addYears:
            guard let d = try date(v[0], name, at: at), let n = try int(v[1], name, at: at) else { return .null }
            switch f {
            case .addDays: return .date(d.adding(days: n))
            case .addMonths: return .date(d.adding(months: n))
            default: return .date(d.adding(months: 12 * n))
            }
        case .unionDays:
            // Days covered by the union of [start, end] periods: overlapping experience counts once,
            // and a period ending after `at` (default today) is cut at `at`.
            // Rows keep their places (an open-ended row has a null end), so no flattening here.
            func rows(_ x: Value) -> [Value] { if case .list(let l) = x { return l } else { return [x] } }
            let starts = rows(v[0]), ends = rows(v[1])
            let cap = v.count > 2 ? try date(v[2], name, at: at) ?? context.today : context.today
            var spans: [(Int, Int)] = []
            for (s, e) in zip(starts, ends) {
                guard let a = try date(s, name, at: at) else { continue }
                let b = Swift.min(try date(e, name, at: at) ?? cap, cap)
                if b >= a { spans.append((a.dayNumber, b.dayNumber)) }
            }
            spans.sort { $0.0 < $1.0 }
            var total = 0
            var current: (Int, Int)?
            for s in spans {
                if let c = current, s.0 <= c.1 + 1 { current = (c.0, Swift.max(c.1, s.1)) } else {
                    if let c = current { total += c.1 - c.0 + 1 }
                    current = s
                }
            }
            if let c = current { total += c.1 - c.0 + 1 }
            return .number(Double(total))
        case .lookup:
            // lookup('tutor_bantu/program', 'id', 'paud', 'pendidikan_minimal'): a cell of a seed table.
            let names = v.map(\.displayText)
            guard context.reference.tables[names[0]] != nil else {
                throw ExpressionError("lookup(): no reference table '\(names[0])'; tables: \(context.reference.tables.keys.sorted().joined(separator: ", "))", at: at)
            }
            guard let cell = context.reference.lookup(names[0], names[1], names[2], names[3]) else { return .null }
            if let n = Double(cell), !cell.isEmpty, cell.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) { return .number(n) }
            return .string(cell)
        case .median:
            let xs = try numbers(flat(v[0]), name, at: at).sorted()
            guard !xs.isEmpty else { return .null }
            return .number(xs.count % 2 == 1 ? xs[xs.count / 2] : (xs[xs.count / 2 - 1] + xs[xs.count / 2]) / 2)
        case .trimmedMean:
            // trimmed-mean(x, k): the mean after dropping the k lowest and k highest values.
            let xs = try numbers(flat(v[0]), name, at: at).sorted()
            let k = try int(v[1], name, at: at) ?? 0
            guard xs.count > 2 * k, k >= 0 else { return xs.isEmpty ? .null : .number(xs.reduce(0, +) / Double(xs.count)) }
            let kept = xs[k..<(xs.count - k)]
            return .number(kept.reduce(0, +) / Double(kept.count))
        case .spread:
            let xs = try numbers(flat(v[0]), name, at: at)
            guard let lo = xs.min(), let hi = xs.max() else { return .null }
            return .number(hi - lo)
        case .nikBirthDate:
            guard case .string(let nik) = v[0], let parts = NIK.birthParts(nik) else { return .null }
            // The NIK carries only two digits of the year: take the latest century that is not in the future.
            var year = 2000 + parts.yy
            if year > context.today.year { year -= 100 }
            return CivilDate(year: year, month: parts.month, day: parts.day).map(Value.date) ?? .null
        case .nikMatchesBirthDate:
            guard case .string(let nik) = v[0], let parts = NIK.birthParts(nik), let born = try date(v[1], name, at: at) else { return .null }
            return .bool(parts.day == born.day && parts.month == born.month && parts.yy == born.year % 100)
        default:
            throw ExpressionError("\(name)() is not available here", at: at)
        }
    }

    private mutating func callChildren(_ f: Function, _ args: [Expr], at: Int) throws -> Value {
        guard let children = context.children else {
            throw ExpressionError("\(f.rawValue)() can only be used in a workflow guard of an instance that has children", at: at)
        }
        switch f {
        case .childrenCount:
            let states = try args.map { a -> String in
                guard case .string(let s) = try eval(a) else { throw ExpressionError("children-count() takes state names as text", at: a.offset) }
                return s
            }
            try tick(at, cost: children.count)
            return .number(Double(states.isEmpty ? children.count : children.filter { states.contains($0.state) }.count))
        default:
            let saved = context
            defer { context = saved }
            var matches = 0, total = 0.0
            for child in children {
                context = EvaluationContext(scopes: [child.scope], today: saved.today, children: nil, reference: saved.reference)
                let v = try eval(args[0])
                if f == .childrenSum {
                    if case .number(let n) = v { total += n }
                } else if Evaluator.truthy(v) {
                    matches += 1
                } else if f == .childrenAll {
                    return .bool(false)
                }
                if f == .childrenAny, matches > 0 { return .bool(true) }
            }
            switch f {
            case .childrenSum: return .number(total)
            case .childrenAll: return .bool(true)
            default: return .bool(false)
            }
        }
    }
}
