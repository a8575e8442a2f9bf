/// Which children keep a guard over children from holding, read from the guard itself, so that a
/// refusal can name them: the children counted by `children-count(…)` where the guard wants fewer
/// (`= 0`, `<`, `<=`), those for which the predicate of `children-all(…)` is false, and those for which
/// the predicate of a negated `children-any(…)` is true. Nothing here knows any workflow's states.
public enum BlockingChildren {
    public static func of(_ test: Expression, in context: EvaluationContext) -> [Int64] {
        guard test.readsChildren, let children = context.children else { return [] }
        var found: [Int64] = []
        var seen: Set<Int64> = []
        func add(_ ids: [Int64]) { for id in ids where seen.insert(id).inserted { found.append(id) } }

        func counted(_ args: [Expr]) -> [Int64] {
            let states = Set(
                args.compactMap { a -> String? in
                    if case .literal(.string(let s), _) = a { return s } else { return nil }
                })
            guard !states.isEmpty else { return [] }
            return children.filter { states.contains($0.state) }.map(\.id)
        }
        func matching(_ predicate: Expr, _ wanted: Bool) -> [Int64] {
            children.filter { child in
                var evaluator = Evaluator(
                    EvaluationContext(scopes: [child.scope], today: context.today, reference: context.reference))
                let value = (try? evaluator.eval(predicate)) ?? .null
                return Evaluator.truthy(value) == wanted
            }.map(\.id)
        }
        func walk(_ e: Expr, negated: Bool) {
            switch e {
            case .binary(let op, .call(.childrenCount, let args, _), _, _) where ["=", "<", "<="].contains(op):
                add(counted(args))
            case .binary(let op, _, .call(.childrenCount, let args, _), _) where ["=", ">", ">="].contains(op):
                add(counted(args))
            case .call(.childrenAll, let args, _) where !negated:
                add(matching(args[0], false))
            case .unary("not", .call(.childrenAny, let args, _), _) where !negated:
                add(matching(args[0], true))
            case .unary("not", let a, _):
                walk(a, negated: !negated)
            case .binary(_, let a, let b, _):
                walk(a, negated: negated)
                walk(b, negated: negated)
            case .call(_, let args, _):
                for a in args { walk(a, negated: negated) }
            default:
                return
            }
        }
        walk(test.root, negated: false)
        return found
    }
}

extension Expression {
    /// The top-level names that the predicates of `children-all/any/sum(…)` read in each child's scope
    /// (`state`, `vars`, `forms` …), so the shell loads no more of each child than that.
    public var childScopeNames: Set<String> {
        var out: Set<String> = []
        func paths(_ e: Expr) {
            switch e {
            case .path(let p, _): out.insert(p[0])
            case .index(let a, let b, _), .binary(_, let a, let b, _):
                paths(a)
                paths(b)
            case .member(let a, _, _), .unary(_, let a, _): paths(a)
            case .call(_, let args, _): args.forEach(paths)
            case .literal, .current, .pattern: break
            }
        }
        func walk(_ e: Expr) {
            switch e {
            case .call(let f, let args, _):
                if f.evaluatesInChildScope { args.forEach(paths) } else { args.forEach(walk) }
            case .index(let a, let b, _), .binary(_, let a, let b, _):
                walk(a)
                walk(b)
            case .member(let a, _, _), .unary(_, let a, _): walk(a)
            case .path, .literal, .current, .pattern: break
            }
        }
        walk(root)
        return out
    }
}
