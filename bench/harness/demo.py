"""`seleksi demo` as a whole process at several sizes: wall time and peak memory (documents included)."""
import glob
import json
import os
import shutil

import processes


def run_demo(paths, work, applicants, upt, timeout, keep_as=None):
    name = "demo-%s-%d" % ("national" if upt == "all" else "upt", applicants)
    db = keep_as or os.path.join(work, name + ".sqlite")
    out = os.path.join(work, name + "-out")
    shutil.rmtree(out, ignore_errors=True)
    argv = [paths.seleksi, "demo", "--db", db, "--out", out, "--applicants", str(applicants), "--upt", upt,
            "--root", paths.root, "--replace", "--json"]
    processes.settle()
    r = processes.run(argv, capture=os.path.join(work, name + ".json"), timeout=timeout)
    result = {"applicants": applicants, "upt": upt, "wall": r.wall, "peak_mib": r.peak_mib, "status": r.status}
    if r.status == 0:
        try:
            summary = json.loads(r.output)
            result["audit_rows"] = summary.get("audit_rows")
            result["rounds"] = summary.get("rounds", 1)
        except ValueError:
            pass
    if not keep_as:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
    shutil.rmtree(out, ignore_errors=True)
    # A demo ended by the time limit leaves its half-built database (`DB.building-PID`) behind.
    for left in glob.glob(db + ".building-*"):
        os.remove(left)
    return result
