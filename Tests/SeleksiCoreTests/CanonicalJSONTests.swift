import Testing
@testable import SeleksiCore

@Suite("Canonical JSON: equal data, equal bytes")
struct CanonicalJSONTests {
    @Test func textIsEscapedExactlyAndReadsBack() throws {
        let text = "Dewi \"Ayu\" \\ baris\nbaru\ttab\r\u{01}\u{1F} é 日本 👩🏽‍🏫"
        let json = Value.string(text).canonicalJSON
        #expect(json == "\"Dewi \\\"Ayu\\\" \\\\ baris\\nbaru\\ttab\\r\\u0001\\u001f é 日本 👩🏽‍🏫\"")
        #expect(try Value(json: "{\"x\":\(json)}") == .record(["x": .string(text)]))
    }

    @Test func keysAreSortedAndNumbersShortest() {
        let v = Value.record(["b": .list([.number(1), .number(2.5), .bool(true), .null]), "a": .date(CivilDate(iso: "2019-07-01")!)])
        #expect(v.canonicalJSON == "{\"a\":\"2019-07-01\",\"b\":[1,2.5,true,null]}")
    }

    /// A command's forms, each written once, joined as members: the same bytes as the whole record
    /// written at once (the hash of a command's forms in its audit row depends on it).
    @Test func aRecordJoinedFromItsMembersJSONIsTheRecordsJSON() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<2_000 {
            let ids = ["tb_skor", "tb_pernyataan", "é", "a\"b"]
            let forms = ids.reduce(into: [String: [String: Value]]()) { out, id in
                if rng.next() % 2 == 0 { out[id] = JSONReaderTests.randomRecord(&rng, depth: 0) }
            }
            let joined = Value.canonicalRecord(ofMemberJSON: forms.mapValues { Value.record($0).canonicalJSON })
            #expect(joined == Value.record(forms.mapValues(Value.record)).canonicalJSON)
        }
    }
}
