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
        // One buffer, one hash call: joining Strings, or updating the hasher field by field, each
        // cost more than the SHA-256 itself (measured with seleksi-bench).
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256)
        let fields: [String?] = [String(seq), String(at), actor, role, instance.map(String.init), command,
                                 event, from, to, outcome, reason, dataHash, prevHash]
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(0x1F) }
            buffer.append(contentsOf: (field ?? "\u{2400}").utf8)
        }
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
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
