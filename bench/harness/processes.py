"""Whole processes timed from outside: wall time from spawn to reap, and the peak resident memory the
kernel accounted to the finished child (wait4's ru_maxrss), with nothing but the standard library."""
import os
import statistics
import time


class Run:
    def __init__(self, wall, peak_kib, status, output):
        self.wall = wall
        self.peak_mib = peak_kib / 1024
        self.status = status
        self.output = output


def run(argv, env=None, capture=None, timeout=None, quiet=False):
    """Runs argv once; its standard output goes to `capture` (a path) or /dev/null, standard error
    is inherited (or dropped when `quiet`). Returns a Run; `timeout` seconds ends it (status -9)."""
    out = capture or os.devnull
    actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)]
    if quiet:
        actions.append((os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0))
    path = argv[0] if "/" in argv[0] else _which(argv[0])
    started = time.perf_counter()
    pid = os.posix_spawn(path, argv, env or os.environ, file_actions=actions)
    while True:
        waited, status, usage = os.wait4(pid, os.WNOHANG if timeout else 0)
        if waited:
            break
        if time.perf_counter() - started > timeout:
            os.kill(pid, 9)
            waited, status, usage = os.wait4(pid, 0)
            status = -9 << 8
            break
        time.sleep(0.01)
    wall = time.perf_counter() - started
    text = open(capture).read() if capture else ""
    code = os.waitstatus_to_exitcode(status) if status >= 0 else -9
    return Run(wall, usage.ru_maxrss, code, text)


def settle():
    """Has the kernel write back what earlier steps wrote (a database just built, a demo's files)
    before the next timing starts: on two cores its writeback thread otherwise runs beside the
    timed command and is counted as its time (a million-row verify measured 1.7 s instead of 1.0 s)."""
    os.sync()


def _which(name):
    for folder in os.environ.get("PATH", "").split(":"):
        candidate = os.path.join(folder, name)
        if os.access(candidate, os.X_OK):
            return candidate
    raise FileNotFoundError(name)


def spread(values):
    """(median, min, max) of a list of numbers."""
    return statistics.median(values), min(values), max(values)
