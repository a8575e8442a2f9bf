import SeleksiCore

extension SQLiteStore {
    /// Writes the command's changes, then its audit row with the hashes of what was written, all in the
    /// caller's transaction (or one of its own).
    @discardableResult
    public func commit(_ write: CommandWrite) throws -> Committed {
        try db.withinTransaction {
            let last = try currentHead()
            guard write.audit.at >= last.at else {
                throw StoreError.conflict("perintah bertanggal \(Timestamp(seconds: write.audit.at).iso) sebelum baris audit terakhir "
                    + "(\(Timestamp(seconds: last.at).iso)); waktu tidak boleh mundur (a command may not be dated before the last audit row)")
            }
            var record = write.audit
            record.seq = last.seq + 1
            record.prevHash = last.hash
            record.reason = AuditRecord.clip(record.reason)
            var effects = RowDigester()
            var instanceID: Int64?
            if let change = write.instance {
                let (id, after) = try apply(change)
                instanceID = id
                record.instance = id
                record.afterHash = after
            }
            if let id = record.instance {
                try appendEffects(write, instance: id, seq: record.seq, at: record.at, into: &effects)
            }
            for blob in write.blobs {
                try db.prepare(static: "INSERT OR IGNORE INTO blobs (hash, size, bytes) VALUES (?, ?, ?)")
                    .run(.digest(blob.hash), .int(Int64(blob.bytes.count)), .blob(blob.bytes))
            }
            if let change = write.directory {
                record.subject = SubjectImage.subject(of: change)
                record.afterHash = try apply(change, seq: record.seq, at: record.at)
            }
            if effects.rows > 0 { record.dataHash = effects.finalize() }
            if let signer = write.signer { record.signature = try signer(record) }
            record.hash = record.computeHash(in: scratch)
            try insertAudit(record)
            head = (record.seq, record.hash, record.at)
            return Committed(seq: record.seq, hash: record.hash, instanceID: instanceID)
        }
    }

    func currentHead() throws -> (seq: Int64, hash: Hash256, at: Int64) {
        if let head { return head }
        let read = try auditHead() ?? (0, .zero, Int64.min)
        head = read
        return read
    }

    private func insertAudit(_ r: AuditRecord) throws {
        try db.prepare(static: """
            INSERT INTO audit_log (seq, at, actor, os_user, role, instance, subject, command, event, from_state, to_state,
                                   outcome, reason, data_hash, after_hash, signature, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(.int(r.seq), .int(r.at), .text(r.actor), .optional(r.osUser), .optional(r.role), .optional(r.instance),
                     .optional(r.subject), .text(r.command), .optional(r.event), .optional(r.from), .optional(r.to),
                     .text(r.outcome), .optional(r.reason), .optional(r.dataHash), .optional(r.afterHash),
                     r.signature.map(SQLValue.blob) ?? .null, .digest(r.prevHash), .digest(r.hash))
    }

    // MARK: Instances

    private func apply(_ change: InstanceChange) throws -> (Int64, Hash256) {
        switch change {
        case .insert(let r):
            let vars = Value.record(r.variables).canonicalJSON
            let forms = r.formHashesJSON
            try db.prepare(static: """
                INSERT INTO instances (workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at,
                                       vars, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run(.text(r.workflowID), .text(r.workflowHash), .text(forms), .text(r.org), .text(r.owner), .optional(r.parent),
                         .text(r.state), .int(r.stateSeq), .int(r.enteredAt), .text(vars), .int(r.createdAt), .int(r.updatedAt))
            let id = db.lastInsertRowID
            noteRowMatchesLog(id)
            rememberWritten(r, id: id, vars: vars, forms: forms)
            return (id, afterImage(of: r, id: id, vars: vars, forms: forms))
        case .update(let r, let stateChanged):
            try requireRowMatchesLog(r.id)
            // A command that sets no variable (most of an applicant's) writes their stored text again,
            // neither encoding them nor reading the text back (see `keptColumns`).
            let kept = keptColumns(ifVariablesOf: r)
            let vars = kept?.varsText ?? Value.record(r.variables).canonicalJSON
            if stateChanged {
                try db.prepare(static: "UPDATE instances SET state = ?, state_seq = ?, entered_at = ?, vars = ?, updated_at = ? WHERE id = ?")
                    .run(.text(r.state), .int(r.stateSeq), .int(r.enteredAt), .text(vars), .int(r.updatedAt), .int(r.id))
            } else {
                // Leaving `state` out of the SET list spares SQLite the state index.
                try db.prepare(static: "UPDATE instances SET state_seq = ?, entered_at = ?, vars = ?, updated_at = ? WHERE id = ?")
                    .run(.int(r.stateSeq), .int(r.enteredAt), .text(vars), .int(r.updatedAt), .int(r.id))
            }
            guard db.changes == 1 else { throw StoreError.notFound("no instance #\(r.id) to update") }
            let forms = r.formHashesJSON
            if let kept, kept.formsText == forms {
                var row = r
                row.variables = kept.variables
                row.formHashesSource = forms
                noteCurrent(row, columns: kept)
            } else {
                rememberWritten(r, id: r.id, vars: vars, forms: forms)
            }
            return (r.id, afterImage(of: r, id: r.id, vars: vars, forms: forms))
        }
    }

    /// The parsed columns this connection keeps for the row, when the command's variables are the
    /// ones they hold: their stored text is then the text to write (the text was parsed into exactly
    /// these values, and encoding them again gives it back).
    private func keptColumns(ifVariablesOf r: InstanceRecord) -> ParsedInstanceColumns? {
        guard let hit = parsedRows.get(r.id), hit.variables == r.variables else { return nil }
        assert(Value.record(r.variables).canonicalJSON == hit.varsText,
               "the stored variables of instance #\(r.id) are not the canonical text of their values")
        return hit
    }

    /// Keeps the row just written as reading it back would parse it (`parsedRows`), so that the next
    /// read of it (the automatic transition tried after a command, the instance's next command, a
    /// list of a round's children) compares its text and parses nothing. Reading back a variable may
    /// differ from what the command held (a date comes back as text), so what is kept is what reading
    /// gives (`Value.readBack`), never the command's own record. A rolled-back write leaves an entry
    /// whose text no longer matches the row's: it is then parsed as before.
    private func rememberWritten(_ r: InstanceRecord, id: Int64, vars: String, forms: String) {
        guard vars.utf8.count <= JSONLimits.standard.maxBytes,
              let variables = Value.readBack(of: r.variables, limits: .standard) else {
            parsedRows.get(id)?.row = nil  // what is kept of it, if anything, is no longer the row
            return
        }
        assert(variables == Self.storedRecord(vars) && r.formHashes == Self.formHashes(forms),
               "the variables kept for instance #\(id) are not what reading its row back gives")
        let columns = ParsedInstanceColumns(
            formsText: forms, formHashes: r.formHashes, varsText: vars, variables: variables)
        parsedRows.set(id, columns, cost: forms.utf8.count + vars.utf8.count)
        var row = r
        row.id = id
        row.variables = variables
        row.formHashesSource = forms
        noteCurrent(row, columns: columns)
    }

    private func afterImage(of r: InstanceRecord, id: Int64, vars: String, forms: String) -> Hash256 {
        InstanceRecord.afterImage(id: id, workflowID: r.workflowID, workflowHash: r.workflowHash, formHashes: forms, org: r.org,
                                  owner: r.owner, parent: r.parent, state: r.state, stateSeq: r.stateSeq, enteredAt: r.enteredAt,
                                  vars: vars, createdAt: r.createdAt, updatedAt: r.updatedAt, in: scratch)
    }

    // MARK: Effects (append-only rows, hashed into the audit row)

    private func appendEffects(_ write: CommandWrite, instance: Int64, seq: Int64, at: Int64, into effects: inout RowDigester) throws {
        for s in write.submissions {
            let data = s.canonical?.json ?? Value.record(s.data).canonicalJSON
            let dataHash = s.canonical?.hash ?? Hash256.of(data)
            assert(s.canonical.map { $0.json == Value.record(s.data).canonicalJSON && $0.hash == Hash256.of($0.json) }
                   ?? true, "a submission's canonical JSON given with it is not that of its data")
            let latest = try db.prepare(static: "SELECT coalesce(max(version), 0) FROM submissions WHERE instance = ? AND form_id = ?")
                .first(.int(instance), .text(s.formID)) { $0.int(0) }
            let version = (latest ?? 0) + 1
            try db.prepare(static: """
                INSERT INTO submissions (instance, form_id, form_hash, actor, submitted_at, kind, version, reason, data, data_hash, audit_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run(.int(instance), .text(s.formID), .text(s.formHash), .text(s.actor), .int(at), .text(s.kind.rawValue),
                         .int(version), .optional(s.reason), .text(data), .digest(dataHash), .int(seq))
            effects.add(EffectRow.submission(id: db.lastInsertRowID, instance: instance, formID: s.formID, formHash: s.formHash,
                                             actor: s.actor, at: at, kind: s.kind.rawValue, version: version, reason: s.reason,
                                             dataHash: dataHash))
        }
        for d in write.decisions {
            let value = d.value.canonicalJSON
            try db.prepare(static: "INSERT INTO decisions (instance, name, value, reason, actor, at, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .run(.int(instance), .text(d.name), .text(value), .optional(d.reason), .text(d.actor), .int(at), .int(seq))
            effects.add(EffectRow.decision(id: db.lastInsertRowID, instance: instance, name: d.name, value: value, reason: d.reason,
                                           actor: d.actor, at: at))
        }
        if let c = write.confirmation {
            try db.prepare(static: "INSERT INTO confirmations (instance, state_seq, event, actor, at, audit_seq) VALUES (?, ?, ?, ?, ?, ?)")
                .run(.int(instance), .int(c.stateSeq), .text(c.event), .text(write.audit.actor), .int(at), .int(seq))
            effects.add(EffectRow.confirmation(id: db.lastInsertRowID, instance: instance, stateSeq: c.stateSeq, event: c.event,
                                               actor: write.audit.actor, at: at))
        }
        for claim in write.uniqueClaims {
            if let holder = try uniqueKeyHolder(scope: claim.scope, name: claim.name, valueHash: claim.valueHash) {
                throw StoreError.conflict("kunci unik '\(claim.name)' sudah dipakai instans #\(holder) (unique key already claimed)")
            }
            try db.prepare(static: "INSERT INTO unique_keys (scope, name, value_hash, instance, audit_seq) VALUES (?, ?, ?, ?, ?)")
                .run(.int(claim.scope), .text(claim.name), .digest(claim.valueHash), .int(instance), .int(seq))
            effects.add(EffectRow.uniqueKey(scope: claim.scope, name: claim.name, valueHash: claim.valueHash, instance: instance))
        }
    }
}
