"""The loop every Python peer shares: read the instance row, let the peer's state machine decide the
event (it refuses a wrong state or a failed guard, and updates the variables), then write the same
UPDATE and audit row as Seleksi, chained with SHA-256, in batches of BATCH per transaction.

A peer supplies `fire(instance_id, state, variables, event) -> new_state` and raises `Refused`.
Only the firing loop is timed, as in Seleksi's own run (seleksi-bench --lifecycle).
"""
import argparse
import json
import os
import pwd
import sqlite3
import sys
import time

from seleksi_rows import (AUDIT_HEAD, DATA_VERSION, INSERT_AUDIT, LAST_IMAGE, ROW_AS_STORED, SELECT_INSTANCE, UPDATE_MOVED,
                          after_image, audit_hash, canonical_json)

STEPS = 8
ACTOR = "op"
ROLE = "operator"


class Refused(Exception):
    pass


def connect(path):
    """The connection as Seleksi opens it: WAL, synchronous=NORMAL, foreign keys on; transactions by hand."""
    con = sqlite3.connect(path, isolation_level=None, cached_statements=16)
    con.execute("PRAGMA busy_timeout = 5000")
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    return con


def requests(con):
    """Step by step, each step over every instance in id order: the order every implementation uses."""
    ids = [r[0] for r in con.execute("SELECT id FROM instances WHERE workflow_id = 'bench_lifecycle' ORDER BY id")]
    return [(i, "e%d" % step) for step in range(1, STEPS + 1) for i in ids]


def run(name, fire):
    parser = argparse.ArgumentParser(description="lifecycle peer: " + name)
    parser.add_argument("db")
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args()
    con = connect(args.db)
    work = requests(con)
    # Seleksi records the operating-system account that ran each command.
    os_user = pwd.getpwuid(os.geteuid()).pw_name
    execute = con.execute
    started = time.perf_counter()
    checked = set()
    for chunk in range(0, len(work), args.batch):
        execute("BEGIN IMMEDIATE")
        execute(DATA_VERSION).fetchone()
        seq, prev, now = execute(AUDIT_HEAD).fetchone()
        for instance, event in work[chunk:chunk + args.batch]:
            if instance not in checked:  # the first change this process makes to the instance
                stored = execute(ROW_AS_STORED, (instance,)).fetchone()
                last = execute(LAST_IMAGE, (instance,)).fetchone()
                if last is None or last[1] != after_image((instance,) + tuple(stored)):
                    raise Refused("instance #%d differs from its last audit row" % instance)
                checked.add(instance)
            row = execute(SELECT_INSTANCE, (instance,)).fetchone()
            state, state_seq = row[7], row[8]
            variables = json.loads(row[10])
            to = fire(instance, state, variables, event)
            vars_text = canonical_json(variables)
            execute(UPDATE_MOVED, (to, state_seq + 1, now, vars_text, now, instance))
            after = after_image((row[0], row[1], row[2], row[3], row[4], row[5], row[6], to, state_seq + 1, now,
                                 vars_text, row[11], now))
            seq += 1
            digest = audit_hash(seq, now, ACTOR, os_user, ROLE, instance, None, "fire", event, state, to, "accepted",
                                None, None, after, prev)
            execute(INSERT_AUDIT, (seq, now, ACTOR, os_user, ROLE, instance, None, "fire", event, state, to, "accepted",
                                   None, None, after, None, prev, digest))
            prev = digest
        execute("COMMIT")
    elapsed = time.perf_counter() - started
    print(json.dumps({"impl": name, "transitions": len(work), "refused": 0, "seconds": elapsed}))


def main(name, fire):
    try:
        run(name, fire)
    except Refused as refusal:
        print("%s: refused: %s" % (name, refusal), file=sys.stderr)
        sys.exit(1)
