import Testing

@testable import SeleksiCore

/// `siblings-count` and `siblings-any`: the other children of an instance's parent, each bound as
/// `sibling` beside the instance's own names.
@Suite("Expressions over an instance's siblings")
struct SiblingFunctionsTests {
    func sibling(_ id: Int64, _ state: String, group: String, place: Double) -> ChildView {
        ChildView(
            id: id, state: state,
            scope: [
                "id": .number(Double(id)), "state": .string(state),
                "vars": .record(["kelompok": .string(group), "peringkat": .number(place)]),
            ])
    }

    func evaluate(_ source: String, siblings: [ChildView]?) throws -> Value {
        let me: [String: Value] = [
            "state": .string("cadangan"),
            "vars": .record(["kelompok": .string("skb-1/paud"), "peringkat": .number(3)]),
        ]
        return try Evaluator.evaluate(
            try Expression(source),
            in: EvaluationContext(
                scopes: [me], today: CivilDate(iso: "2019-07-01")!,
                siblings: siblings))
    }

    @Test func siblingsAreCountedByAConditionThatComparesThemWithTheInstance() throws {
        let others = [
            sibling(1, "ditetapkan", group: "skb-1/paud", place: 1),
            sibling(2, "cadangan", group: "skb-1/paud", place: 2),
            sibling(4, "ditetapkan", group: "skb-2/paud", place: 1),
        ]
        #expect(
            try evaluate(
                "siblings-count(sibling.vars.kelompok = vars.kelompok and sibling.state = 'ditetapkan')",
                siblings: others) == .number(1))
        #expect(
            try evaluate(
                "siblings-any(sibling.vars.kelompok = vars.kelompok and sibling.vars.peringkat < vars.peringkat and sibling.state = 'cadangan')",
                siblings: others) == .bool(true))
        #expect(try evaluate("siblings-count(sibling.state = 'ditarik')", siblings: others) == .number(0))
        #expect(try evaluate("siblings-any(true)", siblings: []) == .bool(false))
        // The instance's own names are still its own after the call.
        #expect(try evaluate("siblings-count(true) + vars.peringkat", siblings: others) == .number(6))
    }

    @Test func withoutSiblingsLoadedTheFunctionsSaySoAndTheShellKnowsWhenToLoadThem() throws {
        #expect(throws: ExpressionError.self) { try evaluate("siblings-count(true)", siblings: nil) }
        #expect(try Expression("1 + siblings-count(sibling.state = 'x')").readsSiblings)
        #expect(try !Expression("children-count('x')").readsSiblings)
    }
}
