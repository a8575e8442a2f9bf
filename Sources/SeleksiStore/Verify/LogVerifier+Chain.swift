import Crypto
import SeleksiCore

extension LogVerifier {
    /// Commands whose rows change tables, so that an accepted one with a `dataHash` must have its rows.
    static let effectCommands: [StaticString] = ["start", "fire", "submit", "correct", "withdraw", "vote"]

    /// Streams the log once, straight from SQLite's column bytes: each row's number, link, hash and
    /// time; its signature; the rows its command appended; and what it says the tables now hold.
    func checkChain() throws {
        let streams = try store.effectStreams()
        var prev = [UInt8](repeating: 0, count: 32)
        var expected: Int64 = 1
        var lastAt = Int64.min
        var encoder = RowEncoder(domain: "audit/1", capacity: 512)
        let hasher = ChainHasher()
        let checkpoints = Dictionary(options.checkpoints.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
        try store.db.prepare("SELECT \(RawAuditRow.columns) FROM audit_log ORDER BY seq").forEach { row in
            let r = RawAuditRow(handle: row.handle)
            let seq = r.int(.seq), at = r.int(.at)
            report.rows += 1
            if seq != expected {
                report.add(seq: seq, "baris \(expected) sampai \(seq - 1) hilang (rows are missing: the log jumps from \(expected - 1))")
            } else if !(r.blob(.prevHash).map { $0.elementsEqual(prev) } ?? false) {
                report.add(seq: seq, "tautan ke baris \(seq - 1) tidak cocok (its prev_hash does not match the row before)")
            } else {
                r.encode(into: &encoder)
                hasher.add(seq: seq, encoding: encoder.bytes, stored: r.blob(.hash))
            }
            if at < lastAt { report.add(seq: seq, "waktunya mundur dari baris sebelumnya (its time goes back)") }
            if let checkpoint = checkpoints[seq] { check(checkpoint, r) }
            if !r.isNull(.signature) { checkSignature(SQLiteStore.audit(row)) }
            try checkEffects(r, seq: seq, streams)
            track(r, seq: seq)
            prev = r.blob(.hash).map(Array.init) ?? []
            lastAt = max(lastAt, at)
            expected = seq + 1
            report.headSeq = seq
            if report.rows % 100_000 == 0 { options.progress?(report.rows) }
        }
        for seq in hasher.finish() {
            report.add(seq: seq, "isinya tidak sama dengan hash-nya: baris diubah (the row was edited)")
        }
        report.head = Hash256(bytes: prev) ?? .zero
        for stream in streams {
            while let orphan = stream.current {
                report.add(seq: orphan.auditSeq, record: orphan.record,
                           "ditulis oleh baris audit yang tidak ada (written by an audit row that does not exist: rows removed)")
                try stream.advance()
            }
        }
        if report.rows == 0, try store.db.prepare("SELECT count(*) FROM instances").first(map: { $0.int(0) }) ?? 0 > 0 {
            report.add("log audit kosong padahal ada data (the audit log is empty but the tables are not)")
        }
    }

    private func check(_ checkpoint: Checkpoint, _ r: RawAuditRow) {
        report.checkpoints += 1
        if !(r.blob(.hash).map { $0.elementsEqual(checkpoint.head.bytes) } ?? false) {
            report.add(seq: checkpoint.seq, "hash baris berbeda dari checkpoint \(Timestamp(seconds: checkpoint.at).iso) "
                + "(the row differs from the signed checkpoint: the log was rewritten)")
        }
    }

    private func checkSignature(_ r: AuditRecord) {
        report.signatures += 1
        let candidates = (keys[r.actor] ?? []).filter { $0.addedAt <= r.at }
        let valid = candidates.contains { k in
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: k.publicKey), let sig = r.signature else { return false }
            return key.isValidSignature(sig, for: r.signedBytes)
        }
        if !valid {
            report.add(seq: r.seq, "tanda tangan \(r.actor) tidak sah dengan kunci terdaftarnya (the signature does not match the actor's key)")
        }
    }

    /// Hashes the rows this command appended and compares them with its `dataHash`.
    private func checkEffects(_ r: RawAuditRow, seq: Int64, _ streams: [EffectStream]) throws {
        var digester = RowDigester()
        for stream in streams {
            while let row = stream.current, row.auditSeq < seq {
                report.add(seq: row.auditSeq, record: row.record, "tidak tercatat oleh baris auditnya (not recorded by its audit row)")
                try stream.advance()
            }
            while let row = stream.current, row.auditSeq == seq {
                digester.add(row.row)
                if let problem = row.problem { report.add(seq: seq, record: row.record, problem) }
                try stream.advance()
            }
        }
        let refused = r.hasPrefix(.outcome, "refused")
        if digester.rows > 0 {
            if refused {
                report.add(seq: seq, "perintah yang ditolak punya baris data (a refused command has data rows)")
            } else if !(r.blob(.dataHash).map { $0.elementsEqual(digester.finalize().bytes) } ?? false) {
                report.add(seq: seq, "data yang ditulis perintah ini tidak sama dengan yang dicatatnya "
                    + "(the rows this command wrote do not match its data hash: added, removed or edited)")
            }
        } else if !refused, !r.isNull(.dataHash), Self.effectCommands.contains(where: { r.equals(.command, $0) }) {
            report.add(seq: seq, "baris data yang dicatat perintah ini hilang (the rows this command wrote are gone)")
        }
    }

    /// Remembers what the row says the tables now hold, and checks the instance's path.
    private func track(_ r: RawAuditRow, seq: Int64) {
        let accepted = r.equals(.outcome, "accepted")
        if let subject = r.string(.subject) {
            if accepted { subjects[subject] = (r.blob(.afterHash).flatMap { Hash256(bytes: Array($0)) }, seq) }
            return
        }
        guard let id = r.optionalInt(.instance), !r.isNull(.afterHash) || !r.isNull(.to), !r.hasPrefix(.outcome, "refused") else { return }
        guard id > 0, id < Int64(lastSeq.count) else {
            if !r.isNull(.afterHash) { beyond[id] = seq }
            return
        }
        let i = Int(id)
        if accepted, let to = r.text(.to) {
            let toID = names.id(to)
            if let from = r.text(.from), lastState[i] >= 0, names.id(from) != lastState[i] {
                report.add(seq: seq, record: "instances #\(id)",
                           "berangkat dari status '\(r.string(.from) ?? "")', padahal baris sebelumnya meninggalkannya di status lain "
                           + "(the path breaks: a row before it is missing or forged)")
            }
            if r.equals(.command, "fire"), workflowOf[i] >= 0 { checkMove(r, seq: seq, instance: id, workflow: Int(workflowOf[i])) }
            lastState[i] = toID
        }
        if let after = r.blob(.afterHash), after.count == 32 {
            images.withUnsafeMutableBytes { UnsafeMutableRawBufferPointer(rebasing: $0[i * 32 ..< i * 32 + 32]).copyMemory(from: after) }
            lastSeq[i] = seq
        } else if !r.isNull(.afterHash) {
            lastSeq[i] = seq  // a recorded image of the wrong length matches no row: reported as edited
            images.replaceSubrange(i * 32 ..< i * 32 + 32, with: repeatElement(0xFF, count: 32))
        }
    }

    /// An accepted `fire` must be a move of the instance's workflow, by one of its roles or the system.
    private func checkMove(_ r: RawAuditRow, seq: Int64, instance id: Int64, workflow w: Int) {
        guard let rules = options.transitionRules else { return }
        if moves[w] == nil {
            var set: Set<MoveKey> = []
            for m in rules(workflowHashes[w]) {
                let (from, event, to) = (names.id(m.from), names.id(m.event), names.id(m.to))
                set.insert(MoveKey(from: from, event: event, to: to, role: -1))
                for role in m.roles { set.insert(MoveKey(from: from, event: event, to: to, role: names.id(role))) }
            }
            moves[w] = set
        }
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        let (from, event, to) = (names.id(r.text(.from) ?? empty), names.id(r.text(.event) ?? empty), names.id(r.text(.to) ?? empty))
        guard moves[w]!.contains(MoveKey(from: from, event: event, to: to, role: -1)) else {
            report.add(seq: seq, record: "instances #\(id)",
                       "'\(r.string(.event) ?? "")' dari '\(r.string(.from) ?? "")' ke '\(r.string(.to) ?? "")' bukan peralihan alurnya "
                       + "(not a transition of its workflow: a forged row)")
            return
        }
        let role = names.id(r.text(.role) ?? empty)
        guard r.equals(.role, "system") || moves[w]!.contains(MoveKey(from: from, event: event, to: to, role: role)) else {
            report.add(seq: seq, record: "instances #\(id)",
                       "peran '\(r.string(.role) ?? "")' tidak boleh memicu '\(r.string(.event) ?? "")' (the role may not fire this event)")
            return
        }
    }
}
