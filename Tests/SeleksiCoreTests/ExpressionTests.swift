import Testing
@testable import SeleksiCore

@Suite("The expression language")
struct ExpressionTests {
    let today = CivilDate(iso: "2019-07-01")!

    func eval(_ source: String, _ scope: [String: Value] = [:], current: Value = .null) throws -> Value {
        let context = EvaluationContext(scopes: [scope], current: current, today: today)
        return try Evaluator.evaluate(try Expression(source), in: context)
    }

    @Test func arithmeticComparisonsAndLogic() throws {
        #expect(try eval("1 + 2 * 3") == .number(7))
        #expect(try eval("(1 + 2) * 3 >= 9 and not false") == .bool(true))
        #expect(try eval("10 % 4 = 2 or 1 / 0 = 3") == .bool(true))  // `or` stops at the first true
        #expect(try eval("a - b", ["a": .number(5), "b": .number(3)]) == .number(2))
    }

    /// `contains(text, part)` searches ASCII text by bytes (fast); it must answer as the search by
    /// characters does, also where a byte is not a character (`\r\n`, accents, emoji).
    @Test func containsOfTextAnswersByCharacters() throws {
        #expect(try eval("contains(a, 'elamar-0001')", ["a": .string("pelamar-00012")]) == .bool(true))
        #expect(try eval("contains(a, 'pelamar-00013')", ["a": .string("pelamar-00012")]) == .bool(false))
        #expect(try eval("contains(a, 'pelamar')", ["a": .null]) == .bool(false))  // an empty answer holds nothing
        let texts = ["", "a", "abc", "abcabd", "pelamar-00012", "a\r\nb", "a\rb", "a\nb", "Café", "Cafe\u{301}",
                     "e\u{301}", "🇮🇩 SKB", "aaab"]
        let parts = ["", "a", "b", "c", "abd", "ab", "bc", "abcabd!", "\r", "\n", "\r\n", "e", "é", "Caf",
                     "SKB", "🇮", "aab", "\u{301}"]
        for text in texts {
            for part in parts {
                #expect(TextContainment.contains(text, part) == Self.containsByCharacters(text, part),
                        "contains(\(text.debugDescription), \(part.debugDescription))")
            }
        }
    }

    /// The reference: the characters of `part` found in a row among those of `text` (an empty part is
    /// found anywhere). Written out, because Foundation's `contains`, which a test sees, answers by
    /// code units instead (it finds `"\r"` in `"\r\n"`, and no empty text).
    static func containsByCharacters(_ text: String, _ part: String) -> Bool {
        let t = Array(text), p = Array(part)
        guard !p.isEmpty else { return true }
        guard p.count <= t.count else { return false }
        return (0...(t.count - p.count)).contains { Array(t[$0..<($0 + p.count)]) == p }
    }

    @Test func hyphenatedNamesAreFunctionsOnlyBeforeAParenthesis() throws {
        #expect(try eval("string-length('abc')") == .number(3))
        #expect(try eval("years-between(date('2000-01-01'), today())") == .number(19))
    }

    @Test func pathsReachIntoRepeatGroups() throws {
        let rows: Value = .list([.record(["jam": .number(10)]), .record(["jam": .number(32)])])
        #expect(try eval("sum(pelatihan.jam)", ["pelatihan": rows]) == .number(42))
        #expect(try eval("count(pelatihan)", ["pelatihan": rows]) == .number(2))
        #expect(try eval("pelatihan[2].jam", ["pelatihan": rows]) == .number(32))
        #expect(try eval("max(pelatihan.jam)", ["pelatihan": rows]) == .number(32))
    }

    @Test func overlappingExperienceCountsOnce() throws {
        let rows: Value = .list([
            .record(["mulai": .string("2015-01-01"), "selesai": .string("2015-12-31")]),
            .record(["mulai": .string("2015-07-01"), "selesai": .string("2016-06-30")]),
        ])
        #expect(try eval("union-days(kerja.mulai, kerja.selesai)", ["kerja": rows]) == .number(547))
    }

    @Test func experienceEndingInTheFutureIsCutAtTheReferenceDate() throws {
        let rows: Value = .list([.record(["mulai": .string("2019-01-01"), "selesai": .string("2030-01-01")])])
        #expect(try eval("union-days(kerja.mulai, kerja.selesai)", ["kerja": rows]) == .number(182))
    }

    @Test func nikBirthDateIsReadFromDigitsSevenToTwelve() throws {
        #expect(try eval("nik-matches-birth-date('3273017107900001', '1990-07-31')") == .bool(true))
        #expect(try eval("nik-matches-birth-date('3273017107900001', '1990-07-30')") == .bool(false))
        #expect(try eval("nik-birth-date('3273011505850002')") == .date(CivilDate(iso: "1985-05-15")!))
        #expect(NIK.problem("3273019907900001") != nil)  // day 99 is no day
        #expect(NIK.problem("12345") != nil)
    }

    @Test func nullDoesNotCrashACalculation() throws {
        #expect(try eval("a + 1") == .null)
        #expect(try eval("coalesce(a, 7)") == .number(7))
        #expect(try eval("a > 1") == .bool(false))
    }

    @Test func regexMatchesTheWholeText() throws {
        #expect(try eval("regex('AB-12', '[A-Z]+-[0-9]+')") == .bool(true))
        #expect(try eval("regex('xAB-12', '[A-Z]+-[0-9]+')") == .bool(false))
    }

    @Test func parseErrorsPointAtTheColumn() {
        #expect(throws: ExpressionError.self) { try Expression("1 +") }
        do { _ = try Expression("age(tanggal_lahir) >= ") } catch { #expect(error.offset == 22) }  // the end
        do { _ = try Expression("umur(x)") } catch {
            #expect(error.text(.en).contains("unknown function 'umur'"))
            #expect(error.offset == 0)
        }
        do { _ = try Expression("a # b") } catch { #expect(error.offset == 2) }
        do { _ = try Expression("if(a, b)") } catch {
            #expect(error.text(.en).contains("3 argument"))
            #expect(error.text(.id).contains("menerima 3 argumen"))
        }
    }

    @Test func columnsCountCharactersAfterACombiningMark() throws {
        // "é" written as e + U+0301 is one character of two scalars: the caret must still land on '#'.
        let decomposed = "'Cafe\u{301}' = x # 1"
        let error = try #require(throws: ExpressionError.self) { try Expression(decomposed) }
        #expect(error.offset == 11)
        let end = try #require(throws: ExpressionError.self) { try Expression("'Cafe\u{301}' +") }
        #expect(end.offset == 8)
        #expect(try eval("'Cafe\u{301}' = x", ["x": .string("Cafe\u{301}")]) == .bool(true))
    }

    @Test func depthAndLengthAreBounded() {
        let deep = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(throws: ExpressionError.self) { try Expression(deep) }
        #expect(throws: ExpressionError.self) { try Expression(String(repeating: "1+", count: 3000) + "1") }
    }

    @Test func childrenFunctionsAskEachChild() throws {
        let children = [
            ChildView(state: "dinilai", scope: ["vars": .record(["skor": .number(70)])]),
            ChildView(state: "dinilai", scope: ["vars": .record(["skor": .number(50)])]),
            ChildView(state: "ditarik", scope: ["vars": .record(["skor": .number(0)])]),
        ]
        let ctx = EvaluationContext(scopes: [[:]], today: today, children: children)
        #expect(try Evaluator.evaluate(try Expression("children-count('dinilai')"), in: ctx) == .number(2))
        #expect(try Evaluator.evaluate(try Expression("children-all(vars.skor >= 0)"), in: ctx) == .bool(true))
        #expect(try Evaluator.evaluate(try Expression("children-any(vars.skor > 60)"), in: ctx) == .bool(true))
        #expect(try Evaluator.evaluate(try Expression("children-sum(vars.skor)"), in: ctx) == .number(120))
    }
}
