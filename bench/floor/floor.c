/* The floor of the lifecycle benchmark: the same statements, the same row bytes and the same SHA-256
 * chain as Seleksi, in C with libsqlite3 and OpenSSL's SHA-256, and nothing else: the state machine
 * is the one comparison and increment the bench workflow's guard and update amount to.
 *
 *   cc -O2 -o floor floor.c -lsqlite3 -lcrypto
 *   floor DB [--batch 1000] [--lean]   prints one JSON line, like every implementation
 *
 * --lean: the leaner work Seleksi does since it keeps the rows it holds the write lock over
 * (SQLiteStore.rowsEpoch): an instance row is read once, on its first transition, and its later
 * transitions take it from memory instead of SELECTing the row this program has just written.
 *
 * Row encoding as Sources/SeleksiStore/Encoding/RowEncoder.swift: a domain string, then per field a
 * tag byte (0 null, 1 int64 big-endian, 2 text with a 4-byte big-endian length, 3 blob likewise).
 */
#include <openssl/sha.h>
#include <pwd.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define STEPS 8

static const char *SELECT_INSTANCE =
    "SELECT id, workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, "
    "created_at, updated_at FROM instances WHERE id = ?";
static const char *UPDATE_MOVED =
    "UPDATE instances SET state = ?, state_seq = ?, entered_at = ?, vars = ?, updated_at = ? WHERE id = ?";
static const char *INSERT_AUDIT =
    "INSERT INTO audit_log (seq, at, actor, os_user, role, instance, subject, command, event, from_state, to_state, "
    "outcome, reason, data_hash, after_hash, signature, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char *AUDIT_HEAD = "SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1";
/* Before a process first changes an instance, Seleksi compares its row with the after-image the log last
   recorded (SQLiteStore+RowsMatchLog.swift): the same two reads and hash here, once per instance, and the
   same PRAGMA data_version when each batch begins. */
static const char *ROW_AS_STORED =
    "SELECT workflow_id, workflow_hash, form_hashes, org, owner, parent, state, state_seq, entered_at, vars, created_at, updated_at\n"
    "FROM instances WHERE id = ?";
static const char *LAST_IMAGE =
    "SELECT seq, after_hash FROM audit_log\n"
    "WHERE instance = ? AND subject IS NULL AND after_hash IS NOT NULL ORDER BY seq DESC LIMIT 1";

/* ---- the injective row encoding ---- */

typedef struct { unsigned char *bytes; size_t len, cap; } Enc;

static void put(Enc *e, const void *p, size_t n) {
    if (e->len + n > e->cap) {
        while (e->len + n > e->cap) e->cap = e->cap ? e->cap * 2 : 512;
        e->bytes = realloc(e->bytes, e->cap);
        if (!e->bytes) { perror("realloc"); exit(2); }
    }
    memcpy(e->bytes + e->len, p, n);
    e->len += n;
}
static void tagged(Enc *e, unsigned char tag, const void *p, size_t n) {
    unsigned char head[5] = {tag, (unsigned char)(n >> 24), (unsigned char)(n >> 16), (unsigned char)(n >> 8), (unsigned char)n};
    put(e, head, 5);
    put(e, p, n);
}
static void enc_null(Enc *e) { unsigned char z = 0; put(e, &z, 1); }
static void enc_int(Enc *e, int64_t v) {
    unsigned char b[9] = {1};
    for (int i = 0; i < 8; i++) b[1 + i] = (unsigned char)((uint64_t)v >> (56 - 8 * i));
    put(e, b, 9);
}
static void enc_text(Enc *e, const char *s) { if (s) tagged(e, 2, s, strlen(s)); else enc_null(e); }
static void enc_blob(Enc *e, const unsigned char *b, size_t n) { if (b) tagged(e, 3, b, n); else enc_null(e); }
static void enc_begin(Enc *e, const char *domain) { e->len = 0; enc_text(e, domain); }

/* ---- sqlite helpers ---- */

static sqlite3 *db;
static void check(int rc, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) {
        fprintf(stderr, "floor: %s: %s\n", what, sqlite3_errmsg(db));
        exit(2);
    }
}
static void exec(const char *sql) { check(sqlite3_exec(db, sql, NULL, NULL, NULL), sql); }
static sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *s;
    check(sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL), sql);
    return s;
}
static const char *col_text(sqlite3_stmt *s, int i) { return (const char *)sqlite3_column_text(s, i); }

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* An instance row as this program last read or wrote it (--lean). */
typedef struct { int known; char *cols[6]; int parent_null; int64_t parent, state_seq, created_at; char state[16], vars[64]; } Kept;

static void keep_row(Kept *k, sqlite3_stmt *sel) {
    for (int c = 1; c <= 5; c++) k->cols[c] = strdup(col_text(sel, c));
    k->parent_null = sqlite3_column_type(sel, 6) == SQLITE_NULL;
    k->parent = sqlite3_column_int64(sel, 6);
    snprintf(k->state, sizeof k->state, "%s", col_text(sel, 7));
    k->state_seq = sqlite3_column_int64(sel, 8);
    snprintf(k->vars, sizeof k->vars, "%s", col_text(sel, 10));
    k->created_at = sqlite3_column_int64(sel, 11);
    k->known = 1;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: floor DB [--batch N]\n"); return 64; }
    int batch = 1000, lean = 0;
    for (int i = 2; i + 1 < argc; i++) if (!strcmp(argv[i], "--batch")) batch = atoi(argv[i + 1]);
    for (int i = 2; i < argc; i++) if (!strcmp(argv[i], "--lean")) lean = 1;
    /* As Seleksi configures SQLite (Database.configureSQLite): memory statistics off, so that no
       global mutex is taken around each of SQLite's allocations. Not part of the work compared. */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    check(sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL), "open");
    sqlite3_busy_timeout(db, 5000);
    exec("PRAGMA foreign_keys = ON");
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
    struct passwd *pw = getpwuid(geteuid());
    const char *os_user = pw ? pw->pw_name : "unknown";

    /* The work, in the order every implementation uses: step by step, instances in id order. */
    sqlite3_stmt *list = prepare("SELECT id FROM instances WHERE workflow_id = 'bench_lifecycle' ORDER BY id");
    int64_t *ids = NULL;
    size_t n = 0, cap = 0;
    while (sqlite3_step(list) == SQLITE_ROW) {
        if (n == cap) ids = realloc(ids, (cap = cap ? cap * 2 : 1024) * sizeof *ids);
        ids[n++] = sqlite3_column_int64(list, 0);
    }
    sqlite3_finalize(list);
    size_t total = n * STEPS;
    Kept *kept = lean ? calloc(n, sizeof *kept) : NULL;

    sqlite3_stmt *sel = prepare(SELECT_INSTANCE), *upd = prepare(UPDATE_MOVED), *ins = prepare(INSERT_AUDIT),
                 *head = prepare(AUDIT_HEAD), *stored = prepare(ROW_AS_STORED), *last = prepare(LAST_IMAGE),
                 *version = prepare("PRAGMA data_version");
    Enc e = {0};
    unsigned char prev[32], after[32], hash[32];
    char from[16], expected[16], to[16], event[16], vars[64];
    double started = now_seconds();
    for (size_t chunk = 0; chunk < total; chunk += batch) {
        exec("BEGIN IMMEDIATE");
        check(sqlite3_step(version), "data_version");
        sqlite3_reset(version);
        check(sqlite3_step(head), "head");
        int64_t seq = sqlite3_column_int64(head, 0), now = sqlite3_column_int64(head, 2);
        memcpy(prev, sqlite3_column_blob(head, 1), 32);
        sqlite3_reset(head);
        for (size_t w = chunk; w < total && w < chunk + (size_t)batch; w++) {
            int step = (int)(w / n) + 1;
            int64_t id = ids[w % n];
            snprintf(event, sizeof event, "e%d", step);
            /* --lean: the row as last read or written, once it has been read. */
            Kept *k = kept ? &kept[w % n] : NULL;
            int stepped = !k || !k->known;
            if (stepped) {
                sqlite3_bind_int64(sel, 1, id);
                if (sqlite3_step(sel) != SQLITE_ROW) { fprintf(stderr, "floor: no instance #%lld\n", (long long)id); return 1; }
                if (k) keep_row(k, sel);
            }
#define ROW_TEXT(c) (k ? ((c) == 7 ? k->state : (c) == 10 ? k->vars : k->cols[c]) : col_text(sel, c))
#define ROW_INT(c) (k ? ((c) == 6 ? k->parent : (c) == 8 ? k->state_seq : k->created_at) : sqlite3_column_int64(sel, c))
#define ROW_PARENT_NULL (k ? k->parent_null : sqlite3_column_type(sel, 6) == SQLITE_NULL)
            /* The machine: the move exists from this state, and the guard vars.langkah = step - 1 holds. */
            int langkah = -1;
            snprintf(from, sizeof from, "%s", ROW_TEXT(7));
            snprintf(expected, sizeof expected, "s%d", step - 1);
            if (strcmp(from, expected) != 0 ||
                sscanf(ROW_TEXT(10), "{\"langkah\":%d}", &langkah) != 1 || langkah != step - 1) {
                fprintf(stderr, "floor: refused %s on #%lld in %s\n", event, (long long)id, from);
                return 1;
            }
            if (step == 1) {  /* the first change this process makes to the instance */
                unsigned char image[32];
                sqlite3_bind_int64(stored, 1, id);
                if (sqlite3_step(stored) != SQLITE_ROW) { fprintf(stderr, "floor: no instance #%lld\n", (long long)id); return 1; }
                enc_begin(&e, "instance/1");
                enc_int(&e, id);
                for (int c = 0; c <= 4; c++) enc_text(&e, col_text(stored, c));
                if (sqlite3_column_type(stored, 5) == SQLITE_NULL) enc_null(&e); else enc_int(&e, sqlite3_column_int64(stored, 5));
                enc_text(&e, col_text(stored, 6));
                enc_int(&e, sqlite3_column_int64(stored, 7));
                enc_int(&e, sqlite3_column_int64(stored, 8));
                enc_text(&e, col_text(stored, 9));
                enc_int(&e, sqlite3_column_int64(stored, 10));
                enc_int(&e, sqlite3_column_int64(stored, 11));
                SHA256(e.bytes, e.len, image);
                sqlite3_reset(stored);
                sqlite3_bind_int64(last, 1, id);
                if (sqlite3_step(last) != SQLITE_ROW || sqlite3_column_bytes(last, 1) != 32 ||
                    memcmp(sqlite3_column_blob(last, 1), image, 32) != 0) {
                    fprintf(stderr, "floor: instance #%lld differs from its last audit row\n", (long long)id);
                    return 1;
                }
                sqlite3_reset(last);
            }
            snprintf(to, sizeof to, "s%d", step);
            snprintf(vars, sizeof vars, "{\"langkah\":%d}", langkah + 1);
            int64_t state_seq = ROW_INT(8) + 1;
            /* The after-image of the row as it will be stored. */
            enc_begin(&e, "instance/1");
            enc_int(&e, id);
            for (int c = 1; c <= 5; c++) enc_text(&e, ROW_TEXT(c));
            if (ROW_PARENT_NULL) enc_null(&e); else enc_int(&e, ROW_INT(6));
            enc_text(&e, to);
            enc_int(&e, state_seq);
            enc_int(&e, now);
            enc_text(&e, vars);
            enc_int(&e, ROW_INT(11));
            enc_int(&e, now);
            SHA256(e.bytes, e.len, after);
            if (stepped) sqlite3_reset(sel);
            if (k) {  /* the row as this program is about to write it */
                snprintf(k->state, sizeof k->state, "%s", to);
                k->state_seq = state_seq;
                snprintf(k->vars, sizeof k->vars, "%s", vars);
            }

            sqlite3_bind_text(upd, 1, to, -1, SQLITE_STATIC);
            sqlite3_bind_int64(upd, 2, state_seq);
            sqlite3_bind_int64(upd, 3, now);
            sqlite3_bind_text(upd, 4, vars, -1, SQLITE_STATIC);
            sqlite3_bind_int64(upd, 5, now);
            sqlite3_bind_int64(upd, 6, id);
            check(sqlite3_step(upd), "update");
            sqlite3_reset(upd);

            seq++;
            enc_begin(&e, "audit/1");
            enc_int(&e, seq);
            enc_int(&e, now);
            enc_text(&e, "op");
            enc_text(&e, os_user);
            enc_text(&e, "operator");
            enc_int(&e, id);
            enc_null(&e);                 /* subject */
            enc_text(&e, "fire");
            enc_text(&e, event);
            enc_text(&e, from);
            enc_text(&e, to);
            enc_text(&e, "accepted");
            enc_null(&e);                 /* reason */
            enc_null(&e);                 /* data_hash: a fire with no forms writes no effect rows */
            enc_blob(&e, after, 32);
            enc_blob(&e, prev, 32);
            enc_null(&e);                 /* signature */
            SHA256(e.bytes, e.len, hash);

            sqlite3_bind_int64(ins, 1, seq);
            sqlite3_bind_int64(ins, 2, now);
            sqlite3_bind_text(ins, 3, "op", -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 4, os_user, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 5, "operator", -1, SQLITE_STATIC);
            sqlite3_bind_int64(ins, 6, id);
            sqlite3_bind_null(ins, 7);
            sqlite3_bind_text(ins, 8, "fire", -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 9, event, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 10, from, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 11, to, -1, SQLITE_STATIC);
            sqlite3_bind_text(ins, 12, "accepted", -1, SQLITE_STATIC);
            sqlite3_bind_null(ins, 13);
            sqlite3_bind_null(ins, 14);
            sqlite3_bind_blob(ins, 15, after, 32, SQLITE_STATIC);
            sqlite3_bind_null(ins, 16);
            sqlite3_bind_blob(ins, 17, prev, 32, SQLITE_STATIC);
            sqlite3_bind_blob(ins, 18, hash, 32, SQLITE_STATIC);
            check(sqlite3_step(ins), "insert");
            sqlite3_reset(ins);
            memcpy(prev, hash, 32);
        }
        exec("COMMIT");
    }
    double elapsed = now_seconds() - started;
    printf("{\"impl\": \"%s\", \"transitions\": %zu, \"refused\": 0, \"seconds\": %.6f}\n", lean ? "c-floor-lean" : "c-floor", total, elapsed);
    sqlite3_finalize(sel); sqlite3_finalize(upd); sqlite3_finalize(ins); sqlite3_finalize(head);
    sqlite3_finalize(stored); sqlite3_finalize(last); sqlite3_finalize(version);
    sqlite3_close(db);
    if (kept) for (size_t i = 0; i < n; i++) for (int c = 1; c <= 5; c++) free(kept[i].cols[c]);
    free(kept); free(e.bytes); free(ids);
    return 0;
}
