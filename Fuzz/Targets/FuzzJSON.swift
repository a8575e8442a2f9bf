// libFuzzer target: the JSON reader. Any input must be refused with an error or read into a value
// whose canonical JSON reads back to the same value; a crash, hang or mismatch is a finding.
import SeleksiCore

extension Value {
    func keeping(_ keys: [String]) -> Value {
        if case .record(let r) = self { return .record(r.filter { keys.contains($0.key) }) }
        return self
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let small = JSONLimits(maxBytes: 4096, maxDepth: 16, maxStringBytes: 64)
    for limits in [JSONLimits.standard, small] {
        guard let value = try? Value(jsonBytes: bytes, limits: limits) else { continue }
        let canonical = value.canonicalJSON
        guard let again = try? Value(json: canonical), again == value else {
            fatalError("canonical JSON does not read back: \(canonical)")
        }
        _ = value.displayText
    }
    // The String entry point sees the same bytes after UTF-8 repair.
    let text = String(decoding: bytes, as: UTF8.self)
    let full = try? Value(json: text)
    if let full, full.isNested(deeperThan: Value.maxJSONDepth) {
        fatalError("a value nested deeper than the reader's limit")
    }
    // Read for some keys, a record has what the full reading has of them. It may be read where the
    // full reading is refused only for a duplicate among the keys it skips.
    let keys = ["a", "b", "nama"]
    if let full, (try? Value(json: text, keepingKeys: keys)) != full.keeping(keys) {
        fatalError("a reading for some keys differs from the full reading")
    }
    return 0
}
