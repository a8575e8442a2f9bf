import CSQLite
import Crypto
import SeleksiCore

extension SQLiteStore {
    /// Proves the database against its log, in one read snapshot and without loading the log:
    /// the schema's guards; the chain (order, links, hashes, time never going back, signatures);
    /// each command's appended rows against its `dataHash`; every instance, directory entry,
    /// definition, setting and reference table against the after-image of the row that last wrote it;
    /// each instance's path through its states; and the checkpoints given.
    public func verify(_ options: VerifyOptions) throws -> VerificationReport {
        try db.readTransaction {
            let verifier = try LogVerifier(store: self, options: options)
            try verifier.checkSchema()
            try verifier.checkChain()
            try verifier.checkInstances()
            try verifier.checkSubjects()
            try verifier.checkBlobs()
            verifier.checkCheckpoints()
            // Found in two passes (and on two cores): told in the order of the log.
            verifier.report.problems = verifier.report.problems.enumerated()
                .sorted { ($0.element.seq ?? 0, $0.offset) < ($1.element.seq ?? 0, $1.offset) }.map(\.element)
            return verifier.report
        }
    }
}

/// The state of one verification run.
final class LogVerifier {
    let store: SQLiteStore
    let options: VerifyOptions
    var report = VerificationReport()

    /// What the log says the tables hold, rebuilt by the worker during the walk (see `Replay`).
    let replay: Replay
    var keys: [String: [ActorKey]] = [:]

    init(store: SQLiteStore, options: VerifyOptions) throws {
        self.store = store
        self.options = options
        let maxID = try store.db.prepare("SELECT coalesce(max(id), 0) FROM instances").first { $0.int(0) } ?? 0
        let replay = Replay(instanceSlots: Int(max(maxID, 0)) + 1)
        // Counted from the subject index, without reading the rows.
        let subjectRows = try store.db.prepare(static: "SELECT count(*) FROM audit_log WHERE subject IS NOT NULL")
            .first { $0.int(0) } ?? 0
        replay.subjects.reserve(rows: Int(subjectRows))
        var hashIndex: [String: Int32] = [:]
        try store.db.prepare("SELECT id, workflow_hash FROM instances").forEach { row in
            let hash = row.text(1)
            let index = hashIndex[hash] ?? {
                replay.workflowHashes.append(hash)
                hashIndex[hash] = Int32(replay.workflowHashes.count - 1)
                return Int32(replay.workflowHashes.count - 1)
            }()
            let id = row.int(0)
            if id > 0 { replay.workflowOf[Int(id)] = index }  // an id of 0 or below is reported as forged later
        }
        replay.loadMoves(options.transitionRules)
        self.replay = replay
        try store.db.prepare("SELECT actor, public_key, added_at FROM actor_keys ORDER BY id").forEach {
            keys[$0.text(0), default: []].append(ActorKey(actor: $0.text(0), publicKey: $0.blob(1), addedAt: $0.int(2)))
        }
    }

    // MARK: The schema

    func checkSchema() throws {
        if try Schema.applicationID(of: store.db) != Schema.applicationID {
            report.add("penanda aplikasi (application_id) berubah (the file's application id was changed)")
        }
        var present: [String: String] = [:]
        try store.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").forEach { present[$0.text(0)] = $0.text(1) }
        let expected = Schema.triggers.components(separatedBy: ";").map(Self.squeeze).filter { !$0.isEmpty }
        for name in Schema.triggerNames {
            guard let sql = present[name] else {
                report.add(record: "trigger \(name)", "pemicu penjaga log audit dihapus (an audit-log guard trigger was dropped)")
                continue
            }
            if !expected.contains(where: { $0.hasPrefix(Self.squeeze(sql)) || Self.squeeze(sql + ";").hasPrefix($0) }) {
                report.add(record: "trigger \(name)", "pemicu penjaga log audit diubah (an audit-log guard trigger was altered)")
            }
        }
    }

    private static func squeeze(_ sql: String) -> String {
        sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    // MARK: Tables against the log

    /// Each instance's row encoded here as its after-image is, and hashed and compared with the image
    /// its last audit row recorded on the worker (which alone touches the replay's tables).
    func checkInstances() throws {
        let replay = self.replay
        let pipeline = WorkerPipeline<InstanceBatch>(batchRows: options.batchRows, batchBytes: options.batchBytes) {
            replay.checkInstances($0)
        }
        defer { pipeline.finish() }
        try store.db.prepare("""
            SELECT id, workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, created_at, updated_at
            FROM instances ORDER BY id
            """).forEach { row in
            report.instances += 1
            let h = row.handle
            let id = sqlite3_column_int64(h, 0)
            let batch = pipeline.batch
            let texts = (RawAuditRow.columnBytes(h, 1), RawAuditRow.columnBytes(h, 2), RawAuditRow.columnBytes(h, 3),
                         RawAuditRow.columnBytes(h, 4), RawAuditRow.columnBytes(h, 5), RawAuditRow.columnBytes(h, 7),
                         RawAuditRow.columnBytes(h, 10))
            var size = RowWriter.size(domain: RowBuffer.instanceDomain) + 6 * RowWriter.intSize
            size += RowWriter.size(texts.0) + RowWriter.size(texts.1) + RowWriter.size(texts.2) + RowWriter.size(texts.3)
            size += RowWriter.size(texts.4) + RowWriter.size(texts.5) + RowWriter.size(texts.6)
            // The same encoding as `InstanceRecord.afterImage`, from the column bytes.
            var w = batch.bytes.writer(reserving: size)
            w.domain(RowBuffer.instanceDomain)
            w.int(id)
            w.text(texts.0)
            w.text(texts.1)
            w.text(texts.2)
            w.text(texts.3)
            w.text(texts.4)
            w.int(sqlite3_column_type(h, 6) == SQLITE_NULL ? nil : sqlite3_column_int64(h, 6))
            w.text(texts.5)
            w.int(sqlite3_column_int64(h, 8))
            w.int(sqlite3_column_int64(h, 9))
            w.text(texts.6)
            w.int(sqlite3_column_int64(h, 11))
            w.int(sqlite3_column_int64(h, 12))
            batch.bytes.commit(w)
            batch.end(id: id)
            pipeline.rowEnded()
        }
        pipeline.finish()
        report.merge(replay.problems)
        replay.problems = VerificationReport()
        for (i, seq) in replay.lastSeq.enumerated() where seq != 0 {
            report.add(seq: seq, record: "instances #\(i)", "tercatat di log tetapi barisnya hilang (in the log but deleted)")
        }
        for (id, seq) in replay.beyond.sorted(by: { $0.key < $1.key }) {
            report.add(seq: seq, record: "instances #\(id)", "tercatat di log tetapi barisnya hilang (in the log but deleted)")
        }
    }

    func checkSubjects() throws {
        let db = store.db
        replay.subjects.compact()
        try db.prepare("SELECT id, name, kind, parent FROM organisations").forEach {
            compare("org:\($0.text(0))", SubjectImage.organisation(SQLiteStore.organisation($0)), record: "organisations \($0.text(0))")
        }
        try db.prepare("SELECT id, name, nip, os_user FROM actors").forEach {
            compare("actor:\($0.text(0))", SubjectImage.actor(SQLiteStore.actor($0)), record: "actors \($0.text(0))")
        }
        try db.prepare(SQLiteStore.grantColumns).forEach {
            let g = SQLiteStore.grant($0)
            compare("grant:\(g.actor)/\(g.role)/\(g.org)", SubjectImage.grant(g), record: "grants \(g.actor) \(g.role)@\(g.org)")
        }
        for (actor, list) in keys { compare("keys:\(actor)", SubjectImage.actorKeys(list), record: "actor_keys \(actor)") }
        try db.prepare("SELECT key, value FROM settings").forEach {
            compare("setting:\($0.text(0))", SubjectImage.setting(key: $0.text(0), value: $0.text(1)), record: "settings \($0.text(0))")
        }
        try checkDefinitions()
        try checkReferenceTables()
        var erased: [Int64: [(id: Int64, dataDigest: Hash256)]] = [:]
        try db.prepare("SELECT instance, id, data FROM submissions WHERE erased_by IS NOT NULL ORDER BY instance, id").forEach {
            erased[$0.int(0), default: []].append(($0.int(1), Hash256.of($0.text(2))))
        }
        for (instance, list) in erased {
            compare("erasure:\(instance)", SubjectImage.erasure(instance: instance, submissions: list), record: "submissions of #\(instance)")
        }
        // The ledger knows subjects by digest: a leftover's name is read back from the row that wrote it.
        let subjectOf = try db.prepare(static: "SELECT subject FROM audit_log WHERE seq = ?")
        let leftovers = try replay.subjects.leftovers.map { seq in
            let name = try subjectOf.first(.int(seq)) { $0.optionalText(0) }.flatMap { $0 }
            return (subject: name ?? "audit_log #\(seq)", seq: seq)
        }
        for (subject, seq) in leftovers.sorted(by: { $0.subject < $1.subject }) {
            report.add(seq: seq, record: subject, "tercatat di log tetapi tidak ada di tabel (in the log but deleted)")
        }
    }

    private func checkDefinitions() throws {
        let db = store.db
        try db.prepare("SELECT hash, source FROM definitions").forEach { row in
            report.definitions += 1
            if Hash256.of(row.blob(1)).hex != row.text(0) {
                report.add(record: "definitions \(row.text(0).prefix(12))…",
                           "isi definisi tidak sama dengan hash-nya: aturan diubah (a stored workflow or form was edited)")
            }
        }
        try db.prepare("""
            SELECT c.kind, c.def_id, c.hash, d.version, d.file, d.source FROM current_definitions c LEFT JOIN definitions d ON d.hash = c.hash
            """).forEach { row in
            let image = SubjectImage.definition(kind: row.text(0), id: row.text(1), hash: row.text(2), version: row.text(3),
                                                file: row.text(4), sourceDigest: Hash256.of(row.blob(5)))
            compare("definition:\(row.text(0))/\(row.text(1))", image, record: "current_definitions \(row.text(0))/\(row.text(1))")
        }
    }

    private func checkReferenceTables() throws {
        var table: String?
        var rows: [String] = []
        func flush() {
            guard let name = table else { return }
            compare("reference:\(name)", SubjectImage.referenceTable(name: name, rows: rows), record: "reference_rows \(name)")
        }
        try store.db.prepare("SELECT table_name, data FROM reference_rows ORDER BY table_name, row_no").forEach { row in
            if row.text(0) != table {
                flush()
                table = row.text(0)
                rows = []
            }
            rows.append(row.text(1))
        }
        flush()
    }

    private func compare(_ subject: String, _ image: Hash256, record: String) {
        report.directoryEntries += 1
        guard let entry = replay.subjects.take(subject) else {
            report.add(record: record, "tidak ada baris audit yang menulisnya (no audit row wrote it: forged)")
            return
        }
        if entry.image != image {
            report.add(seq: entry.seq, record: record,
                       "tidak sama dengan yang dicatat baris audit terakhirnya (differs from its last audit row: edited)")
        }
    }

    func checkBlobs() throws {
        try store.db.prepare("SELECT hash, bytes FROM blobs").forEach { row in
            if Hash256(bytes: row.blob(0)) != Hash256.of(row.blob(1)) {
                report.add(record: "blobs \(Hex.encode(row.blob(0)).prefix(12))…",
                           "isi lampiran tidak sama dengan hash-nya: berkas bukti ditukar (an attachment's bytes were swapped)")
            }
        }
    }

    func checkCheckpoints() {
        for c in options.checkpoints where c.seq > report.headSeq {
            report.add(seq: c.seq, "checkpoint menyebut baris \(c.seq), tetapi log berakhir di \(report.headSeq): baris terakhir dihapus "
                + "(the checkpoint names a row past the end of the log: rows were removed)")
        }
    }
}
