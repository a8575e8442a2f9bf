/// The e-mail address check forms use, written out by hand so that it runs in one pass over the
/// text: the same language as the pattern `[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`,
/// plus the length limits of RFC 5321 (a local part of at most 64 characters, 254 in all), which no
/// deliverable address exceeds.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count <= 254, let at = b.firstIndex(of: UInt8(ascii: "@")), at >= 1, at <= 64 else { return false }
        guard b[..<at].allSatisfy(isLocal) else { return false }
        let labels = b[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(isLetter) else { return false }
        return labels.allSatisfy { !$0.isEmpty && $0.allSatisfy(isDomain) }
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- UInt8(ascii: "a") < 26 }
    private static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
    private static func isDomain(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) || b == UInt8(ascii: "-") }
    private static func isLocal(_ b: UInt8) -> Bool { isDomain(b) || "._%+".utf8.contains(b) }
}
