import SeleksiCore
import Testing

/// A ranking's quota rows may ask about the children as they stand before the ranking: seats that
/// earlier rankings left (a second channel ranked on what the first did not fill).
@Suite("Ranking: quotas computed from the children")
struct RankQuotaFromChildrenTests {
    func child(_ id: Int64, _ state: String, group: String, score: Double) -> ChildView {
        ChildView(id: id, state: state, scope: ["id": .number(Double(id)), "state": .string(state),
                                                 "vars": .record(["kelompok": .string(group), "skor": .number(score)])])
    }

    @Test func aQuotaRowReadsTheChildrenAlreadyHoldingASeat() throws {
        let children = [
            child(1, "diterima", group: "a", score: 0), child(2, "diterima", group: "a", score: 0),
            child(3, "antre", group: "a", score: 5), child(4, "antre", group: "a", score: 9), child(5, "antre", group: "a", score: 7),
        ]
        let effect = RankEffect(childState: "antre", groupBy: try Expression("vars.kelompok"), order: [(try Expression("vars.skor"), true)],
                                quotaRows: try Expression("vars.baris"), quotaKey: try Expression("kelompok"),
                                quotaCount: try Expression("kursi - count(children('diterima'), item.vars.kelompok = kelompok)"),
                                selectedEvent: "terima", restEvent: "tolak", rankVariable: "peringkat", line: 1)
        let parent = EvaluationContext(scopes: [["vars": .record(["baris": .list([.record(["kelompok": .string("a"), "kursi": .number(4)])])])]],
                                       today: CivilDate(iso: "2024-06-12")!, children: children)
        let events = try Ranking.rank(effect, children: children, parent: parent)
        // Four seats, two held: the two best of the queue get them.
        #expect(events.map(\.child) == [4, 5, 3])
        #expect(events.map(\.event) == ["terima", "terima", "tolak"])
        #expect(events.first?.variables["peringkat_kuota"] == .number(2))
    }
}
