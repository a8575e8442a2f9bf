/// `siblings-count(condition)`, `siblings-any(condition)` and `siblings-sum(value)`: the other children of
/// the instance's parent, each bound as `sibling` (its `state`, `org`, `vars`, `forms`, `id`) while the
/// argument is evaluated beside the instance's own names (`siblings-sum` adds the numbers it gives; empty
/// values count as nothing). "No vacancy unless fewer siblings of my group hold a place
/// than the quota": `siblings-count(sibling.vars.kelompok = vars.kelompok and sibling.state = 'ditetapkan')`.
extension Evaluator {
    mutating func callSiblings(_ f: Function, _ args: [Expr], at: Int) throws -> Value {
        guard let siblings = context.siblings else {
            throw ExpressionError(
                "\(f.rawValue)() can only be used in a workflow guard or effect of an instance that has a parent",
                at: at)
        }
        let saved = context
        defer { context = saved }
        var matches = 0
        var total = 0.0
        for sibling in siblings {
            try tick(at)
            context.scopes = saved.scopes + [["sibling": .record(sibling.scope)]]
            if f == .siblingsSum {
                total += try numbers(flat(try eval(args[0])), f.rawValue, at: at).reduce(0, +)
                continue
            }
            guard Evaluator.truthy(try eval(args[0])) else { continue }
            if f == .siblingsAny { return .bool(true) }
            matches += 1
        }
        if f == .siblingsSum { return .number(total) }
        return f == .siblingsAny ? .bool(false) : .number(Double(matches))
    }
}

extension Function {
    /// Whether the function reads the parent's other children (so the shell loads them only when asked).
    var readsSiblings: Bool { self == .siblingsCount || self == .siblingsAny || self == .siblingsSum }
}

extension Expression {
    /// Whether evaluation needs the other children of the instance's parent.
    public var readsSiblings: Bool {
        func walk(_ e: Expr) -> Bool {
            switch e {
            case .literal, .current, .path, .pattern: return false
            case .index(let a, let b, _), .binary(_, let a, let b, _): return walk(a) || walk(b)
            case .member(let a, _, _), .unary(_, let a, _): return walk(a)
            case .call(let f, let args, _): return f.readsSiblings || args.contains(where: walk)
            }
        }
        return walk(root)
    }
}

extension Expression {
    /// Whether the expression may read a sibling's forms (`sibling.forms.…`, or the whole `sibling`
    /// record handed on): the shell then loads every sibling's latest forms, which costs a read per
    /// sibling; otherwise its state and variables are enough.
    public var readsSiblingForms: Bool {
        func walk(_ e: Expr) -> Bool {
            switch e {
            case .literal, .current, .pattern: return false
            case .path(let p, _): return p.first == "sibling" && (p.count == 1 || p[1] == "forms")
            case .index(let a, let b, _), .binary(_, let a, let b, _): return walk(a) || walk(b)
            case .member(let a, _, _), .unary(_, let a, _): return walk(a)
            case .call(_, let args, _): return args.contains(where: walk)
            }
        }
        return walk(root)
    }
}
