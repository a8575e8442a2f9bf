import Testing

@testable import SeleksiCore

/// `tree-count`, `tree-sum`, `tree-list` (instances of a workflow in the process's organisation tree,
/// each bound as `other`), `siblings-sum`, `contains` of a list in a list, and `min`/`max` of dates read
/// back from storage: what the Tutor Bantu work phase asks of its budget, hours and schedule.
@Suite("Expressions over the organisation tree, siblings' sums, lists in lists")
struct TreeFunctionsTests {
    func month(_ id: Int64, _ state: String, year: Int, paid: Double?, skb: String) -> Value {
        .record([
            "id": .number(Double(id)), "state": .string(state), "org": .string(skb),
            "vars": .record(["tahun": .number(Double(year)), "dibayar": paid.map(Value.number) ?? .null]),
        ])
    }

    func evaluate(_ source: String, tree: Value?, siblings: [ChildView]? = nil, vars: [String: Value] = [:]) throws -> Value {
        var me: [String: Value] = ["state": .string("disahkan"), "vars": .record(["tahun": .number(2019), "honorarium": .number(1_500_000)].merging(vars) { $1 })]
        if let tree { me["tree"] = tree }
        return try Evaluator.evaluate(
            try Expression(source), in: EvaluationContext(scopes: [me], today: CivilDate(iso: "2019-09-01")!, siblings: siblings))
    }

    var months: Value {
        .record(["tb_bulan": .list([
            month(1, "dibayar", year: 2019, paid: 1_500_000, skb: "skb-1"),
            month(2, "dibayar", year: 2019, paid: 900_000, skb: "skb-2"),
            month(3, "disahkan", year: 2019, paid: nil, skb: "skb-1"),
            month(4, "dibayar", year: 2018, paid: 7_000_000, skb: "skb-1"),
        ])])
    }

    @Test func aUPTsPaymentsOfTheYearAreSummedAcrossItsSKBsAndOtherYearsAreLeftOut() throws {
        let paid = "tree-sum('tb_bulan', if(other.vars.tahun = vars.tahun and other.state = 'dibayar', other.vars.dibayar, 0))"
        #expect(try evaluate(paid, tree: months) == .number(2_400_000))
        #expect(try evaluate("\(paid) + vars.honorarium <= 3900000", tree: months) == .bool(true))
        #expect(try evaluate("\(paid) + vars.honorarium <= 3899999", tree: months) == .bool(false))
        #expect(try evaluate("tree-count('tb_bulan', other.org = 'skb-1')", tree: months) == .number(3))
        let listed = try evaluate("tree-list('tb_bulan', other.state = 'disahkan')", tree: months)
        guard case .list(let rows) = listed, rows.count == 1, case .record(let row) = rows[0] else {
            Issue.record("tree-list gave \(listed)")
            return
        }
        #expect(row["id"] == .number(3))
        // The list is readable as a path too: the instance's own names are its own after the call.
        #expect(try evaluate("count(tree.tb_bulan.id) + vars.tahun", tree: months) == .number(2023))
    }

    @Test func theWorkflowIsWrittenAsTextSoTheShellKnowsWhatToLoad() throws {
        #expect(try Expression("tree-sum('tb_bulan', other.vars.dibayar) + tree-count('tb_skb_bulan', true)").treeWorkflows
            == ["tb_bulan", "tb_skb_bulan"])
        #expect(try Expression("sum(tree.tb_pelaksanaan.vars.pagu)").treeWorkflows == ["tb_pelaksanaan"])
        #expect(throws: ExpressionError.self) { try evaluate("tree-count(vars.tahun, true)", tree: months) }
        // Not loaded (a form's constraint, a workflow not named): an error that says where it may be used.
        #expect(throws: ExpressionError.self) { try evaluate("tree-count('tb_bulan', true)", tree: nil) }
        #expect(throws: ExpressionError.self) { try evaluate("tree-count('tb_lain', true)", tree: months) }
    }

    @Test func siblingsSumAddsWhatTheOtherChildrenGive() throws {
        // As the shell builds them: the scope carries the sibling's own id and state.
        let others = [(1, "dibayar", 40), (2, "disahkan", 36), (3, "terdaftar", nil)].map { (id: Int64, state: String, jp: Double?) in
            ChildView(id: id, state: state, scope: ["id": .number(Double(id)), "state": .string(state),
                                                    "vars": .record(jp.map { ["jp_diajar": .number($0)] } ?? [:])])
        }
        #expect(try evaluate("siblings-sum(sibling.vars.jp_diajar)", tree: nil, siblings: others) == .number(76))
        #expect(try evaluate("siblings-sum(if(sibling.state = 'dibayar', sibling.vars.jp_diajar, 0))", tree: nil, siblings: others) == .number(40))
        #expect(try Expression("siblings-sum(sibling.vars.x)").readsSiblings)
    }

    @Test func everyElementOfAListInAnotherAndDatesReadBackAsText() throws {
        let days: [String: Value] = ["jadwal": .list([.string("1"), .string("3")]), "sesi": .list([.number(1), .number(3), .number(1)])]
        #expect(try evaluate("contains(vars.jadwal, vars.sesi)", tree: nil, vars: days) == .bool(true))
        #expect(try evaluate("contains(vars.jadwal, vars.lain)", tree: nil, vars: days.merging(["lain": .list([.number(1), .number(2)])]) { $1 })
            == .bool(false))
        #expect(try evaluate("contains(vars.jadwal, 3)", tree: nil, vars: days) == .bool(true))
        let dates: [String: Value] = ["tanggal": .list([.string("2019-08-14"), .string("2019-08-05"), .string("2019-08-30")])]
        #expect(try evaluate("min(vars.tanggal)", tree: nil, vars: dates) == .date(CivilDate(iso: "2019-08-05")!))
        #expect(try evaluate("max(vars.tanggal) <= '2019-08-31'", tree: nil, vars: dates) == .bool(true))
        #expect(try evaluate("min(vars.tanggal) >= '2019-08-06'", tree: nil, vars: dates) == .bool(false))
    }
}
