/// How far independent raters agree, for the round report.
public enum Agreement {
    /// Krippendorff's alpha with the interval metric. `units` holds, per rated item (an applicant),
    /// the values its raters gave; items with fewer than two values are not pairable and are skipped.
    /// 1 is perfect agreement, 0 agreement at chance level; nil when there is nothing to compare or
    /// no variation at all.
    ///
    /// Uses Σ_{i≠j}(x_i − x_j)² = 2n·Σ(x − x̄)² within each item and over all pairable values, so the
    /// cost is linear in the number of values.
    public static func krippendorffAlphaInterval(_ units: [[Double]]) -> Double? {
        let pairable = units.filter { $0.count >= 2 }
        let all = pairable.flatMap { $0 }
        let n = Double(all.count)
        guard n > 1 else { return nil }
        var observed = 0.0
        for unit in pairable {
            let m = Double(unit.count)
            let mean = unit.reduce(0, +) / m
            let squares = unit.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            observed += 2 * m * squares / (m - 1)
        }
        observed /= n
        let mean = all.reduce(0, +) / n
        let expected = 2 * all.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        guard expected > 0 else { return nil }
        return 1 - observed / expected
    }
}
