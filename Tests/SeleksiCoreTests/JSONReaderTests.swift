import Testing
@testable import SeleksiCore

@Suite("The JSON reader: strict RFC 8259, bounded")
struct JSONReaderTests {
    func refusal(_ text: String, limits: JSONLimits = .standard) -> ExpressionError? {
        do { _ = try Value(json: text, limits: limits); return nil } catch { return error }
    }

    func refusal(bytes: [UInt8]) -> ExpressionError? {
        do { _ = try Value(jsonBytes: bytes); return nil } catch { return error }
    }

    @Test func readsWhatSeleksiWrites() throws {
        let v = try Value(json: #" { "a": [1, 2.5, -3e2, true, false, null], "#
                          + #""b": {"c": "x\"y\\z\/\n\u00e9\ud83d\ude00"} } "#)
        let expected: Value = .record([
            "a": .list([.number(1), .number(2.5), .number(-300), .bool(true), .bool(false), .null]),
            "b": .record(["c": .string("x\"y\\z/\né😀")]),
        ])
        #expect(v == expected)
        #expect(try Value(json: expected.canonicalJSON) == expected)
    }

    @Test func canonicalJSONOfANonFiniteNumberStaysReadable() throws {
        let v: Value = .record(["a": .number(.infinity), "b": .number(.nan), "c": .number(1)])
        #expect(try Value(json: v.canonicalJSON) == .record(["a": .null, "b": .null, "c": .number(1)]))
    }

    @Test(arguments: ["025", "-025", "+10", ".5", "1.", "1.e5", "1e", "1e+", "-", "--1", "0x10", "Infinity", "NaN",
                      "01.5", "1.5.2", "1e5e5"])
    func malformedNumbersAreRefused(_ text: String) {
        #expect(refusal(text) != nil)
        #expect(refusal("[\(text)]") != nil)
    }

    @Test func numbersReadExactly() throws {
        #expect(try Value(json: "0") == .number(0))
        #expect(try Value(json: "1E2") == .number(100))
        #expect(try Value(json: "0.1") == .number(0.1))
        #expect(try Value(json: "38.605") == .number(38.605))
        #expect(try Value(json: "123456789012345678901234567890") == .number(1.2345678901234568e29))
        #expect(try Value(json: "4.9e-324") == .number(.leastNonzeroMagnitude))
        #expect(try Value(json: "1.7976931348623157e308") == .number(.greatestFiniteMagnitude))
        #expect(try Value(json: "9007199254740993") == .number(9007199254740992))  // rounds to even, as strtod
    }

    /// A negative number beyond the exact fast path (more than 15 digits, or a large exponent) kept its
    /// sign: one rater's score minus another's, -1.3333333333333333, was read back as +1.33….
    @Test func negativeNumbersOfManyDigitsKeepTheirSign() throws {
        for n in [-1.3333333333333333, -0.1234567890123456, -3.4240413828772815e+49, -5.389771944077234e-302,
                  -123456789012345678901234567890.0, -Double.greatestFiniteMagnitude, -Double.leastNonzeroMagnitude] {
            let text = Value.number(n).canonicalJSON
            #expect(try Value(json: text) == .number(n), "\(text)")
            #expect(try Value(json: "{\"selisih\":\(text)}") == .record(["selisih": .number(n)]), "\(text)")
        }
        #expect(try Value(json: "-9007199254740993") == .number(-9007199254740992))
    }

    /// Whatever the store writes reads back as the same value: random records of every kind of value
    /// but dates (written as their ISO text) and numbers JSON cannot hold, numbers from any bits.
    @Test func randomRecordsReadBackAsWritten() throws {
        var rng = SplitMix(seed: 42)
        for _ in 0..<3_000 {
            let record = Value.record(Self.randomRecord(&rng, depth: 0))
            let text = record.canonicalJSON
            #expect(try Value(json: text) == record, "\(text)")
        }
    }

    static func randomRecord(_ rng: inout SplitMix, depth: Int) -> [String: Value] {
        var r: [String: Value] = [:]
        let keys = ["a", "b", "é", "e\u{301}", "nilai", "skor_1"]  // "é" twice: one scalar, and two
        for _ in 0..<Int(rng.next() % 5) { r[keys[Int(rng.next() % 6)]] = randomValue(&rng, depth: depth) }
        return r
    }

    private static func randomValue(_ rng: inout SplitMix, depth: Int) -> Value {
        switch rng.next() % (depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(rng.next() % 2 == 0)
        case 2:
            let picks: [Double] = [0, -0.0, 1, -7.25, 1e21, -0.1, 123_456_789.125, -Double.leastNonzeroMagnitude]
            return .number(picks[Int(rng.next() % 8)])
        case 3:
            let n = Double(bitPattern: rng.next())  // any bits: subnormals, huge, tiny, either sign
            return .number(n.isFinite ? n : -1.3333333333333333)
        case 4: return .string(["", "Dewi \"Ayu\"", "baris\nbaru", "日本", "\u{1}", "2019-07-01"][Int(rng.next() % 6)])
        case 5: return .list((0..<Int(rng.next() % 3)).map { _ in randomValue(&rng, depth: depth + 1) })
        default: return .record(randomRecord(&rng, depth: depth + 1))
        }
    }

    @Test func negativeZeroIsZero() throws {
        for text in ["-0", "-0.0", "-0e5", "-1e-400"] {
            guard case .number(let n) = try Value(json: text) else { Issue.record("not a number"); continue }
            #expect(n == 0 && n.sign == .plus, "\(text)")
        }
    }

    @Test func numbersBeyondDoubleAreRefusedNotInfinite() {
        let e = refusal(#"{"gaji": 1e400}"#)
        #expect(e?.offset == 9)
        #expect(e?.text(.en).contains("number too large") == true)
        #expect(refusal("-1e400") != nil)
        #expect(refusal("1" + String(repeating: "0", count: 400)) != nil)
    }

    @Test func duplicateKeysAreRefusedByName() {
        let e = refusal("{\n  \"nama\": \"A\",\n  \"nama\": \"B\"\n}")
        #expect(e?.message.contains("'nama'") == true)
        #expect(e?.offset == 19)
        #expect(e?.message.contains("baris 3, kolom 3") == true)
        #expect(e?.text(.en).contains("duplicate key 'nama' (line 3, column 3)") == true)
        #expect(refusal(#"{"a": {"x": 1}, "b": {"x": 2}}"#) == nil)  // the same key in two objects is fine
    }

    @Test func nestedObjectsKeepTheirOwnMembers() throws {
        // An object's members are gathered on one stack shared with the objects inside it.
        let text = #"{"a": {"x": 1, "y": {"x": 2}}, "b": [{"x": 3}, {}], "x": 4}"#
        #expect(try Value(json: text) == .record([
            "a": .record(["x": .number(1), "y": .record(["x": .number(2)])]),
            "b": .list([.record(["x": .number(3)]), .record([:])]), "x": .number(4),
        ]))
        let e = refusal(#"{"a": {"x": 1, "y": {"x": 2}, "x": 3}}"#)
        #expect(e?.text(.en).contains("duplicate key 'x'") == true)
        #expect(e?.offset == 30)
    }

    @Test func aRecordReadForSomeKeysHasThoseOfTheFullReading() throws {
        let text = #"{"program": "PAUD", "nilai": [1, {"a": "b\u00e9"}], "ijazah": {"x": null}, "umur": 31}"#
        guard case .record(let full) = try Value(json: text) else { Issue.record("not a record"); return }
        let keySets = [[], ["program"], ["umur", "program"], ["nilai", "tidak_ada"],
                       ["program", "nilai", "ijazah", "umur"]]
        for keys in keySets {
            let narrow = try Value(json: text, keepingKeys: keys)
            #expect(narrow == .record(full.filter { keys.contains($0.key) }), "\(keys)")
        }
        #expect(try Value(json: "[1, 2]", keepingKeys: ["a"]) == .list([.number(1), .number(2)]))
        // By a predicate (a document keeps the names its template mentions): the same members.
        let vocabulary: Set<String> = ["umur", "program", "nama", "tanggal"]
        #expect(try Value(json: text, keeping: vocabulary.contains)
                == .record(full.filter { vocabulary.contains($0.key) }))
    }

    @Test func membersNotKeptAreStillReadStrictly() throws {
        for bad in [#"{"a": 1, "b": [1, 025]}"#, #"{"a": 1, "b": "\q"}"#, #"{"a": 1, "b": {"c" 1}}"#,
                    #"{"a": 1, "b": tru}"#, #"{"a": 1, "b": [1, 2}"#, #"{"a": 1, "b": 1"#] {
            #expect(throws: ExpressionError.self, "\(bad)") { try Value(json: bad, keepingKeys: ["a"]) }
        }
        // A kept key twice is refused; a skipped one is not looked at.
        #expect(throws: ExpressionError.self) { try Value(json: #"{"a": 1, "a": 2}"#, keepingKeys: ["a"]) }
        #expect(try Value(json: #"{"a": 1, "b": 2, "b": 3}"#, keepingKeys: ["a"]) == .record(["a": .number(1)]))
    }

    @Test(arguments: [#""\q""#, #""\x41""#, #""\u12""#, #""\u12G4""#, #""\"#, #""abc"#, "\"a\tb\"", "\"a\nb\"",
                      "\"\u{0}\"", "\"\u{1F}\""])
    func badTextIsRefused(_ text: String) {
        #expect(refusal(text) != nil)
    }

    @Test func loneOrBrokenSurrogatesAreRefusedNotFatal() {
        for text in [#""\uD800\u0041""#, #""\uD800""#, #""\uDC00""#, #""\uD800\uD800""#, #""\uDBFF\n""#,
                     #""x\uDE00y""#] {
            #expect(refusal(text) != nil, "\(text)")
        }
        #expect(refusal(#""\uD800\u0041""#)?.offset == 1)
    }

    @Test func invalidUTF8BytesAreRefusedWithTheirOffset() throws {
        let quote = UInt8(ascii: "\"")
        for bad: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                             [0xC3], [0x80], [0xE2, 0x82]] {
            #expect(refusal(bytes: [quote, UInt8(ascii: "a")] + bad + [quote])?.offset == 2, "\(bad)")
        }
        #expect(try Value(jsonBytes: Array("\"é€😀\"".utf8)) == .string("é€😀"))
        #expect(refusal(bytes: [0xFF]) != nil)  // outside a text too
    }

    @Test func trailingTextIsRefused() {
        for text in ["1 2", "{} x", "[1],", "nullx", "truefalse", "", "   ", "{", "[", "[1,]", "{\"a\":1,}", "{a:1}"] {
            #expect(refusal(text) != nil, "\(text)")
        }
    }

    @Test func aByteOrderMarkIsIgnored() throws {
        #expect(try Value(jsonBytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .list([.number(1)]))
    }

    @Test func nestingIsBoundedAndDeepInputIsRefusedQuickly() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(refusal(ok) == nil)
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(refusal(tooDeep)?.offset == 64)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(refusal(String(repeating: "[", count: 100_000)) != nil)
            #expect(refusal(String(repeating: "{\"a\":", count: 100_000)) != nil)
        }
        #expect(elapsed < .seconds(1))
    }

    @Test func sizeAndStringLengthAreBounded() {
        let limits = JSONLimits(maxBytes: 100, maxStringBytes: 10)
        #expect(refusal(String(repeating: " ", count: 101), limits: limits) != nil)
        #expect(refusal("\"0123456789\"", limits: limits) == nil)
        #expect(refusal("\"0123456789a\"", limits: limits) != nil)
        #expect(refusal("\"012345678\\n9\"", limits: limits) != nil)
        #expect(refusal("{\"0123456789a\": 1}", limits: limits) != nil)
    }
}
