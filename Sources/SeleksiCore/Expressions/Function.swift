/// The functions of the expression language. A closed set: no function performs I/O, and each
/// does work proportional to its arguments, so an expression's cost is bounded by its size and data.
public enum Function: String, Sendable, CaseIterable {
    case count, sum, min, max, mean, round, abs
    case `if`, coalesce, filled, selected, contains, concat, lower, upper
    case regex, stringLength = "string-length", number
    case today, date, age, yearsBetween = "years-between", monthsBetween = "months-between"
    case daysBetween = "days-between", addDays = "add-days", addMonths = "add-months", addYears = "add-years"
    case unionDays = "union-days"
    case nikBirthDate = "nik-birth-date", nikMatchesBirthDate = "nik-matches-birth-date", nikSex = "nik-sex"
    case childrenCount = "children-count", childrenAll = "children-all", childrenAny = "children-any"
    case childrenSum = "children-sum"
    case siblingsCount = "siblings-count", siblingsAny = "siblings-any", siblingsSum = "siblings-sum"
    case treeCount = "tree-count", treeSum = "tree-sum", treeList = "tree-list"
    case lookup, median, trimmedMean = "trimmed-mean", spread
    /// Lists and sets: a predicate or expression evaluated once per element, as `item` (and `.`).
    case filter, all, any, map, distinct, sameSet = "same-set", subset
    /// The instance's children as a list of records `{id, state, org, vars, forms}`.
    case children
    case addWorkingDays = "add-working-days", workingDaysBetween = "working-days-between"
    case isWorkingDay = "is-working-day"
    case actorsExist = "actors-exist"
    /// A whole number as an Indonesian document writes an amount: `rupiah(155914990)` is `Rp155.914.990`.
    case rupiah

    var arity: ClosedRange<Int> {
        switch self {
        case .today: return 0...0
        case .count, .sum: return 1...2
        case .filter, .all, .any, .map, .sameSet, .subset, .addWorkingDays, .workingDaysBetween: return 2...2
        case .distinct, .isWorkingDay, .actorsExist, .rupiah: return 1...1
        case .children: return 0...64
        case .mean, .abs, .filled, .lower, .upper, .stringLength, .number, .date, .nikSex: return 1...1
        case .nikBirthDate: return 1...2
        case .nikMatchesBirthDate: return 2...3
        case .childrenAll, .childrenAny, .childrenSum, .siblingsCount, .siblingsAny, .siblingsSum: return 1...1
        case .treeCount, .treeSum, .treeList: return 2...2
        case .round: return 1...2
        case .age: return 1...2
        case .lookup: return 4...4
        case .median, .spread: return 1...1
        case .trimmedMean: return 2...2
        case .selected, .contains, .regex, .yearsBetween, .monthsBetween, .daysBetween, .addDays, .addMonths,
             .addYears: return 2...2
        case .unionDays: return 2...3
        case .if: return 3...3
        case .min, .max, .coalesce, .concat: return 1...64
        case .childrenCount: return 0...64
        }
    }

    func arityText(_ language: Language) -> String {
        if language == .en {
            return arity.lowerBound == arity.upperBound
                ? "\(arity.lowerBound) argument(s)" : "\(arity.lowerBound) to \(arity.upperBound) arguments"
        }
        return arity.lowerBound == arity.upperBound
            ? "\(arity.lowerBound) argumen" : "\(arity.lowerBound) sampai \(arity.upperBound) argumen"
    }

    var readsChildren: Bool { [.childrenCount, .childrenAll, .childrenAny, .childrenSum, .children].contains(self) }

    /// Whether the second argument is evaluated once per element of the first (as `item`), given
    /// `arguments` arguments: `filter`, `all`, `any`, `map`, and `count`/`sum` with two.
    func takesPredicate(arguments: Int) -> Bool {
        switch self {
        case .filter, .all, .any, .map: return true
        case .count, .sum: return arguments == 2
        default: return false
        }
    }
    var evaluatesInChildScope: Bool { [.childrenAll, .childrenAny, .childrenSum].contains(self) }
}
