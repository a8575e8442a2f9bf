extension Evaluator {
    /// `filter`, `all`, `any`, `map`, and `count`/`sum` with a predicate: the second argument is
    /// evaluated once per element of the first, with the element as `item` (and as `.`); every other
    /// name keeps its meaning. A list through a repeat group (`forms.sk.anggota`) gives its rows, so
    /// `item.jenis_kelamin` reads a row's field. Empty elements (null) are skipped, as `count` does.
    mutating func callWithPredicate(_ f: Function, _ args: [Expr], at: Int) throws -> Value {
        let elements = flat(try eval(args[0]))
        try tick(at, cost: elements.count)
        let savedScopes = context.scopes
        let savedCurrent = context.current
        defer {
            context.scopes = savedScopes
            context.current = savedCurrent
        }
        context.scopes.append([:])
        var kept: [Value] = []
        var total: [Value] = []
        var matches = 0
        for element in elements {
            context.scopes[context.scopes.count - 1] = [Expression.elementName: element]
            context.current = element
            let v = try eval(args[1])
            switch f {
            case .map: kept.append(v)
            case .sum: total.append(v)
            default:
                let holds = Evaluator.truthy(v)
                if f == .all, !holds { return .bool(false) }
                if f == .any, holds { return .bool(true) }
                if holds {
                    matches += 1
                    if f == .filter { kept.append(element) }
                }
            }
        }
        switch f {
        case .filter, .map: return .list(kept)
        case .all: return .bool(true)
        case .any: return .bool(false)
        case .sum: return .number(try numbers(flat(.list(total)), f.rawValue, at: at).reduce(0, +))
        default: return .number(Double(matches))  // .count
        }
    }

    /// `distinct`, `same-set`, `subset`: lists compared as sets. A number and the text of that number
    /// are one element, as `=` says they are equal; so are a date and its `YYYY-MM-DD` text.
    func callSet(_ f: Function, _ v: [Value], at: Int) throws -> Value {
        switch f {
        case .distinct:
            var seen: Set<Value> = []
            return .list(flat(v[0]).filter { seen.insert(Evaluator.setKey($0)).inserted })
        case .sameSet:
            return .bool(Set(flat(v[0]).map(Evaluator.setKey)) == Set(flat(v[1]).map(Evaluator.setKey)))
        default:  // .subset: every element of the first is in the second
            return .bool(Set(flat(v[0]).map(Evaluator.setKey)).isSubset(of: Set(flat(v[1]).map(Evaluator.setKey))))
        }
    }

    /// The value a set keeps for an element: numeric text as its number, ISO text as its date.
    static func setKey(_ v: Value) -> Value {
        guard case .string(let s) = v else { return v }
        if let n = Value.number(fromText: s) { return .number(n) }
        if let d = CivilDate(iso: s) { return .date(d) }
        return v
    }

    /// `children('state', …)`: the instance's children (in those states; all with no argument) as
    /// records `{id, state, org, vars, forms}`, for the list functions.
    mutating func callChildrenList(_ args: [Expr], at: Int) throws -> Value {
        guard let children = context.children else {
            throw ExpressionError(
                "children() can only be used in a workflow guard or effect of an instance that has children",
                at: at)
        }
        let states = try args.map { a -> String in
            guard case .string(let s) = try eval(a) else {
                throw ExpressionError("children() takes state names as text", at: a.offset)
            }
            return s
        }
        try tick(at, cost: children.count)
        return .list(children.filter { states.isEmpty || states.contains($0.state) }.map { .record($0.scope) })
    }

    /// `actors-exist(list)`: every non-empty id in the list (or the one id given) is an actor the
    /// directory knows. An empty list holds.
    func callActorsExist(_ v: Value, at: Int) throws -> Value {
        guard let actors = context.actors else {
            throw ExpressionError("actors-exist() can only be used in a workflow guard or effect", at: at)
        }
        return .bool(flat(v).allSatisfy { $0.isEmpty || actors.contains($0.displayText) })
    }
}
