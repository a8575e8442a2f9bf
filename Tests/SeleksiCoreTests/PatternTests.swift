import Testing
@testable import SeleksiCore

@Suite("regex(): a linear-time matcher for the patterns forms use")
struct PatternTests {
    func matches(_ pattern: String, _ text: String) throws -> Bool { try Pattern(pattern).matchesWhole(text) }

    @Test func theShippedFormsPatterns() throws {
        let time = "([01][0-9]|2[0-3])\\.[0-5][0-9]"  // forms/tb_berita_acara.xml
        #expect(try matches(time, "08.00") && matches(time, "23.59") && matches(time, "19.05"))
        #expect(try !matches(time, "24.00") && !matches(time, "8.00"))
        #expect(try !matches(time, "08:00") && !matches(time, "08.60"))
        #expect(try matches("[0-9A-Z]{8}", "20A12B3C") && !matches("[0-9A-Z]{8}", "20a12B3C"))  // tb_usulan_skb
        #expect(try !matches("[0-9A-Z]{8}", "1234567") && !matches("[0-9A-Z]{8}", "123456789"))
        // tb_kontrak
        #expect(try matches("[0-9]{6,20}", "123456") && matches("[0-9]{6,20}", String(repeating: "9", count: 20)))
        #expect(try !matches("[0-9]{6,20}", "12345") && !matches("[0-9]{6,20}", String(repeating: "9", count: 21)))
    }

    @Test func syntax() throws {
        #expect(try matches("a.c", "abc") && !matches("a.c", "a\nc"))
        #expect(try matches("[^,]+", "abc") && !matches("[^,]+", "a,c"))
        #expect(try matches("\\d\\w\\s\\.\\-", "1_ .-") && !matches("\\d", "١"))
        #expect(try matches("\\D\\W\\S", "a-b"))
        #expect(try matches("^ab$", "ab") && matches("(?:ab)+", "ababab") && matches("a|b|", ""))
        #expect(try matches("x?y*z+", "zz") && matches("a{2}b{1,}c{0,1}d{,2}", "aabbbdd"))
        #expect(try matches("[a-c-]+", "a-c") && matches("[]a]+", "]a") && matches("[\\]]", "]"))
        #expect(try matches("\\u00E9|\\u{1F600}", "é") && matches("é+", "éé") && matches("😀", "😀"))
        #expect(try matches("a*?b", "aab") && matches("", "") && !matches("", "a"))
        #expect(try matches("(a|ab)(c|bcd)(d*)", "abcd"))
        #expect(try matches("[.]", ".") && !matches("[.]", "a"))
    }

    @Test func combiningMarksDoNotHideSyntax() throws {
        // Found by fuzz-pattern: read as characters, "|" followed by U+0616 was one grapheme, so
        // "p|p" was a single literal and disagreed with "p". Patterns are read as Unicode scalars.
        let p = "\u{616}Aw\u{FFFD}", text = "\u{616}Aw\u{FFFD}"
        #expect(try matches(p, text) && matches("\(p)|\(p)", text) && matches("(?:\(p))", text))
        #expect(try matches("(\u{301}a)+", "\u{301}a\u{301}a"))
        #expect(try matches("e\u{301}", "e\u{301}") && !matches(".", "e\u{301}") && matches("..", "e\u{301}"))
        // The offset counts characters, as the expression's do: "a\u{301}" is one.
        do { _ = try Pattern("a\u{301}("); Issue.record("accepted") } catch { #expect(error.offset == 1) }
    }

    @Test(arguments: ["(a", "a)", "[a", "a{2", "a{3,1}", "a{1001}", "*a", "a**", "a{2}{3}", "a*+", "(?=a)", "(?!a)",
                      "(?<=a)", "(?<n>a)", "(?i)a", "\\1", "\\k<n>", "\\b", "\\p{L}", "\\q", "\\", "[z-a]", "[\\d-z]",
                      "[[:alpha:]]", "^*", "{", "\\u12", "\\u{110000}",
                      String(repeating: "(", count: 33) + "a" + String(repeating: ")", count: 33)])
    func unsupportedSyntaxIsAClearError(_ pattern: String) {
        #expect(throws: ExpressionError.self) { try Pattern(pattern) }
    }

    @Test func errorsPointIntoTheExpression() {
        do {
            _ = try Expression("regex(., 'ab(?=c)')")
            Issue.record("accepted")
        } catch {
            #expect(error.offset == 12)  // the '(' of '(?=' inside the quoted pattern
            #expect(error.message.contains("lookaround"))
        }
    }

    @Test func pathologicalPatternsFinishInMilliseconds() throws {
        let clock = ContinuousClock()
        let cases: [(String, String)] = [
            ("(a|aa)+$", String(repeating: "a", count: 40) + "b"),
            ("(a+)+$", String(repeating: "a", count: 5_000) + "!"),
            ("(a*)*b", String(repeating: "a", count: 5_000)),
            ("(a|a)*c", String(repeating: "a", count: 5_000)),
            ("(.*a){20}", String(repeating: "a", count: 1_000) + "b"),
            ("(x+x+)+y", String(repeating: "x", count: 5_000)),
            ("([a-z0-9]+[.-]?)*[a-z0-9]+@x", String(repeating: "a.", count: 2_000) + "!"),
        ]
        for (pattern, text) in cases {
            let p = try Pattern(pattern)
            let elapsed = clock.measure { #expect(!p.matchesWhole(text), "\(pattern)") }
            #expect(elapsed < .milliseconds(500), "\(pattern): \(elapsed)")
        }
        let elapsed = clock.measure { #expect(try! matches("(a|aa)+$", String(repeating: "a", count: 40))) }
        #expect(elapsed < .milliseconds(50))
    }

    @Test func hugeCountedRepetitionIsRefusedNotExpanded() {
        #expect(throws: ExpressionError.self) { try Pattern("((a{1000}){1000}){1000}") }
        #expect(throws: ExpressionError.self) { try Pattern(String(repeating: "a", count: 1_001)) }
    }

    @Test func throughTheExpressionLanguage() throws {
        let ctx = EvaluationContext(scopes: [["p": .string("[0-9]+"), "bad": .string("(?=x)")]],
                                    today: CivilDate(iso: "2019-07-01")!)
        func eval(_ s: String) throws -> Value { try Evaluator.evaluate(try Expression(s), in: ctx) }
        #expect(try eval("regex('AB-12', '[A-Z]+-[0-9]+')") == .bool(true))
        #expect(try eval("regex('123', p)") == .bool(true))
        #expect(try eval("regex(null, p)") == .bool(false))
        #expect(throws: ExpressionError.self) { try eval("regex('x', bad)") }
        #expect(throws: ExpressionError.self) { try eval("regex('x', 5)") }
        #expect(throws: ExpressionError.self) { try Expression("regex(x, '(a')") }
    }

    @Test func emailAddresses() {
        for ok in ["dewi.contoh@example.id", "a@b.co", "A.B_C%D+E-F@sub-domain.example.CO.ID", "x@1.2.ab"] {
            #expect(EmailAddress.isValid(ok), "\(ok)")
        }
        for bad in ["", "@example.id", "dewi@", "dewi@example", "dewi@example.i", "dewi@example.1d", "dewi@@example.id",
                    "dewi@exa_mple.id", "dewi@example..id", "dewi@.example.id", "dewi@example.id.", "dé@example.id",
                    "dewi example@x.id", String(repeating: "a", count: 65) + "@example.id",
                    "a@" + String(repeating: "b", count: 250) + ".id"] {
            #expect(!EmailAddress.isValid(bad), "\(bad)")
        }
    }

    @Test func emailAgreesWithThePatternFieldCoercionUsedOnGeneratedText() throws {
        let pattern = try Pattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")
        let alphabet = Array("ab1.-_@%+Z")
        var rng = SplitMix(seed: 7)
        for _ in 0..<20_000 {
            let length = Int(rng.next() % 12)
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            #expect(EmailAddress.isValid(text) == pattern.matchesWhole(text), "\(text)")
        }
    }
}

/// A small deterministic generator for test inputs (the same seed gives the same inputs).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
