import Crypto
import Foundation
import SeleksiCore

/// A signed statement that the audit log's row `seq` had hash `head`: kept outside the database (a
/// file the operator stores elsewhere, a printed document), it catches rows removed or rewritten up to
/// that point, even when an attacker recomputed the whole chain.
public struct Checkpoint: Sendable, Equatable {
    public let installation: String
    public let publicKey: [UInt8]
    public let seq: Int64
    public let head: Hash256
    public let at: Int64
    public let signature: [UInt8]

    static let magic = "seleksi-checkpoint 1"

    /// Signs a checkpoint with the installation's private key.
    public static func make(installation: String, seq: Int64, head: Hash256, at: Int64,
                            key: Curve25519.Signing.PrivateKey) throws -> Checkpoint {
        let publicKey = Array(key.publicKey.rawRepresentation)
        let body = signedBytes(installation: installation, publicKey: publicKey, seq: seq, head: head, at: at)
        return Checkpoint(installation: installation, publicKey: publicKey, seq: seq, head: head, at: at,
                          signature: Array(try key.signature(for: body)))
    }

    static func signedBytes(installation: String, publicKey: [UInt8], seq: Int64, head: Hash256, at: Int64) -> [UInt8] {
        var e = RowEncoder(domain: "checkpoint/1")
        e.text(installation)
        e.blob(publicKey)
        e.int(seq)
        e.digest(head)
        e.int(at)
        return e.bytes
    }

    /// Whether the signature is the public key's over the checkpoint's fields.
    public var isSignatureValid: Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: Checkpoint.signedBytes(installation: installation, publicKey: publicKey,
                                                                            seq: seq, head: head, at: at))
    }

    /// The file's text: one `name: value` per line, readable and diffable.
    public var text: String {
        [Checkpoint.magic, "installation: \(installation)", "public-key: \(Hex.encode(publicKey))", "seq: \(seq)",
         "head: \(head.hex)", "at: \(Timestamp(seconds: at).iso)", "signature: \(Hex.encode(signature))", ""].joined(separator: "\n")
    }

    public enum ParseError: Error, CustomStringConvertible {
        case notACheckpoint(String)
        public var description: String {
            switch self { case .notACheckpoint(let m): return "bukan berkas checkpoint Seleksi: \(m) (not a Seleksi checkpoint file)" }
        }
    }

    public init(text: String) throws {
        var fields: [String: String] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.first == Checkpoint.magic else { throw ParseError.notACheckpoint("the first line is not '\(Checkpoint.magic)'") }
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw ParseError.notACheckpoint("line '\(line.prefix(40))'") }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let installation = fields["installation"], let key = fields["public-key"].flatMap(Hex.decode), key.count == 32,
              let seq = fields["seq"].flatMap({ Int64($0) }), seq > 0, let head = fields["head"].flatMap(Hash256.init(hex:)),
              let at = fields["at"].flatMap(Timestamp.init(iso:)), let signature = fields["signature"].flatMap(Hex.decode),
              signature.count == 64 else {
            throw ParseError.notACheckpoint("a field is missing or malformed (installation, public-key, seq, head, at, signature)")
        }
        self.init(installation: installation, publicKey: key, seq: seq, head: head, at: at.seconds, signature: signature)
    }

    init(installation: String, publicKey: [UInt8], seq: Int64, head: Hash256, at: Int64, signature: [UInt8]) {
        self.installation = installation
        self.publicKey = publicKey
        self.seq = seq
        self.head = head
        self.at = at
        self.signature = signature
    }
}

