import Crypto
import Foundation

/// A SHA-256 digest: 32 bytes, stored as a BLOB and shown as 64 hexadecimal digits.
public struct Hash256: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// The link before the first audit row.
    public static let zero = Hash256(unchecked: [UInt8](repeating: 0, count: 32))

    init(unchecked bytes: [UInt8]) { self.bytes = bytes }

    /// A stored digest; nil unless exactly 32 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// Parses 64 hexadecimal digits (either case).
    public init?(hex: String) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var out = [UInt8](repeating: 0, count: 32)
        for i in 0..<32 {
            guard let hi = Hash256.nibble(utf8[2 * i]), let lo = Hash256.nibble(utf8[2 * i + 1]) else { return nil }
            out[i] = hi << 4 | lo
        }
        bytes = out
    }

    public static func of<D: DataProtocol>(_ data: D) -> Hash256 { Hash256(SHA256.hash(data: data)) }

    /// The digest's 32 bytes copied at once: `Array(digest)` walked it as a generic sequence, byte by
    /// byte, at every hash of every command.
    init(_ digest: SHA256.Digest) { bytes = digest.withUnsafeBytes { Array($0) } }

    public static func of(_ text: String) -> Hash256 {
        var text = text
        return text.withUTF8 { Hash256.of($0) }
    }

    public var hex: String { Hex.encode(bytes) }
    public var description: String { hex }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Lower-case hexadecimal, as `sha256sum` prints it.
public enum Hex {
    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let pair = UInt8(String(decoding: utf8[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(pair)
            i += 2
        }
        return out
    }
}

/// SHA-256 in hex, for modules that do not link Crypto themselves (definitions, attachments).
public enum Hashing {
    public static func sha256Hex<D: DataProtocol>(_ data: D) -> String { Hash256.of(data).hex }
    public static func sha256Hex(_ text: String) -> String { Hash256.of(text).hex }
}
