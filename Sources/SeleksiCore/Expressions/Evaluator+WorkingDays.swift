extension Evaluator {
    /// `add-working-days(d, n)`, `working-days-between(a, b)`, `is-working-day(d)`: read the working-day
    /// calendar the shell put in the context. A day outside the years it covers is an error.
    func callWorkingDays(_ f: Function, _ v: [Value], at: Int) throws -> Value {
        let name = f.rawValue
        guard let calendar = context.reference.calendar else {
            throw ExpressionError(
                "\(name)(): no working-day calendar is loaded (a seed table of holidays with a "
                    + "'tanggal' column; the workflow names it with calendar=\"…\")", at: at)
        }
        do {
            switch f {
            case .addWorkingDays:
                guard let d = try date(v[0], name, at: at), let n = try int(v[1], name, at: at, in: -10_000...10_000)
                else { return .null }
                return .date(try calendar.adding(n, to: d))
            case .workingDaysBetween:
                guard let a = try date(v[0], name, at: at), let b = try date(v[1], name, at: at) else { return .null }
                guard Swift.abs(b.dayNumber - a.dayNumber) <= 40_000 else {
                    throw ExpressionError("\(name)(): the dates are more than 40000 days apart", at: at)
                }
                return .number(Double(try calendar.count(from: a, to: b)))
            default:  // .isWorkingDay
                guard let d = try date(v[0], name, at: at) else { return .null }
                return .bool(try calendar.isWorkingDay(d))
            }
        } catch let e as CalendarError {
            throw ExpressionError(id: "\(name)(): \(e.indonesian)", en: "\(name)(): \(e.description)", at: at)
        }
    }
}
