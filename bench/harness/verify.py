"""`seleksi audit verify` of about a million audit rows. The database is built fast: Seleksi starts
the instances (one `start` row each), then the C floor, whose rows are proven equal to Seleksi's in
the lifecycle part, fires the 8 steps on every one; verify then checks every row as Seleksi's own."""
import os
import sys

import processes
import tables


def build(paths, work, rows):
    db = os.path.join(work, "verify-%d.sqlite" % rows)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    instances = max(1, rows // 9)
    for argv in ([paths.bench, "--prepare", db, "--instances", str(instances)], [paths.floor, db]):
        r = processes.run(argv, quiet=True)
        if r.status != 0:
            sys.exit("verify: building the database failed: %s (exit %d)" % (" ".join(argv), r.status))
    tables.checkpoint(db)
    processes.settle()
    return db


def measure(paths, work, rows, runs, log):
    db = build(paths, work, rows)
    count = tables.fingerprint(db)["audit_log_rows"]
    walls, peaks = [], []
    for _ in range(runs):
        r = processes.run([paths.seleksi, "audit", "verify", "--db", db], timeout=3600, quiet=True)
        if r.status != 0:
            sys.exit("verify: seleksi audit verify failed (exit %d)" % r.status)
        walls.append(r.wall)
        peaks.append(r.peak_mib)
    median, low, high = processes.spread(walls)
    log("  audit verify of %d rows: median %.2f s (%.2f–%.2f), peak %.0f MiB" % (count, median, low, high, max(peaks)))
    os.remove(db)
    return {"rows": count, "median_s": median, "min_s": low, "max_s": high, "peak_mib": max(peaks), "runs": runs}
