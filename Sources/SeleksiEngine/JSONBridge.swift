import Foundation
import SeleksiCore

/// Converts between JSON text and `Value`. Output is always `Value.canonicalJSON`; input is any JSON.
public enum JSONBridge {
    public static func parse(_ text: String, what: String) throws -> Value {
        guard let data = text.data(using: .utf8) else { throw EngineError.input("\(what): not UTF-8 text") }
        return try parse(data, what: what)
    }

    public static func parse(_ data: Data, what: String) throws -> Value {
        do {
            let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return value(object)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw EngineError.input("\(what): not valid JSON: \(detail)")
        }
    }

    /// A JSON object of answers, as a submission file holds them.
    public static func record(_ data: Data, what: String) throws -> [String: Value] {
        guard case .record(let r) = try parse(data, what: what) else {
            throw EngineError.input("\(what): expected a JSON object {\"field\": value, …}")
        }
        return r
    }

    static func value(_ object: Any) -> Value {
        switch object {
        case is NSNull: return .null
        case let n as NSNumber:
            // JSON true/false arrive as NSNumber holding a C char ("c"); numbers hold "q" or "d".
            if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            return .number(n.doubleValue)
        case let s as String: return .string(s)
        case let a as [Any]: return .list(a.map(value))
        case let d as [String: Any]: return .record(d.mapValues(value))
        default: return .string("\(object)")
        }
    }

    /// Reads stored canonical JSON back; ISO dates come back as text, which every date function accepts.
    static func stored(_ text: String) -> Value {
        (try? parse(text, what: "stored data")) ?? .null
    }

    static func storedRecord(_ text: String) -> [String: Value] {
        if case .record(let r) = stored(text) { return r }
        return [:]
    }
}
