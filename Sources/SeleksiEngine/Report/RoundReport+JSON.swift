import SeleksiCore

extension RoundReport {
    /// The report as a JSON value for scripts: the same figures, labels in the given language beside
    /// the ids, hours as numbers.
    public func json(_ language: Language = .id) -> Value {
        func n(_ x: Int) -> Value { .number(Double(x)) }
        func d(_ x: Double) -> Value { x.isFinite ? .number((x * 100).rounded() / 100) : .null }
        func states(_ list: [StateCount]) -> Value {
            .list(
                list.map {
                    .record([
                        "state": .string($0.state), "label": .string($0.label.text(language)), "count": n($0.count),
                    ])
                })
        }
        func funnel(_ list: [FunnelStage]) -> Value {
            .list(list.map { .record(["label": .string($0.label.text(language)), "count": n($0.count)]) })
        }
        return .record([
            "round": .number(Double(instance)), "title": .string(title.text(language)),
            "organisation": .string(organisation),
            "state": .string(state.text(language)), "audit_rows": .number(Double(auditRows)),
            "applicants": n(applicants), "states": states(self.states),
            "others": .list(
                others.map {
                    .record([
                        "workflow": .string($0.workflow), "title": .string($0.title.text(language)),
                        "count": n($0.count),
                        "states": states($0.states),
                    ])
                }),
            "funnel": funnel(self.funnel),
            "quota": n(quotaTotal), "filled": n(filledTotal),
            "sections": .list(
                sections.map { s in
                    .record([
                        "org": .string(s.org), "name": .string(s.name), "applicants": n(s.applicants),
                        "states": states(s.states), "funnel": funnel(s.funnel),
                        "quota": .list(
                            s.quota.map {
                                .record([
                                    "category": .string($0.category), "label": .string($0.label), "quota": n($0.quota),
                                    "filled": n($0.filled),
                                ])
                            }),
                    ])
                }),
            "scores": .list(
                distributions.map {
                    .record([
                        "category": .string($0.category), "label": .string($0.label), "count": n($0.count),
                        "min": d($0.minimum), "median": d($0.median), "mean": d($0.mean), "max": d($0.maximum),
                        "bucket_width": n($0.bucketWidth), "buckets": .list($0.buckets.map(n)),
                    ])
                }),
            "decisions": .list(
                decisions.map {
                    .record([
                        "name": .string($0.name), "value": .string($0.value), "count": n($0.count),
                        "with_reason": n($0.withReason),
                    ])
                }),
            "raters": .list(
                raterScores.map {
                    .record([
                        "form": .string($0.form), "field": .string($0.field), "ratings": n($0.ratings),
                        "min": d($0.minimum),
                        "mean": d($0.mean), "median": d($0.median), "max": d($0.maximum),
                        "alpha": $0.alpha.map(d) ?? .null,
                    ])
                }),
            "stages": .list(
                stages.map {
                    .record([
                        "state": .string($0.state), "label": .string($0.label.text(language)),
                        "instances": n($0.instances),
                        "mean_hours": d($0.meanHours), "median_hours": d($0.medianHours),
                    ])
                }),
            "timeline": .list(
                timeline.map {
                    .record([
                        "state": .string($0.state), "label": .string($0.label.text(language)), "at": .string($0.at.iso),
                    ])
                }),
        ])
    }
}
