#!/usr/bin/env python3
"""Where a demo's memory goes: runs `seleksi demo … --json`, samples the process's resident memory ten
times a second, and prints the highest figure within each of the demo's phases (their durations come
from the demo's own JSON summary). This is how the peak of a national season was traced to a round's
ranking and report (not to `audit verify`, as first assumed).

    python3 bench/harness/phase_memory.py .build/release/seleksi demo --upt upt-bp-kalimantan-selatan \\
        --applicants 20000 --db /tmp/d.sqlite --out /tmp/d-out --replace --json
"""
import json
import subprocess
import sys
import time


def main(argv):
    if "--json" not in argv:
        sys.exit("phase_memory: give the demo --json (its phases are read from its summary)")
    started = time.monotonic()
    demo = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    samples = []
    while demo.poll() is None:
        try:
            with open("/proc/%d/status" % demo.pid) as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        samples.append((time.monotonic() - started, int(line.split()[1]) // 1024))
        except OSError:
            pass
        time.sleep(0.1)
    if demo.returncode != 0 or not samples:
        sys.exit("phase_memory: the demo exited %d" % demo.returncode)
    summary = json.loads(demo.stdout.read())
    peak = max(samples, key=lambda s: s[1])
    print("peak %d MiB at %.1f s of %.1f s" % (peak[1], peak[0], samples[-1][0]))
    start = 0.0
    # The summary's last phase is the total; what follows the named phases (the report, the check) is "the end".
    for phase in summary["phases"][:-1]:
        end = start + phase["seconds"]
        inside = [mib for at, mib in samples if start <= at < end]
        print("%7.1f – %7.1f s  %5d MiB  %s" % (start, end, max(inside or [0]), phase["name"]))
        start = end
    after = [mib for at, mib in samples if at >= start]
    print("%7.1f – %7.1f s  %5d MiB  (the end: report, counts, audit verify)" % (start, samples[-1][0], max(after or [0])))


if __name__ == "__main__":
    main(sys.argv[1:])
