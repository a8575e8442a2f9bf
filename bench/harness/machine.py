"""What the figures were measured on."""
import datetime
import os
import platform
import sqlite3
import subprocess


def _first_line(argv):
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "?"


def _cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def _memory_gib():
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                return "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    except OSError:
        pass
    return "?"


def _os_name():
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.platform()


def _load():
    try:
        return "%.2f %.2f %.2f (1, 5, 15 min) when the run began" % os.getloadavg()
    except OSError:
        return "?"


def describe(venv_python):
    return {
        "load": _load(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "cpu": _cpu_model(),
        "memory": _memory_gib(),
        "os": "%s (%s %s)" % (_os_name(), platform.system(), platform.release()),
        "swift": _first_line(["swift", "--version"]),
        "sqlite": sqlite3.sqlite_version,
        "python": _first_line([venv_python, "--version"]),
        "cc": _first_line(["cc", "--version"]),
        "openssl": _first_line(["openssl", "version"]),
    }
