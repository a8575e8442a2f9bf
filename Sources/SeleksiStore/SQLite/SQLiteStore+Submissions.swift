import SeleksiCore

extension SQLiteStore: SubmissionStore {
    static let submissionColumns = """
        SELECT id, instance, form_id, form_hash, actor, submitted_at, kind, version, reason, data, data_hash, erased_by, audit_seq
        FROM submissions
        """

    public func latestSubmissionIDs(instance: Int64) throws -> [String: Int64] {
        // Every version in (form, id) order, the index's, the last of each form kept: an instance has a
        // few. Asking SQLite for each form's `max(id)` and then its row built a temporary table on every
        // command and cost twice as much (6% of the national demo).
        var out: [String: Int64] = [:]
        try db.prepare(static: """
            SELECT form_id, id, kind FROM submissions WHERE instance = ? ORDER BY form_id, id
            """).forEach(.int(instance)) { row in
            out[row.text(0)] = row.text(2) == SubmissionRecord.Kind.withdraw.rawValue ? nil : row.int(1)
        }
        return out
    }

    public func submission(_ id: Int64) throws -> SubmissionRecord? {
        try db.prepare(static: """
            SELECT id, instance, form_id, form_hash, actor, submitted_at, kind, version, reason, data, data_hash, erased_by, audit_seq
            FROM submissions WHERE id = ?
            """).first(.int(id), map: Self.submission)
    }

    public func latestPerActor(instance: Int64, form: String) throws -> [SubmissionRecord] {
        // The form's versions in id order (the index's), the last of each actor kept. Grouping by
        // actor in SQL sorted them in a temporary table on every rater's command; an instance has a
        // few versions of a form, one per rater and the rare correction.
        var latest: [String: SubmissionRecord] = [:]
        try db.prepare("\(Self.submissionColumns) WHERE instance = ? AND form_id = ? ORDER BY id")
            .forEach(.int(instance), .text(form)) { latest[$0.text(4)] = Self.submission($0) }
        return latest.values.filter { $0.kind != .withdraw }.sorted { $0.id < $1.id }
    }

    public func latestPerActorIDs(instance: Int64, form: String) throws -> [(id: Int64, actor: String)] {
        // As `latestPerActor`, without the answers: every rater's command reads the sheets before it,
        // and reading their texts here, only to read them again by id, was 4% of that command.
        var latest: [String: (id: Int64, withdrawn: Bool)] = [:]
        try db.prepare(static: "SELECT id, actor, kind FROM submissions WHERE instance = ? AND form_id = ? ORDER BY id")
            .forEach(.int(instance), .text(form)) {
                latest[$0.text(1)] = ($0.int(0), $0.text(2) == SubmissionRecord.Kind.withdraw.rawValue)
            }
        return latest.filter { !$0.value.withdrawn }.map { (id: $0.value.id, actor: $0.key) }.sorted { $0.id < $1.id }
    }

    public func submissionVersions(instance: Int64, form: String?) throws -> [SubmissionRecord] {
        try db.prepare("\(Self.submissionColumns) WHERE instance = ?1 AND (?2 IS NULL OR form_id = ?2) ORDER BY id")
            .rows(.int(instance), .optional(form), map: Self.submission)
    }

    public func latestSubmission(instance: Int64, form: String, actor: String) throws -> SubmissionRecord? {
        try db.prepare("\(Self.submissionColumns) WHERE instance = ? AND form_id = ? AND actor = ? ORDER BY id DESC LIMIT 1")
            .first(.int(instance), .text(form), .text(actor), map: Self.submission)
    }

    public func forEachChildSubmission(parent: Int64, form: String, _ body: (SubmissionRecord) throws -> Void) throws {
        try db.prepare("""
            \(Self.submissionColumns) WHERE form_id = ? AND instance IN (SELECT id FROM instances WHERE parent = ?)
            ORDER BY instance, id
            """).forEach(.text(form), .int(parent)) { try body(Self.submission($0)) }
    }

    public func decisions(instance: Int64) throws -> [DecisionRecord] {
        try db.prepare(static: """
            SELECT instance, name, value, reason, actor, at FROM decisions WHERE instance = ? ORDER BY id
            """).rows(.int(instance)) {
            DecisionRecord(instance: $0.int(0), name: $0.text(1), value: (try? Value(json: $0.text(2))) ?? .null, reason: $0.optionalText(3),
                           actor: $0.text(4), at: $0.int(5))
        }
    }

    public func childDecisionCounts(parent: Int64) throws -> [(name: String, value: String, count: Int, withReason: Int)] {
        try db.prepare("""
            SELECT d.name, d.value, count(*), sum(d.reason IS NOT NULL AND d.actor != 'system')
            FROM decisions d JOIN instances i ON i.id = d.instance
            WHERE i.parent = ? GROUP BY d.name, d.value ORDER BY d.name, count(*) DESC
            """).rows(.int(parent)) {
            (name: $0.text(0), value: ((try? Value(json: $0.text(1))) ?? .null).displayText, count: Int($0.int(2)), withReason: Int($0.int(3)))
        }
    }

    public func confirmations(instance: Int64, stateSeq: Int64, event: String) throws -> Set<String> {
        Set(try db.prepare("SELECT actor FROM confirmations WHERE instance = ? AND state_seq = ? AND event = ?")
            .rows(.int(instance), .int(stateSeq), .text(event)) { $0.text(0) })
    }

    public func blob(_ hash: Hash256) throws -> [UInt8]? {
        try db.prepare("SELECT bytes FROM blobs WHERE hash = ?").first(.digest(hash)) { $0.blob(0) }
    }

    public func blobUsed(_ hash: Hash256, outside instance: Int64) throws -> Bool {
        // Attachment values hold the hash as hex text; a rare command (an erasure) may scan.
        try db.prepare("SELECT 1 FROM submissions WHERE instance != ? AND erased_by IS NULL AND instr(data, ?) > 0 LIMIT 1")
            .first(.int(instance), .text(hash.hex)) { _ in true } ?? false
    }

    public func hasBlob(_ hash: Hash256) throws -> Bool {
        try db.prepare("SELECT 1 FROM blobs WHERE hash = ?").first(.digest(hash)) { _ in true } ?? false
    }

    static func submission(_ row: Row) -> SubmissionRecord {
        SubmissionRecord(id: row.int(0), instance: row.int(1), formID: row.text(2), formHash: row.text(3), actor: row.text(4),
                         submittedAt: row.int(5), kind: SubmissionRecord.Kind(rawValue: row.text(6)) ?? .submit, version: row.int(7),
                         reason: row.optionalText(8), data: row.text(9), dataHash: row.digest(10) ?? .zero, erasedBy: row.optionalInt(11),
                         auditSeq: row.int(12))
    }
}
