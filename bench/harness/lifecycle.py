"""The applicant lifecycle at equal work: one prepared database, copied for every run; each
implementation fires the same N × 8 events in the same order, in batches of BATCH per transaction;
after every run its `instances` and `audit_log` must equal Seleksi's byte for byte, or the harness
stops. Runs are interleaved (the order rotates each round) and repeated."""
import json
import os
import shutil
import sys

import processes
import tables


def implementations(paths, batch):
    """name -> argv builder; the order is the first round's."""
    b = ["--batch", str(batch)]
    py = paths.venv_python
    peer = lambda script: (lambda db: [py, os.path.join(paths.peers, script), db] + b)
    return [
        ("seleksi", lambda db: [paths.bench, "--lifecycle", db] + b),
        ("c-floor", lambda db: [paths.floor, db] + b),
        # The same statements but the SELECT of a row the program has just written (Seleksi's own work
        # since it keeps the rows it holds the write lock over): the floor of equal work.
        ("c-floor-lean", lambda db: [paths.floor, db, "--lean"] + b),
        ("python-bare", peer("peer_bare.py")),
        ("transitions", peer("peer_transitions.py")),
        ("python-statemachine", peer("peer_statemachine.py")),
        ("spiffworkflow", peer("peer_spiff.py")),
    ]


def prepare(paths, work, instances):
    """The database every run starts from, made once by Seleksi (init + start through the engine)."""
    db = os.path.join(work, "lifecycle-prepared.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    r = processes.run([paths.bench, "--prepare", db, "--instances", str(instances)], quiet=True)
    if r.status != 0:
        sys.exit("lifecycle: seleksi-bench --prepare failed (%d)" % r.status)
    tables.checkpoint(db)
    return db


def run_once(name, argv_for, prepared, work):
    db = os.path.join(work, "lifecycle-%s.sqlite" % name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    shutil.copyfile(prepared, db)
    processes.settle()
    out = os.path.join(work, "lifecycle-%s.out" % name)
    r = processes.run(argv_for(db), capture=out)
    if r.status != 0:
        sys.exit("lifecycle: %s failed (exit %d); see %s" % (name, r.status, out))
    figures = json.loads(r.output.strip().splitlines()[-1])
    return db, figures


def measure(paths, work, instances, batch, rounds, log):
    prepared = prepare(paths, work, instances)
    impls = implementations(paths, batch)
    rates = {name: [] for name, _ in impls}
    reference = None
    verified_by_seleksi = []
    for r in range(rounds):
        order = impls[r % len(impls):] + impls[:r % len(impls)]
        for name, argv_for in order:
            db, figures = run_once(name, argv_for, prepared, work)
            rate = figures["transitions"] / figures["seconds"]
            rates[name].append(rate)
            found = tables.fingerprint(db)
            if reference is None:
                reference = (name, db + ".reference", found)
                shutil.copyfile(db, reference[1])
            elif found != reference[2]:
                detail = tables.first_difference(reference[1], db)
                sys.exit("lifecycle: NOT EQUAL WORK: %s's tables differ from %s's\n   %s" % (name, reference[0], detail))
            if r == 0 and name != "seleksi":
                # Seleksi's own verifier must accept the peer's rows as its own.
                v = processes.run([paths.seleksi, "audit", "verify", "--db", db], quiet=True)
                if v.status != 0:
                    sys.exit("lifecycle: seleksi audit verify refused %s's database (exit %d)" % (name, v.status))
                verified_by_seleksi.append(name)
            log("  round %d/%d  %-20s %9.0f transitions/s" % (r + 1, rounds, name, rate))
    return {
        "instances": instances, "transitions": instances * 8, "batch": batch, "rounds": rounds,
        "rates": rates, "fingerprint": reference[2], "verified_by_seleksi": verified_by_seleksi,
    }
