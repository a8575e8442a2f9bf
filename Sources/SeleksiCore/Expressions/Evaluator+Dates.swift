extension Evaluator {
    /// Calendar functions. One convention throughout (python-dateutil's `relativedelta`; see
    /// `CivilDate`): `age`, `years-between` and `months-between` count what `add-years` and
    /// `add-months` add, so `age(d, add-years(d, n)) = n` for every date, 29 February included.
    func callDate(_ f: Function, _ v: [Value], at: Int) throws -> Value {
        let name = f.rawValue
        switch f {
        case .today: return .date(context.today)
        case .date:
            guard let d = try date(v[0], name, at: at) else { return .null }
            return .date(d)
        case .age:
            guard let born = try date(v[0], name, at: at) else { return .null }
            guard let ref = v.count > 1 ? try date(v[1], name, at: at) : context.today else { return .null }
            return .number(Double(born.wholeYears(to: ref)))
        case .yearsBetween, .monthsBetween, .daysBetween:
            guard let a = try date(v[0], name, at: at), let b = try date(v[1], name, at: at) else { return .null }
            switch f {
            case .yearsBetween: return .number(Double(a.wholeYears(to: b)))
            case .monthsBetween: return .number(Double(a.wholeMonths(to: b)))
            default: return .number(Double(b.dayNumber - a.dayNumber))
            }
        case .addDays, .addMonths, .addYears:
            guard let d = try date(v[0], name, at: at), let n = try int(v[1], name, at: at) else { return .null }
            switch f {
            case .addDays: return try writable(d.adding(days: n), "\(name)()", at: at)
            case .addMonths: return try writable(d.adding(months: n), "\(name)()", at: at)
            default: return try writable(d.adding(months: 12 * n), "\(name)()", at: at)
            }
        default:  // .unionDays
            return try unionDays(v, at: at)
        }
    }

    /// Days covered by the union of [start, end] periods: overlapping experience counts once,
    /// and a period ending after `at` (default today) is cut at `at`.
    /// Rows keep their places (an open-ended row has a null end), so no flattening here.
    private func unionDays(_ v: [Value], at: Int) throws -> Value {
        let name = Function.unionDays.rawValue
        func rows(_ x: Value) -> [Value] { if case .list(let l) = x { return l } else { return [x] } }
        let starts = rows(v[0]), ends = rows(v[1])
        let cap = v.count > 2 ? try date(v[2], name, at: at) ?? context.today : context.today
        var spans: [(Int, Int)] = []
        for (s, e) in zip(starts, ends) {
            guard let a = try date(s, name, at: at) else { continue }
            let b = Swift.min(try date(e, name, at: at) ?? cap, cap)
            if b >= a { spans.append((a.dayNumber, b.dayNumber)) }
        }
        spans.sort { $0.0 < $1.0 }
        var total = 0
        var current: (Int, Int)?
        for s in spans {
            if let c = current, s.0 <= c.1 + 1 { current = (c.0, Swift.max(c.1, s.1)) } else {
                if let c = current { total += c.1 - c.0 + 1 }
                current = s
            }
        }
        if let c = current { total += c.1 - c.0 + 1 }
        return .number(Double(total))
    }

    /// The NIK's birth date and sex. The two-digit year is read against a reference date (the last
    /// argument, or today): the latest century that does not put the birth after it.
    func callNIK(_ f: Function, _ v: [Value], at: Int) throws -> Value {
        let name = f.rawValue
        guard case .string(let nik) = v[0] else { return .null }
        switch f {
        case .nikSex:
            return NIK.sex(nik).map(Value.string) ?? .null
        case .nikBirthDate:
            guard let ref = v.count > 1 ? try date(v[1], name, at: at) : context.today else { return .null }
            return NIK.birthDate(nik, reference: ref).map(Value.date) ?? .null
        default:  // .nikMatchesBirthDate
            guard let born = try date(v[1], name, at: at),
                  let ref = v.count > 2 ? try date(v[2], name, at: at) : context.today else { return .null }
            guard NIK.birthParts(nik) != nil else { return .null }
            return .bool(NIK.birthDate(nik, reference: ref) == born)
        }
    }
}
