/// The schema, as an ordered list of migrations. `PRAGMA user_version` records how many have run;
/// a database whose version is higher than this build knows is refused untouched.
public enum Migrations {
    public static let all: [(name: String, sql: String)] = [
        ("v1: definitions, organisations, actors, instances, submissions, audit log", v1),
        ("v2: reference tables from seed/, decisions by instance", v2),
    ]

    public static var latest: Int { all.count }

    /// Brings `db` up to date, each migration in its own transaction.
    public static func migrate(_ db: Database) throws {
        let current = try version(of: db)
        if current > latest { throw StoreError.newerSchema(path: db.path, found: current, known: latest) }
        for (i, migration) in all.enumerated() where i >= current {
            try db.transaction {
                try db.execute(migration.sql)
                try db.execute("PRAGMA user_version = \(i + 1)")
            }
        }
    }

    public static func version(of db: Database) throws -> Int {
        Int(try db.prepare("PRAGMA user_version").first { $0.int(0) } ?? 0)
    }

    /// Refuses a database this build cannot read, or one not yet initialised.
    public static func requireCurrent(_ db: Database) throws {
        let v = try version(of: db)
        if v > latest { throw StoreError.newerSchema(path: db.path, found: v, known: latest) }
        if v < latest {
            if v == 0 { throw StoreError.notFound("\(db.path) belum diinisialisasi; jalankan `seleksi init --db \(db.path)` (not initialised; run seleksi init)") }
            try migrate(db)
        }
    }

    static let v2 = """
    CREATE INDEX decisions_by_instance ON decisions (instance, id);
    CREATE TABLE reference_rows (
        table_name TEXT NOT NULL,
        row_no INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (table_name, row_no)
    );
    """

    static let v1 = """
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
    CREATE TABLE organisations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL DEFAULT '',
        parent TEXT REFERENCES organisations(id)
    );
    CREATE TABLE actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        nip TEXT
    );
    CREATE TABLE actor_roles (
        actor TEXT NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL,
        org TEXT NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (actor, role, org)
    );
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
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        instance INTEGER NOT NULL REFERENCES instances(id),
        form_id TEXT NOT NULL,
        form_hash TEXT NOT NULL REFERENCES definitions(hash),
        actor TEXT NOT NULL,
        submitted_at INTEGER NOT NULL,
        data TEXT NOT NULL,
        data_hash TEXT NOT NULL
    );
    CREATE INDEX submissions_by_instance ON submissions (instance, form_id, id);
    CREATE TABLE confirmations (
        instance INTEGER NOT NULL REFERENCES instances(id),
        state_seq INTEGER NOT NULL,
        event TEXT NOT NULL,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (instance, state_seq, event, actor)
    );
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        instance INTEGER NOT NULL REFERENCES instances(id),
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        reason TEXT,
        actor TEXT NOT NULL,
        at INTEGER NOT NULL
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
        role TEXT,
        instance INTEGER,
        command TEXT NOT NULL,
        event TEXT,
        from_state TEXT,
        to_state TEXT,
        outcome TEXT NOT NULL,
        reason TEXT,
        data_hash TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    );
    CREATE INDEX audit_by_instance ON audit_log (instance, seq);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted'); END;
    """
}
