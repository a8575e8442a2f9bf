import Crypto
import Foundation
import SeleksiCore
import SeleksiStore

extension Engine {
    /// Proves the database against its audit log (see `Store.verify`), with each accepted move checked
    /// against its workflow and any checkpoints kept outside the database. Throws `auditBroken` naming
    /// the first row or record that disagrees; a checkpoint that is not this installation's, or whose
    /// signature fails, is refused as bad input before anything is checked.
    public func verifyAudit(checkpoints: [Checkpoint] = [], progress: ((Int64) -> Void)? = nil) throws -> VerificationReport {
        try wrap {
            try requireOwn(checkpoints)
            let report = try store.verify(VerifyOptions(checkpoints: checkpoints, transitionRules: { [self] hash in
                (try? moves(ofWorkflow: hash)) ?? []
            }, progress: progress))
            if let first = report.problems.first {
                var lines = ["log audit tidak sesuai dengan basis data: \(report.problemCount) masalah "
                             + "(the database disagrees with its audit log); yang pertama:", "  \(first)"]
                for p in report.problems.dropFirst().prefix(9) { lines.append("  \(p)") }
                throw EngineError.auditBroken(lines.joined(separator: "\n"))
            }
            return report
        }
    }

    /// Every move a workflow allows, `from="*"` spelled out as each state that is not final.
    func moves(ofWorkflow hash: String) throws -> [TransitionMove] {
        let w = try workflow(hash: hash)
        return w.transitions.flatMap { t in
            (t.from.contains("*") ? w.states.filter { !$0.isFinal }.map(\.id) : t.from).map {
                TransitionMove(from: $0, event: t.event, to: t.to, roles: t.roles)
            }
        }
    }

    /// A checkpoint must be this installation's and signed by the key it names (and registered here).
    private func requireOwn(_ checkpoints: [Checkpoint]) throws {
        guard !checkpoints.isEmpty else { return }
        let settings = try store.settings()
        for c in checkpoints {
            guard c.installation == settings["installation"] else {
                throw EngineError.input("checkpoint berasal dari instalasi lain (\(c.installation)), bukan \(settings["installation"] ?? "-") "
                    + "(the checkpoint is from another installation)")
            }
            guard c.isSignatureValid else {
                throw EngineError.input("tanda tangan checkpoint tidak sah: berkas diubah (the checkpoint's signature is invalid: it was edited)")
            }
            if let registered = settings["installation_key"], registered != Hex.encode(c.publicKey) {
                throw EngineError.input("checkpoint ditandatangani kunci lain, bukan kunci instalasi ini "
                    + "(the checkpoint is signed by a key that is not this installation's)")
            }
        }
    }

    /// Signs the log's current head with the installation key, registering its public key on first use
    /// (an audited setting). The checkpoint belongs in a file kept away from the database.
    public func checkpoint(key: SigningKey, now: Timestamp) throws -> Checkpoint {
        try runCommand("checkpoint", actor: "os:\(osUser)", now: now) { now in
            let settings = try store.settings()
            if let registered = settings["installation_key"] {
                guard registered == key.publicKeyHex else {
                    throw CommandRefused(.signatureInvalid, "kunci ini bukan kunci instalasi yang terdaftar (\(registered.prefix(16))…)",
                                         "this is not the installation's registered key (\(registered.prefix(16))…)")
                }
            } else {
                try setSetting("installation_key", key.publicKeyHex, now: now)
            }
            guard let head = try store.auditHead(), let installation = settings["installation"] else {
                throw EngineError.input("basis data belum diinisialisasi (not initialised)")
            }
            return try Checkpoint.make(installation: installation, seq: head.seq, head: head.hash, at: now.seconds, key: key.key)
        }
    }

    public func auditRecord(seq: Int64) throws -> AuditRecord? { try wrap { try store.auditRecord(seq: seq) } }

    /// The audit rows in order, from `seq`, for `seleksi audit log`.
    public func forEachAuditRecord(from seq: Int64 = 1, _ body: (AuditRecord) throws -> Void) throws {
        try wrap { try store.forEachAuditRecord(from: seq, body) }
    }
}
