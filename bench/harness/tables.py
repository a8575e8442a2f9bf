"""Proof of equal work: the `instances` and `audit_log` tables dumped in key order with every value's
type and bytes, and hashed. Two databases whose digests agree hold the same rows byte for byte, and
the same chain head (the last audit row's hash is part of the dump)."""
import hashlib
import sqlite3
import struct

TABLES = {"instances": "id", "audit_log": "seq"}


def _value(v):
    if v is None:
        return b"N"
    if isinstance(v, int):
        return b"I" + struct.pack(">q", v)
    if isinstance(v, float):
        return b"F" + struct.pack(">d", v)
    raw = v.encode("utf-8") if isinstance(v, str) else bytes(v)
    return (b"T" if isinstance(v, str) else b"B") + struct.pack(">I", len(raw)) + raw


def fingerprint(path):
    """{'instances': sha256 hex, 'audit_log': sha256 hex, 'head': hex of the last audit hash, 'rows': n}"""
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    out = {}
    for table, key in TABLES.items():
        digest = hashlib.sha256()
        rows = 0
        for row in con.execute("SELECT * FROM %s ORDER BY %s" % (table, key)):
            digest.update(b"".join(_value(v) for v in row))
            rows += 1
        out[table] = digest.hexdigest()
        out[table + "_rows"] = rows
    out["head"] = con.execute("SELECT hex(hash) FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0].lower()
    con.close()
    return out


def first_difference(path_a, path_b):
    """The first row that differs between two databases, for the failure message."""
    a = sqlite3.connect("file:%s?mode=ro" % path_a, uri=True)
    b = sqlite3.connect("file:%s?mode=ro" % path_b, uri=True)
    for table, key in TABLES.items():
        query = "SELECT * FROM %s ORDER BY %s" % (table, key)
        for row_a, row_b in zip(a.execute(query), b.execute(query)):
            if row_a != row_b:
                return "%s: %r\n   vs %r" % (table, row_a, row_b)
    return "row counts differ"


def checkpoint(path):
    """Folds the write-ahead log into the main file, so that copying the one file copies everything."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
