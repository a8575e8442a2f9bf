"""CLI commands on the national database, each as a whole process, several runs after a warm-up."""
import sqlite3

import processes


def pick(db):
    """A round, and an applicant from the middle of the national run."""
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    round_id = con.execute("SELECT id FROM instances WHERE workflow_id = 'tb_putaran' ORDER BY id LIMIT 1").fetchone()[0]
    count = con.execute("SELECT count(*) FROM instances WHERE workflow_id = 'tb_pelamar'").fetchone()[0]
    applicant, owner = con.execute("SELECT id, owner FROM instances WHERE workflow_id = 'tb_pelamar' ORDER BY id "
                                   "LIMIT 1 OFFSET ?", (count // 2,)).fetchone()
    con.close()
    return round_id, applicant, owner


def commands(db):
    round_id, applicant, owner = pick(db)
    d = ["--db", db]
    return [
        ("--version", ["--version"], 0),
        ("show %d" % applicant, ["show", str(applicant)] + d, 0),
        ("list --parent %d" % round_id, ["list", "--parent", str(round_id)] + d, 0),
        ("history %d" % applicant, ["history", str(applicant)] + d, 0),
        # The applicant applied long ago: `ajukan` again is refused (exit 1), and audited.
        ("fire %d ajukan (refused)" % applicant, ["fire", str(applicant), "ajukan", "--as", owner] + d, 1),
        ("report %d" % round_id, ["report", str(round_id)] + d, 0),
        ("audit verify", ["audit", "verify"] + d, 0),
    ]


def measure(paths, db, runs, log):
    results = []
    processes.settle()
    for label, args, expected in commands(db):
        argv = [paths.seleksi] + args
        processes.run(argv, quiet=True)  # warm-up: the file in the page cache, as for a user's second command
        walls, peaks = [], []
        for _ in range(runs):
            r = processes.run(argv, quiet=True)
            if r.status != expected:
                raise SystemExit("cli: `seleksi %s` exited %d, expected %d" % (" ".join(args), r.status, expected))
            walls.append(r.wall * 1000)
            peaks.append(r.peak_mib)
        median, low, high = processes.spread(walls)
        results.append({"command": label, "median_ms": median, "min_ms": low, "max_ms": high, "peak_mib": max(peaks),
                        "runs": runs})
        log("  %-32s median %8.1f ms  (%.1f–%.1f)  peak %.0f MiB" % (label, median, low, high, max(peaks)))
    return results
