#!/usr/bin/env python3
"""Writes libur.csv (tanggal,nama,jenis) from the `holidays` package (pip install holidays).

jenis: libur_nasional (the package's PUBLIC category: national holidays set by the SKB 3 Menteri / Keppres)
       cuti_bersama   (its GOVERNMENT category: the collective leave of civil servants, SKB 3 Menteri)
Names are the package's Indonesian ones; an Islamic, Chinese or Buddhist date the package only
computes (no decree yet) carries "(perkiraan)" in its name. Re-run to refresh; the output is sorted.
"""
import csv
import sys

import holidays
from holidays.constants import GOVERNMENT, PUBLIC

YEARS = range(2019, 2031)


def rows():
    out = []
    for jenis, category in (("libur_nasional", PUBLIC), ("cuti_bersama", GOVERNMENT)):
        days = holidays.Indonesia(years=YEARS, categories=(category,), language="id")
        for day, names in days.items():
            # Two holidays on one day come joined by "; ": keep one row per day and kind.
            out.append((day.isoformat(), names, jenis))
    return sorted(out)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "libur.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["tanggal", "nama", "jenis"])
        w.writerows(rows())
    print(f"{path}: holidays {holidays.__version__}")


if __name__ == "__main__":
    main()
