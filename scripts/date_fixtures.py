#!/usr/bin/env python3
"""Writes Tests/Fixtures/relativedelta.csv: the calendar convention of Seleksi's
date functions, as python-dateutil's relativedelta computes it (the reference the tests compare
against, row by row).

Each row: a, b, n, then
  years          relativedelta(b, a).years                 -> years-between(a, b), age(a, b)
  months         .years * 12 + .months                     -> months-between(a, b)
  a_plus_months  a + relativedelta(months=n)               -> add-months(a, n)
  a_plus_years   a + relativedelta(years=n)                -> add-years(a, n)
                 (empty when outside years 1-9999)

Rows: 2,000 random pairs (fixed seed), and within each of the spans 1899-1901, 1999-2001 and
2099-2101 (around the leap-year rules) every pair of month ends and 28 Februaries.
Run: python3 scripts/date_fixtures.py  (needs python-dateutil)
"""
import csv
import datetime as dt
import os
import random

from dateutil.relativedelta import relativedelta

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "relativedelta.csv")


def shifted(a, **delta):
    try:
        return (a + relativedelta(**delta)).isoformat()
    except (OverflowError, ValueError):
        return ""


def row(a, b, n):
    r = relativedelta(b, a)
    return [a.isoformat(), b.isoformat(), n, r.years, r.years * 12 + r.months,
            shifted(a, months=n), shifted(a, years=n)]


def special_dates(years):
    out = []
    for year in years:
        for month in range(1, 13):
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            out.append(nxt - dt.timedelta(days=1))  # the month's last day
        out.append(dt.date(year, 2, 28))
    return sorted(set(out))


def main():
    rng = random.Random(20190701)
    rows = []
    lo, hi = dt.date(1900, 1, 1).toordinal(), dt.date(2100, 12, 31).toordinal()
    for _ in range(2000):
        a = dt.date.fromordinal(rng.randint(lo, hi))
        b = dt.date.fromordinal(rng.randint(lo, hi)) if rng.random() < 0.7 else \
            dt.date.fromordinal(min(hi, max(lo, a.toordinal() + rng.randint(-800, 800))))
        rows.append(row(a, b, rng.randint(-1300, 1300)))
    for first in (1899, 1999, 2099):
        special = special_dates(range(first, first + 3))
        for a in special:
            for b in special:
                rows.append(row(a, b, rng.choice([-48, -13, -12, -1, 1, 11, 12, 13, 20, 24, 48, 1200])))
    rows.append(row(dt.date(1, 1, 31), dt.date(9999, 12, 31), -1))   # edges of the writable years
    rows.append(row(dt.date(9999, 12, 31), dt.date(1, 1, 1), 1))
    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["a", "b", "n", "years", "months", "a_plus_months", "a_plus_years"])
        w.writerows(rows)
    print(f"{len(rows)} rows -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
