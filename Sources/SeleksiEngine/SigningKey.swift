import Crypto
import Foundation
import SeleksiCore
import SeleksiStore

/// An Ed25519 private key in a file of its own (mode 0600): an actor's, to sign commands, or the
/// installation's, to sign audit checkpoints. The file holds two lines: a header and the key in hex.
public struct SigningKey {
    public let key: Curve25519.Signing.PrivateKey

    static let header = "seleksi-ed25519-private-key 1"

    public var publicKeyHex: String { Hex.encode(key.publicKey.rawRepresentation) }
    public var publicKey: [UInt8] { Array(key.publicKey.rawRepresentation) }

    public init(_ key: Curve25519.Signing.PrivateKey) { self.key = key }

    /// A new key written to `path`, readable by its owner only; refuses to overwrite a file.
    public static func generate(writingTo path: String) throws -> SigningKey {
        let key = SigningKey(Curve25519.Signing.PrivateKey())
        let text = "\(header)\n\(Hex.encode(key.key.rawRepresentation))\n"
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw EngineError.input("\(path): kunci tidak dapat ditulis (berkas yang ada tidak pernah ditimpa): \(String(cString: strerror(errno)))",
                                    en: "\(path): the key cannot be written (an existing file is never overwritten): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let written = text.utf8.withContiguousStorageIfAvailable { write(fd, $0.baseAddress, $0.count) } ?? -1
        guard written == text.utf8.count else { throw EngineError.input("\(path): kunci tidak tertulis utuh", en: "\(path): the key file was not written whole") }
        return key
    }

    /// Reads a key file; refuses one that others can read (a leaked key proves nothing).
    public init(file path: String) throws {
        let data = try SafeFile.read(path, limit: 4096, what: "berkas kunci")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { String($0).trimmingSpaces }
        guard lines.first == SigningKey.header, lines.count >= 2, let raw = Hex.decode(lines[1]), raw.count == 32,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw EngineError.input("\(path): bukan berkas kunci Seleksi (\(SigningKey.header)); buat dengan `seleksi key generate`",
                                    en: "\(path): not a Seleksi key file (\(SigningKey.header)); make one with `seleksi key generate`")
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            throw EngineError.input("\(path): berkas kunci dapat dibaca orang lain; jalankan `chmod 600 \(path)`",
                                    en: "\(path): the key file is readable by others; run `chmod 600 \(path)`")
        }
        self.key = key
    }

    func sign(_ bytes: [UInt8]) throws -> [UInt8] { Array(try key.signature(for: bytes)) }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
