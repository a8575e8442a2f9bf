/// `<grant role="…" actors="…" until="instance-end"/>`: gives a role to the actors a form names (the
/// members listed in a decree), in the instance's organisation (or the one `org` gives), from the
/// moment the transition is accepted until the instance ends, until a date, or with no end.
///
/// An actor who already holds the role there keeps what he holds (a standing appointment outlives the
/// decree); an id that names no actor refuses the transition, before anything is written.
public struct GrantEffect: Sendable {
    public enum Until: Sendable {
        /// The grant ends when this instance reaches a final state.
        case instanceEnd
        /// The grant ends at the end of the date the expression gives (00:00 WIB the day after).
        case date(Expression)
        /// No end: revoked by hand.
        case none
    }

    public let role: String
    /// A list of actor ids (or one id), evaluated in the transition's scope.
    public let actors: Expression
    /// The organisation, when not the instance's own.
    public let org: Expression?
    public let until: Until
    public let line: Int

    public init(role: String, actors: Expression, org: Expression? = nil, until: Until, line: Int) {
        self.role = role
        self.actors = actors
        self.org = org
        self.until = until
        self.line = line
    }

    public var expressions: [Expression] {
        var out = [actors]
        if let org { out.append(org) }
        if case .date(let e) = until { out.append(e) }
        return out
    }
}

/// What a grant effect decided, for the shell to write: one actor, one role, one organisation (nil:
/// the instance's), and how it ends.
public struct GrantOrder: Sendable, Equatable {
    public let actor: String
    public let role: String
    public let org: String?
    /// Ends when the granting instance ends.
    public let untilInstanceEnd: Bool
    /// Ends at the end of this day.
    public let untilDate: CivilDate?

    public init(actor: String, role: String, org: String?, untilInstanceEnd: Bool, untilDate: CivilDate?) {
        self.actor = actor
        self.role = role
        self.org = org
        self.untilInstanceEnd = untilInstanceEnd
        self.untilDate = untilDate
    }
}

/// Evaluates a grant effect into orders, one per distinct actor named.
enum GrantOrders {
    static func evaluate(_ g: GrantEffect, in context: EvaluationContext) throws -> [GrantOrder] {
        let named = try Evaluator.evaluate(g.actors, in: context)
        var ids: [String] = []
        func collect(_ v: Value) {
            switch v {
            case .list(let l): l.forEach(collect)
            case .null: break
            default:
                let id = v.displayText.trimmingSpaces
                if !id.isEmpty, !ids.contains(id) { ids.append(id) }
            }
        }
        collect(named)
        let org = try g.org.map { try Evaluator.evaluate($0, in: context).displayText }
        var untilDate: CivilDate?
        if case .date(let e) = g.until {
            switch try Evaluator.evaluate(e, in: context) {
            case .date(let d): untilDate = d
            case .string(let s) where CivilDate(iso: s) != nil: untilDate = CivilDate(iso: s)
            case let other:
                throw ExpressionError(
                    "grant until: '\(e.source)' gives \(other.typeName) '\(other.displayText)', not a date", at: 0)
            }
        }
        var untilEnd = false
        if case .instanceEnd = g.until { untilEnd = true }
        return ids.map {
            GrantOrder(actor: $0, role: g.role, org: org, untilInstanceEnd: untilEnd, untilDate: untilDate)
        }
    }
}
