"""The applicant lifecycle counted in instructions, for Seleksi and for the C floor (both variants): a ratio that the
host's noise does not move (on this shared machine the floor's own rate varied 55,000-103,000/s within
one run, and with it the timed ratio).

Each implementation runs the lifecycle twice under callgrind, from databases of SMALL and of LARGE
instances prepared by Seleksi; the difference between the two counts, divided by the difference in
transitions, is what one more transition costs, with start-up, definition loading and statement
preparation cancelled out for both alike. Instructions are not time (a cache miss costs more than an
add), but SQLite's share and the hash are the same work in both, so the ratio tracks the timed one.
"""
import os
import re
import shutil
import subprocess

import lifecycle

SMALL, LARGE = 100, 500


def available():
    return shutil.which("valgrind") is not None


def _count(argv, work):
    """Instructions executed by the whole process, as callgrind counts them."""
    out = os.path.join(work, "callgrind.out")
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode != 0 or not found:
        raise SystemExit("instructions: callgrind failed on %s (exit %d):\n%s"
                         % (argv[0], r.returncode, r.stderr[-800:]))
    os.remove(out)
    return int(found.group(1))


def measure(paths, work, batch, log):
    # valgrind cannot read the DWARF of a Swift release binary; a copy without it keeps the symbols.
    bench = os.path.join(work, "seleksi-bench.nodebug")
    subprocess.run(["strip", "-g", "-o", bench, paths.bench], check=True)
    implementations = [
        ("seleksi", lambda db: [bench, "--lifecycle", db, "--batch", str(batch)]),
        ("c-floor", lambda db: [paths.floor, db, "--batch", str(batch)]),
        ("c-floor-lean", lambda db: [paths.floor, db, "--batch", str(batch), "--lean"]),
    ]
    counts = {name: {} for name, _ in implementations}
    for instances in (SMALL, LARGE):
        prepared = lifecycle.prepare(paths, work, instances)
        for name, argv_for in implementations:
            db = os.path.join(work, "instructions-%s.sqlite" % name)
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            shutil.copyfile(prepared, db)
            counts[name][instances] = _count(argv_for(db), work)
            log("  %-8s %4d instances: %s instructions" % (name, instances, "{:,}".format(counts[name][instances])))
    extra = 8 * (LARGE - SMALL)
    per = {name: (c[LARGE] - c[SMALL]) / extra for name, c in counts.items()}
    log("  per transition: Seleksi %s, C floor %s (lean %s): %.2f× the lean floor's rate, %.2f× the floor's" %
        ("{:,.0f}".format(per["seleksi"]), "{:,.0f}".format(per["c-floor"]), "{:,.0f}".format(per["c-floor-lean"]),
         per["c-floor-lean"] / per["seleksi"], per["c-floor"] / per["seleksi"]))
    # Equal work is the lean floor's: Seleksi no longer reads back the rows it has just written.
    return {"small": SMALL, "large": LARGE, "counts": counts, "per_transition": per,
            "ratio": per["c-floor-lean"] / per["seleksi"], "ratio_classic": per["c-floor"] / per["seleksi"]}
