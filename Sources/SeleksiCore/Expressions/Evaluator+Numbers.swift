extension Evaluator {
    /// Aggregates and arithmetic functions.
    func callNumeric(_ f: Function, _ v: [Value], at: Int) throws -> Value {
        let name = f.rawValue
        switch f {
        case .count: return .number(Double(flat(v[0]).filter { !$0.isEmpty }.count))
        case .sum: return .number(try numbers(flat(v[0]), name, at: at).reduce(0, +))
        case .mean:
            let xs = try numbers(flat(v[0]), name, at: at)
            return xs.isEmpty ? .null : .number(xs.reduce(0, +) / Double(xs.count))
        case .min, .max:
            let all = v.flatMap(flat).filter { !$0.isNull }
            // Dates, or dates read back from storage as ISO text (`YYYY-MM-DD`), compare as dates.
            let isDate: (Value) -> Bool = {
                switch $0 {
                case .date: return true
                case .string(let s): return CivilDate(iso: s) != nil
                default: return false
                }
            }
            if !all.isEmpty, all.allSatisfy(isDate) {
                let ds = try all.compactMap { try date($0, name, at: at) }
                return .date(f == .min ? ds.min()! : ds.max()!)
            }
            let xs = try numbers(all, name, at: at)
            guard !xs.isEmpty else { return .null }
            return .number(f == .min ? xs.min()! : xs.max()!)
        case .round:
            // Half away from zero on the decimal value the user sees: round(38.605, 2) = 38.61.
            guard case .number(let x) = v[0] else { return .null }
            let places = v.count > 1 ? (try int(v[1], name, at: at, in: -15...15) ?? 0) : 0
            return .number(DecimalRounding.round(x, places: places))
        case .abs:
            guard case .number(let x) = v[0] else { return .null }
            return .number(Swift.abs(x))
        case .median:
            let xs = try numbers(flat(v[0]), name, at: at).sorted()
            guard !xs.isEmpty else { return .null }
            return .number(xs.count % 2 == 1 ? xs[xs.count / 2] : (xs[xs.count / 2 - 1] + xs[xs.count / 2]) / 2)
        case .trimmedMean:
            // trimmed-mean(x, k): the mean after dropping the k lowest and k highest values.
            let xs = try numbers(flat(v[0]), name, at: at).sorted()
            let k = try int(v[1], name, at: at, in: 0...1_000_000) ?? 0
            guard xs.count > 2 * k else { return xs.isEmpty ? .null : .number(xs.reduce(0, +) / Double(xs.count)) }
            let kept = xs[k..<(xs.count - k)]
            return .number(kept.reduce(0, +) / Double(kept.count))
        case .spread:
            let xs = try numbers(flat(v[0]), name, at: at)
            guard let lo = xs.min(), let hi = xs.max() else { return .null }
            return .number(hi - lo)
        default:  // .number
            switch v[0] {
            case .number: return v[0]
            case .string(let s): return Value.number(fromText: s).map(Value.number) ?? .null
            default: return .null
            }
        }
    }
}
