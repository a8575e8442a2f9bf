import Crypto
import SeleksiCore

extension LogVerifier {
    /// Commands whose rows change tables, so that an accepted one with a `dataHash` must have its rows.
    static let effectCommands: [StaticString] = ["start", "fire", "submit", "correct", "withdraw", "vote"]

    /// Streams the log once, straight from SQLite's column bytes, on two cores: here each row's number,
    /// link and time, its signature and the rows its command appended; on the worker (`Replay`) its
    /// hash and what it says the tables now hold.
    func checkChain() throws {
        let streams = try store.effectStreams()
        let replay = self.replay
        let pipeline = WorkerPipeline<ChainBatch>(batchRows: options.batchRows, batchBytes: options.batchBytes) {
            replay.consume($0)
        }
        var prev = [UInt8](repeating: 0, count: 32)
        var expected: Int64 = 1
        var lastAt = Int64.min
        // Counted here and stored once the walk ends: a class's property written on every row costs a
        // run-time exclusivity check each time.
        var rows: Int64 = 0
        let checkpoints = Dictionary(options.checkpoints.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
        let r = RawAuditRow()
        // The earliest audit row any effect table still waits for: rows before it append nothing.
        var nextEffect = streams.map(\.nextSeq).min() ?? .max
        defer { pipeline.finish() }  // the worker never outlives the walk, even when a step throws
        try store.db.prepare("SELECT \(RawAuditRow.columns) FROM audit_log ORDER BY seq").forEach { row in
            r.load(row.handle)
            let seq = r.seq, at = r.at
            let stored = r.bytes(.hash)
            rows += 1
            var linked = false
            if seq != expected {
                report.add(seq: seq, "baris \(expected) sampai \(seq - 1) hilang (rows are missing: the log jumps from \(expected - 1))")
            } else if !(r.bytes(.prevHash).map { link in prev.withUnsafeBytes { link.sameBytes($0) } } ?? false) {
                report.add(seq: seq, "tautan ke baris \(seq - 1) tidak cocok (its prev_hash does not match the row before)")
            } else {
                linked = true
            }
            let batch = pipeline.batch
            r.encode(into: batch.bytes)
            batch.end(stored: stored, hashed: linked)
            pipeline.rowEnded()
            if at < lastAt { report.add(seq: seq, "waktunya mundur dari baris sebelumnya (its time goes back)") }
            if !checkpoints.isEmpty, let checkpoint = checkpoints[seq] { check(checkpoint, r) }
            if !r.isNull(.signature) { checkSignature(SQLiteStore.audit(row)) }
            if nextEffect <= seq {
                try checkEffects(r, seq: seq, streams)
                nextEffect = streams.map(\.nextSeq).min() ?? .max
            } else {
                checkNoEffects(r, seq: seq)
            }
            prev.removeAll(keepingCapacity: true)
            if let stored { prev.append(contentsOf: stored) }
            lastAt = max(lastAt, at)
            expected = seq + 1
            if rows % 100_000 == 0 { options.progress?(rows) }
        }
        pipeline.finish()
        report.rows += rows
        report.headSeq = expected - 1  // the last row's number (0 for an empty log)
        report.merge(replay.problems)
        replay.problems = VerificationReport()
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
        if !(r.bytes(.hash).map { $0.elementsEqual(checkpoint.head.bytes) } ?? false) {
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
        var digester: RowDigester?  // made only for a command that appended rows (most append none)
        for stream in streams {
            while let row = stream.current, row.auditSeq < seq {
                report.add(seq: row.auditSeq, record: row.record, "tidak tercatat oleh baris auditnya (not recorded by its audit row)")
                try stream.advance()
            }
            while let row = stream.current, row.auditSeq == seq {
                if digester == nil { digester = RowDigester() }
                digester!.add(row.row)
                if let problem = row.problem { report.add(seq: seq, record: row.record, problem) }
                try stream.advance()
            }
        }
        let refused = r.hasPrefix(.outcome, "refused")
        if let digester {
            if refused {
                report.add(seq: seq, "perintah yang ditolak punya baris data (a refused command has data rows)")
            } else if !(r.bytes(.dataHash).map { $0.elementsEqual(digester.finalize().bytes) } ?? false) {
                report.add(seq: seq, "data yang ditulis perintah ini tidak sama dengan yang dicatatnya "
                    + "(the rows this command wrote do not match its data hash: added, removed or edited)")
            }
        } else {
            checkNoEffects(r, seq: seq)
        }
    }

    /// A command that appended no rows: an accepted one that recorded a `dataHash` must have had them.
    private func checkNoEffects(_ r: RawAuditRow, seq: Int64) {
        if !r.isNull(.dataHash), !r.hasPrefix(.outcome, "refused"), Self.effectCommands.contains(where: { r.equals(.command, $0) }) {
            report.add(seq: seq, "baris data yang dicatat perintah ini hilang (the rows this command wrote are gone)")
        }
    }
}
