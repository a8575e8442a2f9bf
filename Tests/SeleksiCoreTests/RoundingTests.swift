import Testing
@testable import SeleksiCore

@Suite("round(): half away from zero on the decimal value")
struct RoundingTests {
    func round(_ source: String) throws -> Value {
        let context = EvaluationContext(scopes: [[:]], today: CivilDate(iso: "2019-07-01")!)
        return try Evaluator.evaluate(try Expression(source), in: context)
    }

    @Test(arguments: [
        ("round(38.605, 2)", 38.61), ("round(1.005, 2)", 1.01), ("round(2.675, 2)", 2.68), ("round(1.045, 2)", 1.05),
        ("round(0.125, 2)", 0.13), ("round(8.345, 2)", 8.35), ("round(9.995, 2)", 10), ("round(0.5)", 1),
        ("round(1.5)", 2), ("round(2.5)", 3), ("round(-1.5)", -2), ("round(-2.5)", -3), ("round(-38.605, 2)", -38.61),
        ("round(-0.4)", 0), ("round(1234.5, -1)", 1230), ("round(1235, -1)", 1240), ("round(5, -1)", 10),
        ("round(4.9, -1)", 0), ("round(0.1 + 0.2, 2)", 0.3), ("round(70.33333, 2)", 70.33), ("round(12)", 12),
        ("round(0.0005, 3)", 0.001), ("round(0.00049, 3)", 0), ("round(123456789.125, 2)", 123456789.13),
    ])
    func roundsAsASpreadsheetDoes(_ source: String, _ expected: Double) throws {
        #expect(try round(source) == .number(expected))
    }

    @Test func noNegativeZero() throws {
        guard case .number(let n) = try round("round(-0.4)") else { Issue.record("not a number"); return }
        #expect(n.sign == .plus)
    }

    @Test func extremeValuesAndPlacesDoNotTrap() throws {
        #expect(DecimalRounding.round(1e300, places: 2) == 1e300)
        #expect(DecimalRounding.round(.greatestFiniteMagnitude, places: -15) == .greatestFiniteMagnitude)
        #expect(DecimalRounding.round(.leastNonzeroMagnitude, places: 15) == 0)
        #expect(DecimalRounding.round(.infinity, places: 2) == .infinity)
        #expect(DecimalRounding.round(-1e-20, places: 0) == 0)
        for places in ["1e9", "16", "-16", "1.5", "0/0", "1e300"] {
            #expect(throws: ExpressionError.self, "\(places)") { try round("round(3.14159, \(places))") }
        }
        #expect(try round("round(3.14159, 15)") == .number(3.14159))
        #expect(try round("round(null, 2)") == .null)
    }

    @Test func agreesWithDecimalHalfUpOnManyValues() {
        // Values written with three decimals: rounding to two must look only at the third.
        for thousandths in stride(from: -20_000, through: 20_000, by: 1) {
            let x = Double(thousandths) / 1000
            let expected = (Double(thousandths) / 10).rounded(.toNearestOrAwayFromZero) / 100
            #expect(DecimalRounding.round(x, places: 2) == expected, "\(x)")
        }
    }
}
