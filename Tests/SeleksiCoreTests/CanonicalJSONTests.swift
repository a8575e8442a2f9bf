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
}
