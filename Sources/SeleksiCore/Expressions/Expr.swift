/// The parsed form of an expression. Every node keeps its offset so that evaluation errors point
/// at the place in the source.
public indirect enum Expr: Sendable {
    case literal(Value, at: Int)
    /// `.`: the value of the field the expression is attached to.
    case current(at: Int)
    /// A dotted name: `nama`, `pendidikan.jenjang`, `forms.pendaftaran.nik`, `vars.skor`.
    case path([String], at: Int)
    case index(Expr, Expr, at: Int)
    case member(Expr, String, at: Int)
    case unary(String, Expr, at: Int)
    case binary(String, Expr, Expr, at: Int)
    case call(Function, [Expr], at: Int)
    /// A `regex()` pattern written as text in the definition, compiled when the expression is parsed
    /// (so a bad pattern is a definition error that `seleksi check` reports); evaluates to its text.
    case pattern(Pattern, at: Int)

    public var offset: Int {
        switch self {
        case .literal(_, let o), .current(let o), .path(_, let o), .index(_, _, let o), .member(_, _, let o),
             .unary(_, _, let o), .binary(_, _, _, let o), .call(_, _, let o), .pattern(_, let o):
            return o
        }
    }
}

/// A parsed expression with its source: parsed once when a definition loads, evaluated many times.
public struct Expression: Sendable, CustomStringConvertible {
    public let source: String
    public let root: Expr

    public init(_ source: String) throws(ExpressionError) {
        self.source = source
        do {
            var parser = try Parser(source)
            self.root = try parser.parseAll()
        } catch let error as ExpressionError {
            throw error
        } catch {
            throw ExpressionError("\(error)", at: 0)
        }
    }

    public var description: String { source }

    /// A part of a parsed expression, evaluated on its own; `source` is the text it came from.
    init(root: Expr, source: String) {
        self.source = source
        self.root = root
    }

    /// Every dotted name the expression reads, with its offset (for static checks). Names read in a
    /// child's scope (`children-all(…)`) and names of a list's element (`item.…` inside `all(list, …)`)
    /// are not among them: `elementReads` and `calls` give those.
    public var paths: [(path: [String], offset: Int)] {
        var out: [(path: [String], offset: Int)] = []
        func walk(_ e: Expr, inPredicate: Bool) {
            switch e {
            case .literal, .current, .pattern: break
            case .path(let p, let o):
                if !(inPredicate && p[0] == Expression.elementName) { out.append((p, o)) }
            case .index(let a, let b, _): walk(a, inPredicate: inPredicate); walk(b, inPredicate: inPredicate)
            case .member(let a, _, _): walk(a, inPredicate: inPredicate)
            case .unary(_, let a, _): walk(a, inPredicate: inPredicate)
            case .binary(_, let a, let b, _): walk(a, inPredicate: inPredicate); walk(b, inPredicate: inPredicate)
            case .call(let f, let args, _):
                // Arguments of children-* functions are read in each child's scope, not ours.
                if f.evaluatesInChildScope { return }
                if f.takesPredicate(arguments: args.count) {
                    walk(args[0], inPredicate: inPredicate)
                    walk(args[1], inPredicate: true)
                } else {
                    args.forEach { walk($0, inPredicate: inPredicate) }
                }
            }
        }
        walk(root, inPredicate: false)
        return out
    }

    /// The name an element of a list takes inside `filter`, `all`, `any`, `map`, `count` and `sum`.
    public static let elementName = "item"

    /// For each list function with a predicate: the list it runs over, and the `item.…` paths its
    /// predicate reads (for static checks against a repeat group's fields or a child workflow).
    public var elementReads: [(list: Expr, paths: [(path: [String], offset: Int)])] {
        var out: [(list: Expr, paths: [(path: [String], offset: Int)])] = []
        func itemPaths(_ e: Expr) -> [(path: [String], offset: Int)] {
            var found: [(path: [String], offset: Int)] = []
            func walk(_ e: Expr) {
                switch e {
                case .literal, .current, .pattern: break
                case .path(let p, let o): if p[0] == Expression.elementName { found.append((p, o)) }
                case .index(let a, let b, _), .binary(_, let a, let b, _): walk(a); walk(b)
                case .member(let a, _, _), .unary(_, let a, _): walk(a)
                case .call(let f, let args, _):
                    // A nested list function binds `item` anew inside its own predicate.
                    if f.takesPredicate(arguments: args.count) { walk(args[0]) } else { args.forEach(walk) }
                }
            }
            walk(e)
            return found
        }
        func walk(_ e: Expr) {
            switch e {
            case .literal, .current, .path, .pattern: break
            case .index(let a, let b, _), .binary(_, let a, let b, _): walk(a); walk(b)
            case .member(let a, _, _), .unary(_, let a, _): walk(a)
            case .call(let f, let args, _):
                if f.takesPredicate(arguments: args.count) { out.append((args[0], itemPaths(args[1]))) }
                args.forEach(walk)
            }
        }
        walk(root)
        return out
    }

    /// Every function call, with its arguments, anywhere in the expression (for static checks of
    /// `lookup` tables, `children-count` states and the like).
    public var calls: [(function: Function, arguments: [Expr], offset: Int)] {
        var out: [(function: Function, arguments: [Expr], offset: Int)] = []
        func walk(_ e: Expr) {
            switch e {
            case .literal, .current, .path, .pattern: break
            case .index(let a, let b, _), .binary(_, let a, let b, _): walk(a); walk(b)
            case .member(let a, _, _), .unary(_, let a, _): walk(a)
            case .call(let f, let args, let o):
                out.append((f, args, o))
                args.forEach(walk)
            }
        }
        walk(root)
        return out
    }

    /// Whether evaluation needs the instance's children (so the shell loads them only when asked).
    public var readsChildren: Bool {
        func walk(_ e: Expr) -> Bool {
            switch e {
            case .literal, .current, .path, .pattern: return false
            case .index(let a, let b, _), .binary(_, let a, let b, _): return walk(a) || walk(b)
            case .member(let a, _, _), .unary(_, let a, _): return walk(a)
            case .call(let f, let args, _): return f.readsChildren || args.contains(where: walk)
            }
        }
        return walk(root)
    }

    /// Whether it reads more of a child than its id and state: a predicate evaluated in each child's
    /// scope (`children-all`, `children-any`, `children-sum`) or the children themselves (`children()`).
    /// `children-count(…)` counts states only, and a round's guard that waits on it need not read 20,000
    /// children's variables and forms.
    public var readsChildScopes: Bool {
        calls.contains { $0.function.evaluatesInChildScope || $0.function == .children }
    }

    /// Whether the expression calls `function` anywhere.
    public func calls(_ function: Function) -> Bool { calls.contains { $0.function == function } }
}

extension Expr {
    /// The text of a literal written in the definition (`'kalender/libur'`), nil for anything computed.
    public var literalText: String? {
        if case .literal(.string(let s), _) = self { return s }
        return nil
    }

    /// The dotted name when the expression is just a path (`forms.sk.anggota`).
    public var plainPath: [String]? {
        if case .path(let p, _) = self { return p }
        return nil
    }
}
