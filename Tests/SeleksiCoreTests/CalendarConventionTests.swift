import Foundation
import Testing
@testable import SeleksiCore

/// Every row of Tests/Fixtures/relativedelta.csv (written by scripts/date_fixtures.py from python-dateutil)
/// checked through the expression functions users write.
@Suite("One calendar convention: python-dateutil's relativedelta")
struct CalendarConventionTests {
    struct Row {
        let a: String, b: String, n: Int, years: Int, months: Int, plusMonths: String, plusYears: String
    }

    static func rows() throws -> [Row] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/relativedelta.csv").path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(a: f[0], b: f[1], n: Int(f[2])!, years: Int(f[3])!, months: Int(f[4])!,
                       plusMonths: f[5], plusYears: f[6])
        }
    }

    @Test func everyFixtureRowAgreesWithDateutil() throws {
        let rows = try Self.rows()
        #expect(rows.count > 5_000)
        let exprs = try ["years-between(a, b)", "months-between(a, b)", "age(a, b)", "add-months(a, n)",
                         "add-years(a, n)"].map { try Expression($0) }
        var failures: [String] = []
        for r in rows {
            let scope: [String: Value] = ["a": .string(r.a), "b": .string(r.b), "n": .number(Double(r.n))]
            let ctx = EvaluationContext(scopes: [scope], today: CivilDate(iso: "2019-07-01")!)
            func value(_ k: Int) -> String {
                do { return try Evaluator.evaluate(exprs[k], in: ctx).displayText } catch { return "" }
            }
            let got = [value(0), value(1), value(2), value(3), value(4)]
            let want = [String(r.years), String(r.months), String(r.years), r.plusMonths, r.plusYears]
            if got != want { failures.append("\(r.a) \(r.b) n=\(r.n): got \(got), dateutil \(want)") }
        }
        #expect(failures.isEmpty, "\(failures.count) rows differ, e.g. \(failures.prefix(5))")
    }

    @Test func theCasesTheConventionIsAbout() throws {
        func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }
        #expect(d("2000-02-29").adding(months: 12).iso == "2001-02-28")
        #expect(d("1960-03-31").adding(months: 20).iso == "1961-11-30")
        #expect(d("2000-02-29").wholeYears(to: d("2021-02-28")) == 21)  // relativedelta: 21 years, 0 days
        #expect(d("2000-02-29").wholeYears(to: d("2021-02-27")) == 20)
        #expect(d("2000-01-31").wholeMonths(to: d("2000-02-29")) == 1)  // = add-months(2000-01-31, 1)
        #expect(d("2000-03-31").wholeMonths(to: d("2000-02-29")) == -1)
        #expect(d("2019-07-02").wholeYears(to: d("1998-07-02")) == -21)  // negative spans count the same way
        // add-years and age agree everywhere: age(d, add-years(d, n)) = n.
        var day = d("1999-01-01")
        for _ in 0..<(366 * 6) {
            for n in [1, 4, 21, 60, 100] { #expect(day.wholeYears(to: day.adding(months: 12 * n)) == n) }
            day = day.adding(days: 1)
        }
    }
}
