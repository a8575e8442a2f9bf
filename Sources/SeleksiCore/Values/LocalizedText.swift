/// Text for users in Bahasa Indonesia (always present) and English (optional).
public struct LocalizedText: Error, Sendable, Hashable, CustomStringConvertible {
    public var id: String
    public var en: String?

    public init(id: String, en: String? = nil) {
        self.id = id
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .en ? (en ?? id) : id }

    public var description: String { id }
}

/// The language of messages; Indonesian is the default, as for the offices that use Seleksi.
public enum Language: String, Sendable, CaseIterable {
    case id, en
}
