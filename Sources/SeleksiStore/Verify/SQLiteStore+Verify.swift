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
            return verifier.report
        }
    }
}

/// The state of one verification run.
final class LogVerifier {
    let store: SQLiteStore
    let options: VerifyOptions
    var report = VerificationReport()

    // Per instance, indexed by id: the last audit row that wrote it, its after-image, the state it
    // left the instance in, and the instance's workflow (for the transition check).
    var lastSeq: [Int64] = []
    var lastImage: [Hash256?] = []
    var lastState: [Int32] = []
    var workflowOf: [Int32] = []
    var workflowHashes: [String] = []
    var stateIDs: [String: Int32] = [:]
    /// Rows that name an instance beyond the table's highest id (its row must have been deleted).
    var beyond: [Int64: Int64] = [:]

    /// Directory entries, definitions, settings: the last after-image each subject was given.
    var subjects: [String: (image: Hash256?, seq: Int64)] = [:]
    var keys: [String: [ActorKey]] = [:]

    /// Commands whose rows change tables, so that an accepted one with a `dataHash` must have its rows.
    static let effectCommands: Set<String> = ["start", "fire", "submit", "correct", "withdraw", "vote"]

    init(store: SQLiteStore, options: VerifyOptions) throws {
        self.store = store
        self.options = options
        let maxID = try store.db.prepare("SELECT coalesce(max(id), 0) FROM instances").first { $0.int(0) } ?? 0
        let n = Int(maxID) + 1
        lastSeq = [Int64](repeating: 0, count: n)
        lastImage = [Hash256?](repeating: nil, count: n)
        lastState = [Int32](repeating: -1, count: n)
        workflowOf = [Int32](repeating: -1, count: n)
        var hashIndex: [String: Int32] = [:]
        try store.db.prepare("SELECT id, workflow_hash FROM instances").forEach { row in
            let hash = row.text(1)
            let index = hashIndex[hash] ?? {
                workflowHashes.append(hash)
                hashIndex[hash] = Int32(workflowHashes.count - 1)
                return Int32(workflowHashes.count - 1)
            }()
            workflowOf[Int(row.int(0))] = index
        }
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

    // MARK: The chain

    func checkChain() throws {
        let streams = try store.effectStreams()
        var prev = Hash256.zero
        var expected: Int64 = 1
        var lastAt = Int64.min
        let checkpoints = Dictionary(options.checkpoints.map { ($0.seq, $0) }, uniquingKeysWith: { a, _ in a })
        try store.forEachAuditRecord(from: 1) { r in
            report.rows += 1
            if r.seq != expected {
                report.add(seq: r.seq, "baris \(expected) sampai \(r.seq - 1) hilang (rows are missing: the log jumps from \(expected - 1))")
            } else if r.prevHash != prev {
                report.add(seq: r.seq, "tautan ke baris \(r.seq - 1) tidak cocok (its prev_hash does not match the row before)")
            } else if r.computeHash() != r.hash {
                report.add(seq: r.seq, "isinya tidak sama dengan hash-nya: baris diubah (the row was edited)")
            }
            if r.at < lastAt { report.add(seq: r.seq, "waktunya mundur dari baris sebelumnya (its time goes back)") }
            if let expectedHead = checkpoints[r.seq] {
                report.checkpoints += 1
                if expectedHead.head != r.hash {
                    report.add(seq: r.seq, "hash baris berbeda dari checkpoint \(Timestamp(seconds: expectedHead.at).iso) "
                        + "(the row differs from the signed checkpoint: the log was rewritten)")
                }
            }
            if r.signature != nil { checkSignature(r) }
            try checkEffects(r, streams)
            track(r)
            prev = r.hash
            lastAt = max(lastAt, r.at)
            expected = r.seq + 1
            report.headSeq = r.seq
            if report.rows % 100_000 == 0 { options.progress?(report.rows) }
        }
        report.head = prev
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
    private func checkEffects(_ r: AuditRecord, _ streams: [EffectStream]) throws {
        var digester = RowDigester()
        for stream in streams {
            while let row = stream.current, row.auditSeq < r.seq {
                report.add(seq: row.auditSeq, record: row.record, "tidak tercatat oleh baris auditnya (not recorded by its audit row)")
                try stream.advance()
            }
            while let row = stream.current, row.auditSeq == r.seq {
                digester.add(row.row)
                if let problem = row.problem { report.add(seq: r.seq, record: row.record, problem) }
                try stream.advance()
            }
        }
        if digester.rows > 0 {
            if r.isRefused {
                report.add(seq: r.seq, "perintah yang ditolak punya baris data (a refused command has data rows)")
            } else if digester.finalize() != r.dataHash {
                report.add(seq: r.seq, "data yang ditulis perintah ini tidak sama dengan yang dicatatnya "
                    + "(the rows this command wrote do not match its data hash: added, removed or edited)")
            }
        } else if !r.isRefused, r.dataHash != nil, Self.effectCommands.contains(r.command) {
            report.add(seq: r.seq, "baris data yang dicatat perintah ini hilang (the rows this command wrote are gone)")
        }
    }

    /// Remembers what the row says the tables now hold, and checks the instance's path.
    private func track(_ r: AuditRecord) {
        if let subject = r.subject, r.isAccepted { subjects[subject] = (r.afterHash, r.seq) }
        guard r.subject == nil, let id = r.instance, r.afterHash != nil || r.to != nil, !r.isRefused else { return }
        guard id > 0, id < Int64(lastSeq.count) else {
            if r.afterHash != nil { beyond[id] = r.seq }
            return
        }
        let i = Int(id)
        if r.isAccepted, let to = r.to {
            let toID = intern(to)
            if let from = r.from, lastState[i] >= 0, intern(from) != lastState[i] {
                report.add(seq: r.seq, record: "instances #\(id)",
                           "berangkat dari status '\(from)', padahal baris sebelumnya meninggalkannya di status lain "
                           + "(the path breaks: a row before it is missing or forged)")
            }
            if r.command == "fire", workflowOf[i] >= 0, let check = options.transitionCheck,
               let problem = check(workflowHashes[Int(workflowOf[i])], r) {
                report.add(seq: r.seq, record: "instances #\(id)", problem)
            }
            lastState[i] = toID
        }
        if let after = r.afterHash {
            lastImage[i] = after
            lastSeq[i] = r.seq
        }
    }

    private func intern(_ state: String) -> Int32 {
        if let id = stateIDs[state] { return id }
        let id = Int32(stateIDs.count)
        stateIDs[state] = id
        return id
    }

    // MARK: Tables against the log

    func checkInstances() throws {
        try store.db.prepare("""
            SELECT id, workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, created_at, updated_at
            FROM instances ORDER BY id
            """).forEach { row in
            report.instances += 1
            let id = row.int(0)
            let image = InstanceRecord.afterImage(id: id, workflowID: row.text(1), workflowHash: row.text(2), formHashes: row.text(3),
                                                  org: row.text(4), owner: row.text(5), parent: row.optionalInt(6), state: row.text(7),
                                                  stateSeq: row.int(8), enteredAt: row.int(9), vars: row.text(10),
                                                  createdAt: row.int(11), updatedAt: row.int(12))
            let i = Int(id)
            guard id > 0, let recorded = lastImage[i] else {
                report.add(record: "instances #\(id)", "tidak ada baris audit yang menulisnya (no audit row wrote it: forged)")
                return
            }
            if recorded != image {
                report.add(seq: lastSeq[i], record: "instances #\(id)",
                           "tidak sama dengan yang dicatat baris audit terakhirnya (differs from its last audit row: edited)")
            }
            lastImage[i] = nil
        }
        for (i, image) in lastImage.enumerated() where image != nil {
            report.add(seq: lastSeq[i], record: "instances #\(i)", "tercatat di log tetapi barisnya hilang (in the log but deleted)")
        }
        for (id, seq) in beyond.sorted(by: { $0.key < $1.key }) {
            report.add(seq: seq, record: "instances #\(id)", "tercatat di log tetapi barisnya hilang (in the log but deleted)")
        }
    }

    func checkSubjects() throws {
        let db = store.db
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
        for (subject, entry) in subjects.sorted(by: { $0.key < $1.key }) where entry.image != nil {
            report.add(seq: entry.seq, record: subject, "tercatat di log tetapi tidak ada di tabel (in the log but deleted)")
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
        guard let entry = subjects.removeValue(forKey: subject) else {
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
