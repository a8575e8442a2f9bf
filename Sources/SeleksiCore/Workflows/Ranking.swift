/// Ranks children against quotas, purely: the same children and quotas always give the same order.
///
/// Within each group the children are sorted by the effect's `order` terms; a tie on every term is
/// broken by instance number (earlier registration first). The first `quota` of each group get the
/// selected event, the rest the rest event; each child's place (1-based, within its group) and
/// whether it is within quota are set before its event fires. A quota row's expressions may ask about
/// the children (`children(…)`, `children-count(…)`), as they stood before this ranking's events.
public enum Ranking {
    public static func rank(_ effect: RankEffect, children: [ChildView], parent: EvaluationContext) throws -> [TransitionOutcome.ChildEvent] {
        // Quotas by group key, from the parent's rows.
        var quotas: [String: Int] = [:]
        if case .list(let rows) = try Evaluator.evaluate(effect.quotaRows, in: parent) {
            for row in rows {
                guard case .record(let cells) = row else { continue }
                // A quota may depend on what the children already hold (the seats left after earlier
                // rankings), so a row sees the parent's children as the parent's guards do.
                let rowContext = EvaluationContext(scopes: parent.scopes + [cells], today: parent.today, children: parent.children,
                                                   reference: parent.reference)
                let key = try Evaluator.evaluate(effect.quotaKey, in: rowContext).displayText
                if case .number(let n) = try Evaluator.evaluate(effect.quotaCount, in: rowContext) { quotas[key, default: 0] += Int(n) }
            }
        }
        struct Entry { let child: ChildView; let group: String; let keys: [Value] }
        var groups: [String: [Entry]] = [:]
        for child in children where child.state == effect.childState {
            let ctx = EvaluationContext(scopes: [child.scope], today: parent.today, reference: parent.reference)
            let group = try Evaluator.evaluate(effect.groupBy, in: ctx).displayText
            let keys = try effect.order.map { try Evaluator.evaluate($0.0, in: ctx) }
            groups[group, default: []].append(Entry(child: child, group: group, keys: keys))
        }
        var events: [TransitionOutcome.ChildEvent] = []
        for group in groups.keys.sorted() {
            let sorted = groups[group]!.sorted { a, b in
                for (i, term) in effect.order.enumerated() {
                    let c = compare(a.keys[i], b.keys[i])
                    if c != 0 { return term.1 ? c > 0 : c < 0 }
                }
                return a.child.id < b.child.id
            }
            let quota = quotas[group] ?? 0
            for (i, entry) in sorted.enumerated() {
                let selected = i < quota
                events.append(.init(child: entry.child.id, event: selected ? effect.selectedEvent : effect.restEvent, variables: [
                    effect.rankVariable: .number(Double(i + 1)),
                    "\(effect.rankVariable)_kelompok": .string(group),
                    "\(effect.rankVariable)_kuota": .number(Double(quota)),
                ]))
            }
        }
        return events
    }

    /// A total order over values: null first, then numbers, dates, text.
    public static func compare(_ a: Value, _ b: Value) -> Int {
        func rank(_ v: Value) -> Int {
            switch v {
            case .null: return 0
            case .bool: return 1
            case .number: return 2
            case .date: return 3
            default: return 4
            }
        }
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.date(let x), .date(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        default:
            let (ra, rb) = (rank(a), rank(b))
            if ra != rb { return ra < rb ? -1 : 1 }
            let (x, y) = (a.displayText, b.displayText)
            return x < y ? -1 : (x > y ? 1 : 0)
        }
    }
}
