import Testing
@testable import SeleksiCore

/// `Value.readBack` tells what parsing a record's canonical JSON gives, without the text: the store
/// keeps a row it has just written that way. If it told anything else, the next command on the row
/// would decide on other data than after a restart.
@Suite("A record as reading it back gives it")
struct ReadBackTests {
    @Test func randomRecordsReadBackAsTheParserReadsThem() throws {
        var rng = SplitMix(seed: 11)
        for _ in 0..<3_000 {
            var record = JSONReaderTests.randomRecord(&rng, depth: 0)
            // What writing changes: dates, numbers JSON has not, -0; at the top and inside a list.
            let changing: [Value] = [
                .date(CivilDate(iso: "2019-07-01")!), .number(.nan), .number(-.infinity), .number(-0.0),
            ]
            if rng.next() % 2 == 0 { record["tanggal"] = changing[Int(rng.next() % 4)] }
            if rng.next() % 3 == 0 { record["daftar"] = .list([.number(1), changing[Int(rng.next() % 4)]]) }
            let parsed = try Value(json: Value.record(record).canonicalJSON)
            let read = try #require(Value.readBack(of: record))
            #expect(Value.record(read) == parsed)
            #expect(Value.record(read).canonicalJSON == parsed.canonicalJSON)
        }
    }

    @Test func whatWritingChangesIsChangedInPlace() throws {
        let record: [String: Value] = [
            "mulai": .date(CivilDate(iso: "2024-03-01")!), "nol": .number(-0.0), "tak_hingga": .number(.infinity),
            "baris": .list([.record(["d": .date(CivilDate(iso: "2024-03-02")!)])]), "nama": .string("Dewi"),
        ]
        let read = try #require(Value.readBack(of: record))
        #expect(read["mulai"] == .string("2024-03-01"))
        #expect(read["tak_hingga"] == .null)
        guard case .number(let zero)? = read["nol"] else { Issue.record("not a number"); return }
        #expect(zero == 0 && zero.sign == .plus)
        #expect(read["baris"] == .list([.record(["d": .string("2024-03-02")])]))
        #expect(read["nama"] == .string("Dewi"))
    }

    /// Where the reader would refuse the text, nothing is claimed about what reading gives.
    @Test func aRecordTheReaderWouldRefuseHasNoReadBack() {
        let limits = JSONLimits(maxBytes: 1 << 20, maxDepth: 3, maxStringBytes: 8)
        let deep: [String: Value] = ["a": .list([.list([.list([])])])]
        #expect(Value.readBack(of: deep, limits: limits) == nil)
        #expect((try? Value(json: Value.record(deep).canonicalJSON, limits: limits)) == nil)
        #expect(Value.readBack(of: ["a": .string("sembilan!")], limits: limits) == nil)
        #expect(Value.readBack(of: ["kunci_panjang": .null], limits: limits) == nil)
        #expect(Value.readBack(of: ["a": .list([.list([])]), "b": .string("delapan!")], limits: limits) != nil)
    }
}
