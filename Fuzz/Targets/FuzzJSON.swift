// libFuzzer target: the JSON reader. Any input must be refused with an error or read into a value
// whose canonical JSON reads back to the same value; a crash, hang or mismatch is a finding.
import SeleksiCore

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
    if let value = try? Value(json: String(decoding: bytes, as: UTF8.self)),
       value.isNested(deeperThan: Value.maxJSONDepth) {
        fatalError("a value nested deeper than the reader's limit")
    }
    return 0
}
