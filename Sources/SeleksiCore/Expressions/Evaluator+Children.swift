extension Evaluator {
    /// children-count, children-all, children-any, children-sum: questions a parent's guard asks of its
    /// child instances, each evaluated in the child's own scope.
    mutating func callChildren(_ f: Function, _ args: [Expr], at: Int) throws -> Value {
        guard let children = context.children else {
            throw ExpressionError(
                "\(f.rawValue)() can only be used in a workflow guard of an instance that has children", at: at)
        }
        switch f {
        case .childrenCount:
            let states = try args.map { a -> String in
                guard case .string(let s) = try eval(a) else {
                    throw ExpressionError("children-count() takes state names as text", at: a.offset)
                }
                return s
            }
            try tick(at, cost: children.count)
            let counted = states.isEmpty ? children.count : children.filter { states.contains($0.state) }.count
            return .number(Double(counted))
        default:
            let saved = context
            defer { context = saved }
            var matches = 0, total = 0.0
            for child in children {
                context = EvaluationContext(scopes: [child.scope], today: saved.today, children: nil,
                                            reference: saved.reference)
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
