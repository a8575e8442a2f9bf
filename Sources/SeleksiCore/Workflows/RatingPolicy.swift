/// What a workflow asks of independent ratings in a state, read from its own rules rather than
/// declared twice: the form raters submit there and the event that carries it, and — from the guards
/// of the automatic transitions leaving the state — how many sheets are needed (`count(ratings.F) >= N`)
/// and when they disagree (`spread(ratings.F.x) > T`). A workflow that words these differently still
/// runs; the head's view then shows sheets without a target or a threshold.
public struct RatingPolicy: Sendable {
    public let state: String
    public let form: String
    public let event: String
    /// Roles that may submit a sheet.
    public let roles: [String]
    /// The number of sheets needed, in the instance's scope (`parent.vars.jumlah_penilai`).
    public let required: Expression?
    /// The field of the sheet whose spread is compared (`total`).
    public let scoreField: String?
    /// The largest spread that is agreement (`parent.vars.batas_selisih`).
    public let tolerance: Expression?

    /// Every rating policy of a workflow; `independentForms` are the forms rated independently.
    public static func policies(in w: WorkflowDefinition, independentForms: Set<String>) -> [RatingPolicy] {
        var out: [RatingPolicy] = []
        for state in w.states {
            let leaving = w.transitions(from: state.id)
            for t in leaving where !t.isAutomatic {
                for form in t.requiredForms
                where independentForms.contains(form)
                    && !out.contains(where: { $0.state == state.id && $0.form == form })
                {
                    var required: Expression?
                    var tolerance: Expression?
                    var field: String?
                    for auto in leaving where auto.isAutomatic {
                        for g in auto.guards {
                            scan(
                                g.test.root, source: g.test.source, form: form, required: &required, field: &field,
                                tolerance: &tolerance)
                        }
                    }
                    out.append(
                        RatingPolicy(
                            state: state.id, form: form, event: t.event, roles: t.roles, required: required,
                            scoreField: field, tolerance: tolerance))
                }
            }
        }
        return out
    }

    private static func scan(
        _ e: Expr, source: String, form: String, required: inout Expression?, field: inout String?,
        tolerance: inout Expression?
    ) {
        func path(_ args: [Expr]) -> [String]? {
            guard args.count == 1, case .path(let p, _) = args[0] else { return nil }
            return p
        }
        if case .binary(">=", .call(.count, let args, _), let rhs, _) = e, path(args) == ["ratings", form] {
            required = required ?? subexpression(rhs, of: source)
            return
        }
        if case .binary(let op, .call(.spread, let args, _), let rhs, _) = e, [">", "<=", "<", ">="].contains(op),
            let p = path(args), p.count == 3, p[0] == "ratings", p[1] == form
        {
            field = field ?? p[2]
            tolerance = tolerance ?? subexpression(rhs, of: source)
            return
        }
        switch e {
        case .binary(_, let a, let b, _):
            scan(a, source: source, form: form, required: &required, field: &field, tolerance: &tolerance)
            scan(b, source: source, form: form, required: &required, field: &field, tolerance: &tolerance)
        case .unary(_, let a, _):
            scan(a, source: source, form: form, required: &required, field: &field, tolerance: &tolerance)
        default:
            return
        }
    }

    /// The right-hand side of a comparison as an expression of its own (its text: the guard's, for messages).
    private static func subexpression(_ e: Expr, of source: String) -> Expression? {
        Expression(root: e, source: source)
    }
}
