import Foundation
import SeleksiCore

/// Converts between JSON text and `Value`. Output is always `Value.canonicalJSON`; input is any JSON.
public enum JSONBridge {
    public static func parse(_ text: String, what: String) throws -> Value {
        do { return try Value(json: text) } catch {
            throw EngineError.input("\(what): bukan JSON yang sah: \(error.message) pada karakter \(error.offset + 1)",
                                    en: "\(what): not valid JSON: \(error.message) at character \(error.offset + 1)")
        }
    }

    public static func parse(_ data: Data, what: String) throws -> Value {
        guard let text = String(data: data, encoding: .utf8) else { throw EngineError.input("\(what): bukan teks UTF-8", en: "\(what): not UTF-8 text") }
        return try parse(text, what: what)
    }

    /// A JSON object of answers, as a submission file holds them.
    public static func record(_ data: Data, what: String) throws -> [String: Value] {
        guard case .record(let r) = try parse(data, what: what) else {
            throw EngineError.input("\(what): diharapkan objek JSON {\"kolom\": nilai, …}", en: "\(what): expected a JSON object {\"field\": value, …}")
        }
        return r
    }

    /// Reads stored canonical JSON back; ISO dates come back as text, which every date function accepts.
    static func stored(_ text: String) -> Value {
        (try? parse(text, what: "stored data")) ?? .null
    }

    static func storedRecord(_ text: String) -> [String: Value] {
        if case .record(let r) = stored(text) { return r }
        return [:]
    }

    /// A stored record with only the fields `isKept` accepts, the others not built.
    static func storedRecord(_ text: String, keeping isKept: (String) -> Bool) -> [String: Value] {
        if case .record(let r)? = try? Value(json: text, keeping: isKept) { return r }
        return [:]
    }

    /// A stored record with only the fields named (nil: all of it), the others not built.
    static func storedRecord(_ text: String, keeping keys: [String]?) -> [String: Value] {
        guard let keys else { return storedRecord(text) }
        return storedRecord(text, keeping: { keys.contains($0) })
    }
}
