/// `contains(text, part)` of the expression language: whether `part` occurs in `text`, by characters.
///
/// The standard library's `String.contains(_:)` builds a searcher over the pattern's characters on
/// every call: 37,000 instructions for one guard (`not contains(decisions.konflik.actor, actor)`), 4%
/// of a rater's command. When both texts are ASCII and the text holds no carriage return (the one
/// ASCII pair, `\r\n`, that is a single character), every byte is a character, so a search of the
/// bytes gives the same answer; anything else goes the standard way.
enum TextContainment {
    static func contains(_ text: String, _ part: String) -> Bool {
        if let answer = asciiContains(text, part) { return answer }
        return text.contains(part)
    }

    /// The answer by bytes, or nil when the bytes might not be the characters.
    private static func asciiContains(_ text: String, _ part: String) -> Bool? {
        var text = text, part = part
        return text.withUTF8 { t -> Bool? in
            part.withUTF8 { p -> Bool? in
                guard !p.isEmpty, t.allSatisfy({ $0 < 0x80 && $0 != 0x0D }), p.allSatisfy({ $0 < 0x80 }) else {
                    return nil
                }
                guard p.count <= t.count else { return false }
                let first = p[0]
                var i = 0
                while i <= t.count - p.count {
                    if t[i] == first {
                        var k = 1
                        while k < p.count, t[i + k] == p[k] { k += 1 }
                        if k == p.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
