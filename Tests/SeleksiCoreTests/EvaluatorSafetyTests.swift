import Testing
@testable import SeleksiCore

@Suite("Hostile numbers, dates and shapes give evaluation errors, never a crash")
struct EvaluatorSafetyTests {
    let today = CivilDate(iso: "2019-07-01")!

    func eval(_ source: String, _ scope: [String: Value] = [:]) throws -> Value {
        try Evaluator.evaluate(try Expression(source), in: EvaluationContext(scopes: [scope], today: today))
    }

    @Test(arguments: [
        "date('2019-07-01') + 1e300", "date('2019-07-01') - 1e300", "date('2019-07-01') + x",
        "date('2019-07-01') + 1.5",
        "date('2019-07-01') + 3000000", "date('0001-01-01') - 1", "add-days(today(), 1e300)", "add-days(today(), x)",
        "add-years(today(), x)", "add-months(today(), 1e9)", "add-years(today(), 8000)", "add-years(today(), -2019)",
        "add-days(today(), 0.5)", "trimmed-mean(xs, 1e300)", "trimmed-mean(xs, -1)", "round(1, x)", "xs[1e300]",
        "xs[x]", "xs[0.5]", "1e300 * 1e300 * 10", "big * big", "0 - big * big", "sum(bigs)", "mean(bigs)",
        "spread(extremes)", "big * big - big * big", "number('1e400') + 1",
    ])
    func refusedWithAMessage(_ source: String) {
        let scope: [String: Value] = [
            "x": .number(.nan), "xs": .list([.number(1), .number(2), .number(3)]), "big": .number(1e300),
            "bigs": .list([.number(.greatestFiniteMagnitude), .number(.greatestFiniteMagnitude)]),
            "extremes": .list([.number(-.greatestFiniteMagnitude), .number(.greatestFiniteMagnitude)]),
        ]
        do {
            let v = try eval(source, scope)
            if source.hasPrefix("number(") { #expect(v == .null) } else { Issue.record("\(source) gave \(v)") }
        } catch let error as ExpressionError {
            #expect(!error.message.isEmpty)
        } catch {
            Issue.record("\(source): \(error)")
        }
    }

    @Test func dateArithmeticWithinRangeStillWorks() throws {
        #expect(try eval("date('2019-07-01') + 30") == .date(CivilDate(iso: "2019-07-31")!))
        #expect(try eval("date('2019-07-01') - 1") == .date(CivilDate(iso: "2019-06-30")!))
        #expect(try eval("add-years(date('9998-02-28'), 1)") == .date(CivilDate(iso: "9999-02-28")!))
        #expect(try eval("add-days(date('0001-01-02'), -1)") == .date(CivilDate(iso: "0001-01-01")!))
        #expect(try eval("xs[2]", ["xs": .list([.number(1), .number(2)])]) == .number(2))
        #expect(try eval("xs[-1]", ["xs": .list([.number(1)])]) == .null)
    }

    @Test func textNeverBecomesInfinityOrNaN() throws {
        for text in ["inf", "-infinity", "nan", "NaN", "0x1p3", "1e400", " 5", "5 ", "1_000", "١٢"] {
            #expect(try eval("number(t)", ["t": .string(text)]) == .null, "\(text)")
            #expect(throws: ExpressionError.self, "\(text)") { try eval("sum(list)", ["list": .list([.string(text)])]) }
        }
        #expect(try eval("number('-12.5e1')") == .number(-125))
        #expect(try eval("number('+.5')") == .number(0.5))
        #expect(try eval("t = 1", ["t": .string("inf")]) == .bool(false))
    }

    @Test func literalsTooLargeForADoubleAreRefused() {
        #expect(throws: ExpressionError.self) { try Expression(String(repeating: "9", count: 400)) }
    }

    @Test func depthAndLengthAreBounded() throws {
        let deep = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(throws: ExpressionError.self) { try Expression(deep) }
        #expect(throws: ExpressionError.self) { try Expression(String(repeating: "(", count: 100_000) + "1") }
        #expect(throws: ExpressionError.self) { try Expression(String(repeating: "1+", count: 100_000) + "1") }
        #expect(throws: ExpressionError.self) { try Expression(String(repeating: "-", count: 100_000) + "1") }
        #expect(throws: ExpressionError.self) { try Expression(String(repeating: "not ", count: 1_000) + "1") }
        #expect(throws: ExpressionError.self) { try Expression(String(repeating: "abs(", count: 1_000) + "1") }
        // Within the length limit, a long chain nests one level per operator: refused by height.
        #expect(throws: ExpressionError.self) { try Expression(String(repeating: "1+", count: 2_000) + "1") }
        #expect(throws: ExpressionError.self) { try Expression("(x)" + String(repeating: "[1]", count: 1_000)) }
        #expect(throws: ExpressionError.self) { try Expression("(x)" + String(repeating: ".a", count: 1_500)) }
        // The longest chain allowed evaluates without exhausting a thread's stack.
        let longest = try Expression(String(repeating: "1+", count: 254) + "1")
        #expect(try Evaluator.evaluate(longest, in: EvaluationContext(scopes: [[:]], today: today)) == .number(255))
        let nested = try Expression(String(repeating: "abs(", count: 46) + "1" + String(repeating: ")", count: 46))
        #expect(try Evaluator.evaluate(nested, in: EvaluationContext(scopes: [[:]], today: today)) == .number(1))
    }

    @Test func deepEvaluationRunsOnASmallStack() async throws {
        // Secondary threads can have stacks of 512 KiB; evaluate the deepest trees on a detached task.
        let today = self.today
        let sources = [String(repeating: "1+", count: 254) + "1",
                       String(repeating: "if(true, ", count: 46) + "1" + String(repeating: ", 0)", count: 46),
                       "(x)" + String(repeating: ".a", count: 250)]
        let results = try await Task.detached {
            try sources.map {
                try Evaluator.evaluate(try Expression($0), in: EvaluationContext(scopes: [[:]], today: today))
            }
        }.value
        #expect(results == [.number(255), .number(1), .null])
    }

    @Test func resultsCannotNestWithoutBound() throws {
        var v: Value = .number(1)
        for _ in 0..<Evaluator.maxResultDepth { v = .list([v]) }
        #expect(try eval("v", ["v": v]) == v)
        #expect(throws: ExpressionError.self) { try eval("v", ["v": .list([v])]) }
        // A variable set from the record that holds it grows one level a transition: refused in time,
        // while what was stored can still be read back.
        var vars: Value = .record([:])
        var refused = false
        for _ in 0..<100 {
            do { vars = .record(["a": try eval("vars", ["vars": vars])]) } catch { refused = true; break }
            #expect(try Value(json: Value.record(["vars": vars]).canonicalJSON) == .record(["vars": vars]))
        }
        #expect(refused)
    }
}
