import Crypto
import SeleksiCore
import SeleksiStore

/// How `--as` is vouched for (see docs/threat-model.md).
public enum IdentityMode: String, Sendable, CaseIterable {
    /// The operating-system account that runs the command vouches for `--as`; every row records it.
    case claimed
    /// `--as` must be the actor bound to this operating-system account, or the command must be signed
    /// with a key the actor registered.
    case strict
}

extension Engine {
    public func identityMode() throws -> IdentityMode {
        IdentityMode(rawValue: try store.settings()["identity"] ?? "") ?? .claimed
    }

    /// Checks that `actor` may act from here: in strict mode his binding to this OS account or his
    /// signature; in every mode, a signature that is not by one of his registered keys is refused.
    func vouch(actor: String, signer: SigningKey?, instance: Int64?, from: String?) throws {
        guard actor != Command.systemActor else { return }
        if let signer {
            let keys = try store.actorKeys(actor).map(\.publicKey)
            guard keys.contains(signer.publicKey) else {
                throw CommandRefused(.signatureInvalid,
                    "kunci penanda tangan bukan kunci terdaftar \(actor); daftarkan dengan `seleksi actor key \(actor) --public-key …`",
                    "the signing key is not one \(actor) registered", instance: instance, from: from)
            }
            return
        }
        guard try identityMode() == .strict else { return }
        let bound = try directoryActor(actor)?.osUser
        guard bound == osUser else {
            throw CommandRefused(.identityUnverified,
                "identitas ketat: \(actor) \(bound.map { "terikat ke akun \($0)" } ?? "tidak terikat ke akun sistem"), "
                    + "perintah dijalankan oleh akun \(osUser); tandatangani dengan --sign KUNCI",
                "strict identity: \(actor) is \(bound.map { "bound to account \($0)" } ?? "bound to no account"), "
                    + "the command runs as \(osUser); sign it with --sign KEY", instance: instance, from: from)
        }
    }

    /// The closure that signs an audit row with the actor's key, if the command carries one.
    func rowSigner(_ signer: SigningKey?) -> ((AuditRecord) throws -> [UInt8])? {
        guard let signer else { return nil }
        return { row in try signer.sign(row.signedBytes) }
    }
}
