import Crypto
import Foundation

/// One row of the audit log: one command, accepted or refused.
public struct AuditRecord: Sendable {
    public var seq: Int64 = 0
    public var at: Int64
    public var actor: String
    public var role: String?
    public var instance: Int64?
    /// `start`, `submit`, `fire`, `tick`, `init`, `document` …
    public var command: String
    public var event: String?
    public var from: String?
    public var to: String?
    /// `accepted`, `pending`, or `refused:<code>`.
    public var outcome: String
    public var reason: String?
    public var dataHash: String?
    public var prevHash: String = AuditRecord.genesis
    public var hash: String = ""

    public static let genesis = String(repeating: "0", count: 64)

    public init(at: Int64, actor: String, role: String? = nil, instance: Int64? = nil, command: String, event: String? = nil,
                from: String? = nil, to: String? = nil, outcome: String, reason: String? = nil, dataHash: String? = nil) {
        self.at = at
        self.actor = actor
        self.role = role
        self.instance = instance
        self.command = command
        self.event = event
        self.from = from
        self.to = to
        self.outcome = outcome
        self.reason = reason
        self.dataHash = dataHash
    }

    /// SHA-256 over every field and the previous row's hash, fields separated by U+001F and absent
    /// ones written as U+2400, so that no two different rows hash the same text.
    public func computeHash() -> String {
        // One buffer, one hash call, fields copied as raw UTF-8: building Strings per field, or
        // updating the hasher field by field, each cost more than the SHA-256 itself (seleksi-bench).
        var buffer: [UInt8] = []
        buffer.reserveCapacity(384)
        func add(_ field: String?) {
            guard var text = field else {
                buffer.append(contentsOf: [0xE2, 0x90, 0x80])  // U+2400, "absent"
                return
            }
            text.withUTF8 { buffer.append(contentsOf: $0) }
        }
        func add(_ number: Int64?) {
            guard let number else { return add(nil as String?) }
            add(String(number))
        }
        add(seq); buffer.append(0x1F)
        add(at); buffer.append(0x1F)
        for field in [actor, role] { add(field); buffer.append(0x1F) }
        add(instance); buffer.append(0x1F)
        for field in [command, event, from, to, outcome, reason, dataHash] { add(field); buffer.append(0x1F) }
        add(prevHash)
        return Hashing.hex(SHA256.hash(data: buffer))
    }
}

public enum Hashing {
    public static func sha256Hex<D: DataProtocol>(_ data: D) -> String {
        hex(SHA256.hash(data: data))
    }

    public static func sha256Hex(_ text: String) -> String {
        var text = text
        return text.withUTF8 { hex(SHA256.hash(data: $0)) }
    }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits: StaticString = "0123456789abcdef"
        var out = [UInt8](repeating: 0, count: 64)
        var i = 0
        digits.withUTF8Buffer { table in
            for b in bytes where i < 63 {
                out[i] = table[Int(b >> 4)]
                out[i + 1] = table[Int(b & 0xf)]
                i += 2
            }
        }
        return String(decoding: out[0..<i], as: UTF8.self)
    }
}
