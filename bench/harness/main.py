"""The benchmark harness of issue 10, one command (scripts/bench.sh runs it after building):

    python3 bench/harness/main.py [--quick] [--only lifecycle,instructions,demo,cli,verify]

  lifecycle  the applicant lifecycle at equal work: Seleksi, the C floor (classic and lean), a bare Python loop and the Python
             peers (transitions, python-statemachine, SpiffWorkflow), tables proven identical after every run
  instructions  the same lifecycle, Seleksi and both C floors, counted in instructions by callgrind (valgrind):
             a ratio the shared host's noise does not move
  demo       `seleksi demo` for one UPT and for the whole country (--upt all), wall time and peak memory
  cli        CLI commands on the national database, each a whole process
  verify     `seleksi audit verify` of about a million rows

and writes bench/RESULTS.md. --quick is the CI size (a minute or two); the full run takes long. A run of
some parts only (--only) writes bench/.work/RESULTS-partial.md instead, so that it never replaces the
full run's table with a partial one (--results names another file).
"""
import argparse
import json
import os
import sys
import time
from types import SimpleNamespace

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import cli  # noqa: E402
import demo  # noqa: E402
import instructions  # noqa: E402
import lifecycle  # noqa: E402
import machine  # noqa: E402
import report  # noqa: E402

SIZES = {
    # lifecycle instances and rounds; demo (upt, applicants) in order; national database for the CLI;
    # CLI runs per command; audit rows for verify and its runs
    "quick": dict(instances=500, rounds=3, demos=[("upt-bp-kalimantan-selatan", 500), ("all", 600)],
                  cli_national=600, cli_runs=5, verify_rows=100_000, verify_runs=1),
    "full": dict(instances=5_000, rounds=5,
                 demos=[("upt-bp-kalimantan-selatan", 500), ("upt-bp-kalimantan-selatan", 5_000),
                        ("upt-bp-kalimantan-selatan", 20_000), ("all", 20_000), ("all", 200_000)],
                 cli_national=20_000, cli_runs=10, verify_rows=1_000_000, verify_runs=3),
}


def log(line):
    print(line, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--only", default="lifecycle,instructions,demo,cli,verify")
    parser.add_argument("--rounds", type=int, help="lifecycle rounds (default 3 quick, 5 full)")
    parser.add_argument("--instances", type=int, help="lifecycle instances (× 8 transitions)")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--demo-timeout", type=int, default=1800, help="seconds before a demo run is given up")
    parser.add_argument("--results", default=None, help="where to write the table (default bench/RESULTS.md)")
    args = parser.parse_args()
    mode = "quick" if args.quick else "full"
    size = SIZES[mode]
    parts = ["lifecycle", "instructions", "demo", "cli", "verify"]
    only = set(args.only.split(","))
    unknown = sorted(only - set(parts))
    if unknown:
        # A misspelt part would otherwise measure nothing and overwrite RESULTS.md with an empty table.
        parser.error("--only: unknown part %s; the parts are %s" % (", ".join(unknown), ",".join(parts)))
    root = os.path.dirname(os.path.dirname(HERE))
    build = os.environ.get("SELEKSI_BUILD", os.path.join(root, ".build", "release"))
    work = os.path.join(root, "bench", ".work")
    os.makedirs(work, exist_ok=True)
    paths = SimpleNamespace(
        root=root, seleksi=os.path.join(build, "seleksi"), bench=os.path.join(build, "seleksi-bench"),
        floor=os.path.join(work, "floor"), peers=os.path.join(root, "bench", "peers"),
        venv_python=os.path.join(root, "bench", ".venv", "bin", "python"))
    for p in (paths.seleksi, paths.bench, paths.floor, paths.venv_python):
        if not os.access(p, os.X_OK):
            sys.exit("bench: %s is missing; run scripts/bench.sh, which builds it" % p)

    started = time.time()
    about = machine.describe(paths.venv_python)  # before the run, so the load average is the machine's own
    life = demos = cli_results = verify_result = counted = None
    if "lifecycle" in only:
        instances = args.instances or size["instances"]
        rounds = args.rounds or size["rounds"]
        log("== lifecycle: %d instances × 8 transitions, batches of %d, %d rounds" % (instances, args.batch, rounds))
        life = lifecycle.measure(paths, work, instances, args.batch, rounds, log)
    if "instructions" in only:
        if instructions.available():
            log("== lifecycle in instructions (callgrind): %d and %d instances"
                % (instructions.SMALL, instructions.LARGE))
            counted = instructions.measure(paths, work, args.batch, log)
        else:
            log("== lifecycle in instructions: skipped, valgrind is not installed (apt-get install valgrind)")
    # verify and the CLI commands run before the largest demo: after a quarter of an hour of writing
    # 200,000 applicants the machine's page cache and clock are not those a user's command meets
    # (the commands measured 2-3x slower there).
    if "verify" in only:
        log("== audit verify of %d rows" % size["verify_rows"])
        verify_result = __import__("verify").measure(paths, work, size["verify_rows"], size["verify_runs"], log)
    national_db = None
    if "demo" in only or "cli" in only:
        demos = []
        log("== demo")
        for upt, n in size["demos"]:
            if "demo" not in only and not (upt == "all" and n == size["cli_national"]):
                continue
            keep = os.path.join(work, "national.sqlite") if upt == "all" and n == size["cli_national"] else None
            d = demo.run_demo(paths, work, n, upt, args.demo_timeout, keep_as=keep)
            log("  %-28s %7d applicants  %8.1f s  peak %5.0f MiB  exit %d" % (upt, n, d["wall"], d["peak_mib"], d["status"]))
            demos.append(d)
            if keep and d["status"] == 0 and "cli" in only:
                national_db = keep
                log("== cli on the national database (%d applicants)" % size["cli_national"])
                cli_results = cli.measure(paths, national_db, size["cli_runs"], log)
        if "demo" not in only:
            demos = []

    # The raw figures too, so that the table can be rewritten without measuring again.
    partial = only != set(parts)
    with open(os.path.join(work, "results-%s%s.json" % (mode, "-partial" if partial else "")), "w") as raw:
        json.dump({"machine": about, "lifecycle": life, "instructions": counted, "demos": demos, "cli": cli_results,
                   "verify": verify_result}, raw,
                  indent=1)
    results = args.results or (os.path.join(work, "RESULTS-partial.md") if partial
                               else os.path.join(root, "bench", "RESULTS.md"))
    command = "scripts/bench.sh" + (" --quick" if args.quick else "") + (" --only " + args.only if partial else "")
    report.write(results, about, mode, life, demos, cli_results, verify_result, command, counted)
    log("== wrote %s in %.0f s" % (results, time.time() - started))


if __name__ == "__main__":
    main()
