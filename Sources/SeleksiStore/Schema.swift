/// The schema, as an ordered list of migrations. `PRAGMA user_version` records how many have run and
/// `PRAGMA application_id` marks the file as Seleksi's, so `init` never adds tables to another
/// application's database, and a database made by a newer Seleksi is refused untouched.
public enum Schema {
    /// 'SELK' — what `file(1)` and `init` look at.
    public static let applicationID: Int32 = 0x5345_4C4B

    public static let migrations: [(name: String, sql: String)] = [
        ("v1: definitions, directory, instances, submissions, decisions, timers, audit log", v1),
    ]

    public static var latest: Int { migrations.count }

    static let v1 = """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE definitions (
        hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('form', 'workflow')),
        def_id TEXT NOT NULL,
        version TEXT NOT NULL,
        file TEXT NOT NULL,
        source BLOB NOT NULL,
        loaded_at INTEGER NOT NULL
    );
    CREATE TABLE current_definitions (
        kind TEXT NOT NULL,
        def_id TEXT NOT NULL,
        hash TEXT NOT NULL REFERENCES definitions(hash),
        PRIMARY KEY (kind, def_id)
    );
    CREATE TABLE reference_rows (
        table_name TEXT NOT NULL,
        row_no INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (table_name, row_no)
    );
    CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        parent TEXT REFERENCES organisations(id)
    );
    CREATE TABLE actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        nip TEXT,
        os_user TEXT
    );
    CREATE INDEX actors_by_os_user ON actors (os_user) WHERE os_user IS NOT NULL;
    CREATE TABLE actor_keys (
        id INTEGER PRIMARY KEY,
        actor TEXT NOT NULL REFERENCES actors(id),
        public_key BLOB NOT NULL,
        added_at INTEGER NOT NULL
    );
    CREATE TABLE grants (
        actor TEXT NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL,
        org TEXT NOT NULL REFERENCES organisations(id),
        granted_at INTEGER NOT NULL,
        until_at INTEGER,
        until_instance INTEGER,
        revoked_at INTEGER,
        PRIMARY KEY (actor, role, org)
    );
    CREATE INDEX grants_by_org ON grants (org, role);
    CREATE TABLE instances (
        id INTEGER PRIMARY KEY,
        workflow_id TEXT NOT NULL,
        workflow_hash TEXT NOT NULL REFERENCES definitions(hash),
        form_hashes TEXT NOT NULL,
        org TEXT NOT NULL REFERENCES organisations(id),
        owner TEXT NOT NULL,
        parent INTEGER REFERENCES instances(id),
        state TEXT NOT NULL,
        state_seq INTEGER NOT NULL DEFAULT 1,
        entered_at INTEGER NOT NULL,
        vars TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    );
    CREATE INDEX instances_by_state ON instances (workflow_id, state);
    CREATE INDEX instances_by_parent ON instances (parent) WHERE parent IS NOT NULL;
    CREATE INDEX instances_by_owner ON instances (owner);
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        instance INTEGER NOT NULL REFERENCES instances(id),
        form_id TEXT NOT NULL,
        form_hash TEXT NOT NULL REFERENCES definitions(hash),
        actor TEXT NOT NULL,
        submitted_at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('submit', 'correct', 'withdraw')),
        version INTEGER NOT NULL,
        reason TEXT,
        data TEXT NOT NULL,
        data_hash BLOB NOT NULL,
        erased_by INTEGER,
        audit_seq INTEGER NOT NULL
    );
    CREATE INDEX submissions_by_instance ON submissions (instance, form_id, id);
    CREATE TABLE blobs (
        hash BLOB PRIMARY KEY,
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL
    );
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        instance INTEGER NOT NULL REFERENCES instances(id),
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        reason TEXT,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL,
        audit_seq INTEGER NOT NULL
    );
    CREATE INDEX decisions_by_instance ON decisions (instance, id);
    CREATE TABLE confirmations (
        id INTEGER PRIMARY KEY,
        instance INTEGER NOT NULL REFERENCES instances(id),
        state_seq INTEGER NOT NULL,
        event TEXT NOT NULL,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL,
        audit_seq INTEGER NOT NULL,
        UNIQUE (instance, state_seq, event, actor)
    );
    CREATE TABLE unique_keys (
        scope INTEGER NOT NULL,
        name TEXT NOT NULL,
        value_hash BLOB NOT NULL,
        instance INTEGER NOT NULL REFERENCES instances(id),
        audit_seq INTEGER NOT NULL,
        PRIMARY KEY (scope, name, value_hash)
    );
    CREATE TABLE timers (
        instance INTEGER NOT NULL REFERENCES instances(id),
        state_seq INTEGER NOT NULL,
        event TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        PRIMARY KEY (instance, state_seq, event)
    );
    CREATE INDEX timers_by_due ON timers (due_at);
    CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        os_user TEXT,
        role TEXT,
        instance INTEGER,
        subject TEXT,
        command TEXT NOT NULL,
        event TEXT,
        from_state TEXT,
        to_state TEXT,
        outcome TEXT NOT NULL,
        reason TEXT,
        data_hash BLOB,
        after_hash BLOB,
        signature BLOB,
        prev_hash BLOB NOT NULL,
        hash BLOB NOT NULL
    );
    CREATE INDEX audit_by_instance ON audit_log (instance, seq) WHERE instance IS NOT NULL;
    CREATE INDEX audit_by_subject ON audit_log (subject, seq) WHERE subject IS NOT NULL;
    \(triggers)
    """

    /// The append-only guard. `audit verify` checks that these exact triggers are present.
    public static let triggers = """
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted'); END;
    """

    public static let triggerNames = ["audit_log_no_update", "audit_log_no_delete"]

    /// Brings a Seleksi database (or a new, empty file) up to date, each migration in its own transaction.
    static func migrate(_ db: Database) throws {
        let current = try version(of: db)
        if current > latest { throw StoreError.newerSchema(path: db.path, found: current, known: latest) }
        if current == 0 { try requireEmpty(db) }
        for (i, migration) in migrations.enumerated() where i >= current {
            try db.transaction {
                try db.execute(migration.sql)
                try db.execute("PRAGMA user_version = \(i + 1)")
                try db.execute("PRAGMA application_id = \(applicationID)")
            }
        }
    }

    static func version(of db: Database) throws -> Int {
        Int(try db.prepare("PRAGMA user_version").first { $0.int(0) } ?? 0)
    }

    static func applicationID(of db: Database) throws -> Int32 {
        Int32(truncatingIfNeeded: try db.prepare("PRAGMA application_id").first { $0.int(0) } ?? 0)
    }

    /// Refuses a file that is another application's database (or an earlier development schema).
    static func requireOurs(_ db: Database) throws {
        let id = try applicationID(of: db)
        if id != applicationID {
            throw StoreError.foreignDatabase(path: db.path, applicationID: id)
        }
    }

    /// Before anything is written: a file that is new, or already Seleksi's.
    static func requireOursOrEmpty(_ db: Database) throws {
        if try version(of: db) == 0 { try requireEmpty(db) } else { try requireOurs(db) }
    }

    /// A file with no schema version must also hold no tables before Seleksi writes its own.
    private static func requireEmpty(_ db: Database) throws {
        let tables = try db.prepare("SELECT count(*) FROM sqlite_master").first { $0.int(0) } ?? 0
        let id = try applicationID(of: db)
        if tables > 0 || (id != 0 && id != applicationID) {
            throw StoreError.foreignDatabase(path: db.path, applicationID: id)
        }
    }

    /// Refuses a database this build cannot read, or one not yet initialised.
    static func requireCurrent(_ db: Database) throws {
        let v = try version(of: db)
        if v == 0 {
            let tables = try db.prepare("SELECT count(*) FROM sqlite_master").first { $0.int(0) } ?? 0
            if tables > 0 { throw StoreError.foreignDatabase(path: db.path, applicationID: try applicationID(of: db)) }
            throw StoreError.notInitialised(db.path)
        }
        try requireOurs(db)
        if v > latest { throw StoreError.newerSchema(path: db.path, found: v, known: latest) }
        if v < latest { try migrate(db) }
    }
}
