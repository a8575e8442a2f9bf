extension Expression {
    /// The forms the expression reads by name (`forms.tb_portofolio.program` reads `tb_portofolio`),
    /// in its own scope or in a child's (`children-any(…)`, a ranking's order); nil when it may read
    /// any form (`forms` as a whole, `children()`, `.`). It over-approximates: a form read in the
    /// parent's own scope is counted as well, which costs a read, never a wrong answer.
    public var formsRead: Set<String>? {
        var names: Set<String> = []
        func bounded(_ e: Expr) -> Bool {
            switch e {
            case .literal, .pattern: return true
            case .current: return false
            case .path(let p, _):
                guard p.first == "forms" else { return true }
                guard p.count >= 2 else { return false }
                names.insert(p[1])
                return true
            case .index(let a, let b, _), .binary(_, let a, let b, _): return bounded(a) && bounded(b)
            case .member(let a, _, _), .unary(_, let a, _): return bounded(a)
            case .call(let f, let args, _): return f != .children && args.allSatisfy(bounded)
            }
        }
        return bounded(root) ? names : nil
    }
}

extension TransitionDefinition {
    /// The children's forms that deciding this transition can read (its guards, their messages' values,
    /// its effects, a ranking's groups and order); nil when it may read any. A round's ranking groups by
    /// one field of the portfolio: its 17,000 children need not bring their every form into memory.
    public var childFormsRead: Set<String>? {
        var expressions = guards.flatMap { [$0.test] + $0.message.placeholderExpressions } + effects.flatMap(\.expressions)
        for case .rank(let r) in effects {
            expressions += [r.groupBy, r.quotaRows, r.quotaKey, r.quotaCount] + r.order.map(\.0)
        }
        for case .createChildren(_, let count?, _, _) in effects { expressions.append(count) }
        var names: Set<String> = []
        for e in expressions {
            guard let read = e.formsRead else { return nil }
            names.formUnion(read)
        }
        return names
    }
}
