// libFuzzer target: the expression lexer, parser and evaluator. The input is an expression's text,
// evaluated against a context with numbers, texts, dates, repeat rows, children and a reference
// table. Errors are expected; a crash, a hang (libFuzzer's -timeout) or a non-finite result is a finding.
import SeleksiCore

let fuzzContext: EvaluationContext = {
    let rows: Value = .list([
        .record(["mulai": .string("2015-01-01"), "selesai": .string("2015-12-31"), "jam": .number(32),
                 "nama": .string("A")]),
        .record(["mulai": .string("2015-07-01"), "selesai": .null, "jam": .number(1e300), "nama": .string("b,c")]),
    ])
    let scope: [String: Value] = [
        "a": .number(5), "b": .number(-3.25), "big": .number(1.7e308), "tiny": .number(.leastNonzeroMagnitude),
        "nol": .number(0),
        "teks": .string("AB-12"), "kosong": .string(""), "tanggal_lahir": .string("2000-02-29"),
        "nik": .string("3273017107900001"), "d": .date(CivilDate(iso: "9999-12-31")!), "pengalaman": rows,
        "bidang": .list([.string("paud"), .string("kesetaraan")]), "ya": .bool(true),
        "vars": .record(["skor": .number(70), "tanggal_acuan": .string("2019-07-01"), "pola": .string("(a|aa)+$")]),
        "forms": .record(["f": .record(["x": .list([.list([.number(1)])])])]),
    ]
    let children = (0..<3).map { ChildView(id: Int64($0), state: $0 == 0 ? "dinilai" : "baru", scope: scope) }
    let reference = ReferenceTables(["t": [["id": "paud", "n": "12", "m": "1e400"], ["id": "x", "n": "-", "m": "."]]])
    return EvaluationContext(scopes: [scope], current: .string("0812"), today: CivilDate(iso: "2019-07-01")!,
                             children: children, reference: reference)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    guard let expression = try? Expression(text) else { return 0 }
    _ = expression.paths
    _ = expression.readsChildren
    guard let value = try? Evaluator.evaluate(expression, in: fuzzContext) else { return 0 }
    if case .number(let n) = value, !n.isFinite { fatalError("non-finite result \(n) from \(text)") }
    if case .date(let d) = value, !d.isWritable { fatalError("date \(d) outside 0001–9999 from \(text)") }
    if value.isNested(deeperThan: Evaluator.maxResultDepth) { fatalError("result nested too deep from \(text)") }
    _ = value.canonicalJSON
    return 0
}
