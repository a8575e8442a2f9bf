/// A definition's content hash (64 hex digits) as a dictionary key, hashed by its first 8 bytes.
///
/// The definitions are looked up by hash many times per command (a rater's command asks for each form
/// its workflow names), and hashing all 64 characters was most of each lookup: 1.4% of that command.
/// The digits are of a SHA-256, so their first 8 bytes already spread the keys; equality still
/// compares the whole text, so a shorter or unusual key is only slower, never confused.
struct DigestKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: DigestKey, b: DigestKey) -> Bool { a.text == b.text }

    func hash(into hasher: inout Hasher) {
        var text = text
        let prefix: UInt64? = text.withUTF8 { bytes in
            bytes.count >= 8 ? UnsafeRawBufferPointer(bytes).loadUnaligned(as: UInt64.self) : nil
        }
        if let prefix { hasher.combine(prefix) } else { hasher.combine(text) }
    }
}
