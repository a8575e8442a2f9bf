"""bench/RESULTS.md: the machine, every figure beside its target from issue 10, and how it was measured."""
import statistics

MIB = "MiB"


def _fmt_rate(x):
    return "{:,.0f}".format(x)


def _status(ok):
    return "met" if ok else "**missed**"


def lifecycle_rows(life):
    rates = life["rates"]
    med = {k: statistics.median(v) for k, v in rates.items()}
    # The floor of equal work is the lean one (the same statements but the re-read of a row just written,
    # which Seleksi no longer does); a run of an older harness has only the classic floor.
    floor, seleksi = med.get("c-floor-lean", med["c-floor"]), med["seleksi"]
    lines = ["| implementation | transitions/s, median | min – max | × C floor (lean) | Seleksi ÷ it |",
             "|---|---:|---:|---:|---:|"]
    for name, values in sorted(rates.items(), key=lambda kv: -med[kv[0]]):
        lines.append("| %s | %s | %s – %s | %.2f | %.2f |" % (name, _fmt_rate(med[name]), _fmt_rate(min(values)),
                                                               _fmt_rate(max(values)), med[name] / floor,
                                                               seleksi / med[name]))
    return lines, seleksi / floor, seleksi / med["c-floor"]


def write(path, machine, mode, life, demos, cli, verify, command, counted=None):
    out = ["# Benchmark results", "",
           "Written by `%s` (%s run) on %s. Regenerate with the same command; nothing here is asserted by a test." %
           (command, "partial" if "--only" in command else mode, machine["date"]), "",
           "| machine | |", "|---|---|"]
    for key in ("cores", "cpu", "memory", "os", "swift", "sqlite", "python", "cc", "openssl", "load"):
        out.append("| %s | %s |" % (key, machine[key]))
    try:
        busy = float(machine["load"].split()[0]) > machine["cores"]
    except (ValueError, IndexError, TypeError):
        busy = False
    if busy:
        out += ["", "The load average was above the number of cores when the run began: other work shared the machine, "
                "so absolute figures are inflated and noisy; the lifecycle's ratios, from interleaved runs, less so."]
    out += ["", "## Targets (issue 10)", "", "| what | target | measured | |", "|---|---|---|---|"]
    targets = []
    full = mode == "full"

    def judged(ok):
        # The targets are for the full sizes; a quick run shows its figures without judging them.
        return _status(ok) if full else "– (quick size)"

    national = {d["applicants"]: d for d in demos or [] if d["upt"] == "all"}
    for n, d in sorted(national.items()):
        label = "national demo, %s applicants" % "{:,}".format(n)
        if d["status"] != 0:
            what = ("did not finish within %.0f s (ended by the harness), peak %.0f %s by then" % (d["wall"], d["peak_mib"], MIB)
                    if d["status"] == -9 else "failed: exit %d after %.0f s" % (d["status"], d["wall"]))
            targets.append((label, "< 10.5× the 20,000 run, < 300 %s" % MIB, what, _status(False)))
            continue
        if n != 200000:
            targets.append((label + ": wall", "< 10 s (20,000)", "%.1f s" % d["wall"], judged(d["wall"] < 10)))
        base = national.get(20000)
        if n == 200000 and base and base["status"] == 0:
            ratio = d["wall"] / base["wall"]
            targets.append((label + ": wall ÷ the 20,000 run's", "≤ 10.5×", "%.1f× (%.1f s)" % (ratio, d["wall"]),
                            _status(ratio <= 10.5)))
        targets.append((label + ": peak memory", "< 300 %s" % MIB, "%.0f %s" % (d["peak_mib"], MIB),
                        judged(d["peak_mib"] < 300)))
    if verify:
        label = "`audit verify`, %s rows" % "{:,}".format(verify["rows"])
        targets.append((label + ": wall", "< 1.2 s (1,000,000 rows)", "%.2f s" % verify["median_s"],
                        judged(verify["median_s"] < 1.2)))
        targets.append((label + ": peak memory", "< 50 %s" % MIB, "%.0f %s" % (verify["peak_mib"], MIB),
                        judged(verify["peak_mib"] < 50)))
    for c in cli or []:
        name = c["command"].split()[0]
        limit = {"show": 15, "list": 15, "history": 15, "fire": 15, "report": 150}.get(name)
        if limit:
            targets.append(("`seleksi %s` on the national database" % c["command"], "< %d ms" % limit,
                            "%.1f ms" % c["median_ms"], judged(c["median_ms"] < limit)))
    if life:
        _, ratio, classic = lifecycle_rows(life)
        targets.append(("applicant lifecycle, Seleksi ÷ C floor of equal work (lean)", "≥ 0.9×",
                        "%.2f× (%.2f× the classic floor, which also re-reads each row)" % (ratio, classic),
                        _status(ratio >= 0.9)))
    if counted:
        per = counted["per_transition"]
        targets.append(("applicant lifecycle in instructions per transition, C floor (lean) ÷ Seleksi (callgrind)",
                        "≥ 0.9×",
                        "%.2f× (%s vs %s; classic floor %s)" % (
                            counted["ratio"], "{:,.0f}".format(per.get("c-floor-lean", per["c-floor"])),
                            "{:,.0f}".format(per["seleksi"]), "{:,.0f}".format(per["c-floor"])),
                        _status(counted["ratio"] >= 0.9)))
    out += ["| %s | %s | %s | %s |" % t for t in targets]

    if life:
        rows, _, _ = lifecycle_rows(life)
        out += ["", "## Applicant lifecycle at equal work", "",
                "%s instances × 8 transitions = %s transitions, batches of %d per transaction (WAL, "
                "`synchronous=NORMAL`), creation excluded for all (every run starts from a copy of one database "
                "prepared by Seleksi); %d rounds, the order rotating each round." %
                ("{:,}".format(life["instances"]), "{:,}".format(life["transitions"]), life["batch"], life["rounds"]),
                ""] + rows + ["",
                "Equal work, proven after every run: `instances` %s rows and `audit_log` %s rows identical to "
                "Seleksi's byte for byte (SHA-256 of the ordered dumps `%s…` and `%s…`), chain head `%s…`; "
                "`seleksi audit verify` accepted the databases written by %s." %
                ("{:,}".format(life["fingerprint"]["instances_rows"]), "{:,}".format(life["fingerprint"]["audit_log_rows"]),
                 life["fingerprint"]["instances"][:12], life["fingerprint"]["audit_log"][:12],
                 life["fingerprint"]["head"][:16], ", ".join(life["verified_by_seleksi"]))]
    if counted:
        c = counted["counts"]
        out += ["", "## The lifecycle in instructions (callgrind)", "",
                "The same lifecycle under valgrind's callgrind, from databases of %d and of %d instances; the "
                "difference between the two counts over the %s transitions between them is the cost of one more "
                "transition, start-up and preparation cancelled out. Not affected by the host's load." %
                (counted["small"], counted["large"], "{:,}".format(8 * (counted["large"] - counted["small"]))), "",
                "| implementation | instructions, %d instances | %d instances | per transition |" %
                (counted["small"], counted["large"]), "|---|---:|---:|---:|"]
        for name in [n for n in ("c-floor", "c-floor-lean", "seleksi") if n in c]:
            out.append("| %s | %s | %s | %s |" % (name, "{:,}".format(c[name][counted["small"]]),
                                                  "{:,}".format(c[name][counted["large"]]),
                                                  "{:,.0f}".format(counted["per_transition"][name])))
    if demos:
        out += ["", "## `seleksi demo` (whole process, documents included)", "",
                "| demo | applicants | wall | peak memory | audit rows |", "|---|---:|---:|---:|---:|"]
        for d in demos:
            what = "national (29 UPT)" if d["upt"] == "all" else "one UPT (%s)" % d["upt"]
            wall = ("%.1f s" % d["wall"] if d["status"] == 0 else
                    "> %.0f s (ended by the harness)" % d["wall"] if d["status"] == -9 else
                    "failed (exit %d, %.0f s)" % (d["status"], d["wall"]))
            out.append("| %s | %s | %s | %.0f %s | %s |" % (what, "{:,}".format(d["applicants"]), wall, d["peak_mib"], MIB,
                                                           "{:,}".format(d["audit_rows"]) if d.get("audit_rows") else "–"))
    if cli:
        out += ["", "## CLI commands on the national database (whole process)", "",
                "| command | median | min – max | peak memory | runs |", "|---|---:|---:|---:|---:|"]
        for c in cli:
            out.append("| `seleksi %s` | %.1f ms | %.1f – %.1f ms | %.0f %s | %d |" %
                       (c["command"], c["median_ms"], c["min_ms"], c["max_ms"], c["peak_mib"], MIB, c["runs"]))
    if verify:
        out += ["", "## `seleksi audit verify` of %s rows" % "{:,}".format(verify["rows"]), "",
                "Median %.2f s (%.2f – %.2f s over %d runs), peak %.0f %s." %
                (verify["median_s"], verify["min_s"], verify["max_s"], verify["runs"], verify["peak_mib"], MIB)]
    out += ["", "Wall time is from spawn to reap of the whole process; peak memory is the kernel's maximum resident "
            "set of the finished process (`wait4`). The lifecycle figures are each implementation's own timing of "
            "its firing loop (opening the database and listing the instances excluded for all).", ""]
    open(path, "w").write("\n".join(out))
