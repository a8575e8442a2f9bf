extension Evaluator {
    /// Flattens nested lists (a path through two repeat levels gives a list of lists).
    func flat(_ v: Value) -> [Value] {
        switch v {
        case .list(let l): return l.flatMap(flat)
        case .null: return []
        default: return [v]
        }
    }

    func numbers(_ values: [Value], _ name: String, at: Int) throws -> [Double] {
        try values.compactMap { v -> Double? in
            switch v {
            case .null: return nil
            case .number(let n): return n
            case .bool(let b): return b ? 1 : 0
            case .string(let s): if let n = Value.number(fromText: s) { return n }
            default: break
            }
            throw ExpressionError("\(name)() needs numbers, got \(v.typeName) '\(v.displayText)'", at: at)
        }
    }

    func date(_ v: Value, _ name: String, at: Int) throws -> CivilDate? {
        switch v {
        case .null: return nil
        case .date(let d): return d
        case .string(let s):
            if let d = CivilDate(iso: s) { return d }
            throw ExpressionError("\(name)(): '\(s)' is not a date (YYYY-MM-DD, years 0001–9999)", at: at)
        default: throw ExpressionError("\(name)() needs a date, got \(v.typeName)", at: at)
        }
    }

    /// A whole-number argument within `range`: every number that reaches an `Int` goes through here
    /// (or `Value.integer(in:)`), so NaN, infinities and 1e300 give an error, never a trap.
    func int(_ v: Value, _ name: String, at: Int,
             in range: ClosedRange<Int> = -1_000_000_000...1_000_000_000) throws -> Int? {
        if v.isNull { return nil }
        guard let k = v.integer(in: range) else {
            throw ExpressionError("\(name)() needs a whole number from \(range.lowerBound) to \(range.upperBound), "
                                  + "got \(v.typeName) '\(v.displayText)'", at: at)
        }
        return k
    }

    /// A date result, refused when it falls outside the years that `YYYY-MM-DD` can write.
    func writable(_ d: CivilDate, _ name: String, at: Int) throws -> Value {
        guard d.isWritable else {
            throw ExpressionError("\(name): the date falls outside the years 0001–9999", at: at)
        }
        return .date(d)
    }

    mutating func call(_ f: Function, _ args: [Expr], at: Int) throws -> Value {
        switch f {
        case .if: return Evaluator.truthy(try eval(args[0])) ? try eval(args[1]) : try eval(args[2])
        case .coalesce:
            for a in args { let v = try eval(a); if !v.isEmpty { return v } }
            return .null
        case .childrenCount, .childrenAll, .childrenAny, .childrenSum:
            return try callChildren(f, args, at: at)
        case .regex:
            return try callRegex(args, at: at)
        case .siblingsCount, .siblingsAny, .siblingsSum:
            return try callSiblings(f, args, at: at)
        case .treeCount, .treeSum, .treeList:
            return try callTree(f, args, at: at)
        case .children:
            return try callChildrenList(args, at: at)
        case _ where f.takesPredicate(arguments: args.count):
            return try callWithPredicate(f, args, at: at)
        default: break
        }
        let v = try args.map { try eval($0) }
        try tick(at, cost: v.reduce(0) { $0 + flat($1).count })
        switch f {
        case .count, .sum, .mean, .min, .max, .round, .abs, .median, .trimmedMean, .spread, .number:
            return try callNumeric(f, v, at: at)
        case .today, .date, .age, .yearsBetween, .monthsBetween, .daysBetween, .addDays, .addMonths, .addYears,
             .unionDays:
            return try callDate(f, v, at: at)
        case .nikBirthDate, .nikMatchesBirthDate, .nikSex:
            return try callNIK(f, v, at: at)
        case .addWorkingDays, .workingDaysBetween, .isWorkingDay:
            return try callWorkingDays(f, v, at: at)
        case .distinct, .sameSet, .subset:
            return try callSet(f, v, at: at)
        case .actorsExist:
            return try callActorsExist(v[0], at: at)
        default:
            return try callText(f, v, at: at)
        }
    }
}
