/// Evaluates a parsed expression against a context, within a work budget.
///
/// Semantics worth knowing: arithmetic on `null` gives `null` (an empty field does not crash a
/// calculation); ordering comparisons with `null` are false; a path through a repeat group gives
/// the list of that field over every row. Results are finite numbers, dates within 0001–9999, and
/// values nested at most `maxResultDepth` deep; anything else is an evaluation error, never a trap.
public struct Evaluator {
    public static let defaultBudget = 200_000
    /// Deepest list/record nesting an expression may return: half the JSON reader's limit, so that a
    /// result stored inside the records that hold variables and submissions can always be read back,
    /// and a variable set from itself (`vars`) cannot grow one level per transition without bound.
    public static let maxResultDepth = Value.maxJSONDepth / 2
    var context: EvaluationContext
    private var budget: Int

    public init(_ context: EvaluationContext, budget: Int = Evaluator.defaultBudget) {
        self.context = context
        self.budget = budget
    }

    public static func evaluate(_ e: Expression, in context: EvaluationContext) throws(ExpressionError) -> Value {
        var evaluator = Evaluator(context)
        let result: Value
        do { result = try evaluator.eval(e.root) } catch let error as ExpressionError { throw error } catch {
            throw ExpressionError("\(error)", at: 0)
        }
        guard !result.isNested(deeperThan: maxResultDepth) else {
            throw ExpressionError("the result nests lists and records deeper than \(maxResultDepth) levels", at: 0)
        }
        return result
    }

    /// Truthiness: `null`, `false`, 0 and empty text are false.
    public static func truthy(_ v: Value) -> Bool {
        switch v {
        case .null: return false
        case .bool(let b): return b
        case .number(let n): return n != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        default: return true
        }
    }

    mutating func tick(_ at: Int, cost: Int = 1) throws {
        budget -= cost
        if budget < 0 {
            throw ExpressionError("expression did more work than allowed (\(Evaluator.defaultBudget) steps)", at: at)
        }
    }

    mutating func eval(_ e: Expr) throws -> Value {
        try tick(e.offset)
        switch e {
        case .literal(let v, _): return v
        case .pattern(let p, _): return .string(p.source)
        case .current: return context.current
        case .path(let path, let at): return try resolve(path, at: at)
        // Operands are evaluated into locals first: written inside the call to a method of `self`,
        // their (mutating) evaluation would make Swift copy the whole evaluator to call it.
        case .member(let base, let name, let at):
            let value = try eval(base)
            return try member(value, name, at: at)
        case .index(let base, let index, let at):
            let list = try eval(base), i = try eval(index)
            guard case .list(let rows) = list else { return .null }
            guard let k = i.integer() else {
                throw ExpressionError("an index must be a whole number (rows count from 1)", at: at)
            }
            return rows.indices.contains(k - 1) ? rows[k - 1] : .null
        case .unary(let op, let a, let at):
            let v = try eval(a)
            if op == "not" { return .bool(!Evaluator.truthy(v)) }
            switch v {
            case .null: return .null
            case .number(let n): return .number(-n)
            default: throw ExpressionError("cannot negate \(v.typeName)", at: at)
            }
        case .binary(let op, let a, let b, let at):
            if op == "and" || op == "or" {
                // Stops at the first operand that decides: `or` at a true one, `and` at a false one.
                if Evaluator.truthy(try eval(a)) == (op == "or") { return .bool(op == "or") }
                return .bool(Evaluator.truthy(try eval(b)))
            }
            let left = try eval(a), right = try eval(b)
            return try Evaluator.finite(try binary(op, left, right, at: at), at: at)
        case .call(let f, let args, let at):
            return try Evaluator.finite(try call(f, args, at: at), at: at)
        }
    }

    /// Arithmetic on huge numbers can overflow to ±infinity (and then NaN); neither may be stored,
    /// compared or printed as if it were a number.
    private static func finite(_ v: Value, at: Int) throws -> Value {
        if case .number(let n) = v, !n.isFinite {
            throw ExpressionError("the result is too large to be a number", at: at)
        }
        return v
    }

    private func resolve(_ path: [String], at: Int) throws -> Value {
        var value: Value = .null
        var found = false
        for scope in context.scopes.reversed() {
            if let v = scope[path[0]] { value = v; found = true; break }
        }
        if !found { return .null }
        for name in path.dropFirst() { value = try member(value, name, at: at) }
        return value
    }

    private func member(_ base: Value, _ name: String, at: Int) throws -> Value {
        switch base {
        case .date(let d):
            switch name {
            case "year": return .number(Double(d.year))
            case "month": return .number(Double(d.month))
            case "day": return .number(Double(d.day))
            default: throw ExpressionError("a date has year, month and day, not '\(name)'", at: at)
            }
        case .string(let s) where CivilDate(iso: s) != nil:
            return try member(.date(CivilDate(iso: s)!), name, at: at)
        case .record(let r): return r[name] ?? .null
        case .list(let rows): return .list(try rows.map { try member($0, name, at: at) })
        default: return .null
        }
    }

    private func binary(_ op: String, _ a: Value, _ b: Value, at: Int) throws -> Value {
        switch op {
        case "=": return .bool(Evaluator.equal(a, b))
        case "!=": return .bool(!Evaluator.equal(a, b))
        case "<", "<=", ">", ">=":
            guard let order = try compare(a, b, at: at) else { return .bool(false) }
            switch op {
            case "<": return .bool(order < 0)
            case "<=": return .bool(order <= 0)
            case ">": return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        default: break
        }
        if a.isNull || b.isNull { return .null }
        switch (op, a, b) {
        case ("+", .number(let x), .number(let y)): return .number(x + y)
        case ("-", .number(let x), .number(let y)): return .number(x - y)
        case ("*", .number(let x), .number(let y)): return .number(x * y)
        case ("/", .number(let x), .number(let y)):
            guard y != 0 else { throw ExpressionError("division by zero", at: at) }
            return .number(x / y)
        case ("%", .number(let x), .number(let y)):
            guard y != 0 else { throw ExpressionError("division by zero", at: at) }
            return .number(x.truncatingRemainder(dividingBy: y))
        case ("+", .string(let x), _): return .string(x + b.displayText)
        case ("+", _, .string(let y)): return .string(a.displayText + y)
        case ("+", .date(let d), .number), ("-", .date(let d), .number):
            guard let days = b.integer(in: -1_000_000_000...1_000_000_000) else {
                throw ExpressionError("a date moves by a whole number of days, not \(b.displayText)", at: at)
            }
            let moved = d.adding(days: op == "+" ? days : -days)
            guard moved.isWritable else {
                throw ExpressionError("the date falls outside the years 0001–9999", at: at)
            }
            return .date(moved)
        case ("-", .date(let x), .date(let y)): return .number(Double(x.dayNumber - y.dayNumber))
        default:
            throw ExpressionError("'\(op)' does not apply to \(a.typeName) and \(b.typeName)", at: at)
        }
    }

    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .string(let y)): return Value.number(fromText: y) == x
        case (.string(let x), .number(let y)): return Value.number(fromText: x) == y
        case (.date(let d), .string(let s)), (.string(let s), .date(let d)): return d.iso == s
        default: return a == b
        }
    }

    private func compare(_ a: Value, _ b: Value, at: Int) throws -> Int? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.date(let x), .string(let s)):
            guard let y = CivilDate(iso: s) else { throw ExpressionError("'\(s)' is not a date (YYYY-MM-DD)", at: at) }
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let s), .date(let y)):
            guard let x = CivilDate(iso: s) else { throw ExpressionError("'\(s)' is not a date (YYYY-MM-DD)", at: at) }
            return x < y ? -1 : (x > y ? 1 : 0)
        default:
            throw ExpressionError("cannot compare \(a.typeName) with \(b.typeName)", at: at)
        }
    }
}
