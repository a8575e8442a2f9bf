// libFuzzer target: the regex() pattern parser and matcher. The input is a pattern, a line break,
// then the text to match. Every pattern compiles or is refused with a message; matching is linear
// (a slow input is a finding through libFuzzer's -timeout).
import SeleksiCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPattern(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
    let parts = input.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    guard let pattern = try? Pattern(String(parts[0])) else { return 0 }
    let text = parts.count > 1 ? String(parts[1]) : ""
    let matched = pattern.matchesWhole(text)
    // Wrapping in a group, or alternating with itself, changes nothing.
    if let grouped = try? Pattern("(?:\(parts[0]))"), grouped.matchesWhole(text) != matched {
        fatalError("(?:p) and p disagree on \(parts[0]) / \(text)")
    }
    if let doubled = try? Pattern("\(parts[0])|\(parts[0])"), doubled.matchesWhole(text) != matched {
        fatalError("p|p and p disagree on \(parts[0]) / \(text)")
    }
    return 0
}
