/// `tree-count('W', condition)`, `tree-sum('W', value)` and `tree-list('W', condition)`: questions about the
/// instances of workflow `W` that belong to the same organisation tree as this instance's process — the
/// organisation of its root instance (the top of its parent chain, such as a UPT's round) and every
/// organisation below it (the UPT's SKBs). Each of them other than this instance is bound in turn as
/// `other` (`id`, `state`, `org`, `vars`) while the argument is evaluated beside the instance's own names:
/// "the honoraria this UPT paid this year" is
/// `tree-sum('tb_bulan', if(other.vars.tahun = vars.tahun, other.vars.dibayar, 0))`.
///
/// `W` is written as text in the expression, so the shell knows before evaluating which instances to
/// load (`Expression.treeWorkflows`); they come in the scope as `tree.<W>`, a list readable on its own.
/// `tree-list` gives the matching instances as records, oldest first: a snapshot a document can print.
extension Evaluator {
    mutating func callTree(_ f: Function, _ args: [Expr], at: Int) throws -> Value {
        guard case .literal(.string(let workflow), _) = args[0] else {
            throw ExpressionError("\(f.rawValue)() takes the workflow's id written as text, e.g. \(f.rawValue)('tb_bulan', …)", at: at)
        }
        let saved = context
        defer { context = saved }
        guard case .record(let tree)? = saved.scopes.first?[Expression.treeName],
              case .list(let instances)? = tree[workflow]
        else {
            throw ExpressionError(
                "\(f.rawValue)() can only be used in a workflow guard or effect (instances of '\(workflow)' are not loaded here)",
                at: at)
        }
        var matches = 0
        var total = 0.0
        var kept: [Value] = []
        for other in instances {
            try tick(at)
            context.scopes = saved.scopes + [[Expression.otherName: other]]
            let v = try eval(args[1])
            if f == .treeSum {
                total += try numbers(flat(v), f.rawValue, at: at).reduce(0, +)
            } else if Evaluator.truthy(v) {
                matches += 1
                if f == .treeList { kept.append(other) }
            }
        }
        switch f {
        case .treeSum: return .number(total)
        case .treeList: return .list(kept)
        default: return .number(Double(matches))
        }
    }
}

extension Expression {
    /// The scope name under which the shell puts the instances `tree-*` reads (`tree.<workflow>`).
    public static let treeName = "tree"
    /// The name each instance is bound to inside `tree-*`.
    public static let otherName = "other"

    /// The workflows whose instances `tree-*` functions in this expression read.
    public var treeWorkflows: Set<String> {
        var out: Set<String> = []
        for call in calls where [.treeCount, .treeSum, .treeList].contains(call.function) {
            if let w = call.arguments.first?.literalText { out.insert(w) }
        }
        for (path, _) in paths where path.count >= 2 && path[0] == Expression.treeName { out.insert(path[1]) }
        return out
    }
}
