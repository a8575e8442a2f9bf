#!/usr/bin/env python3
"""Re-extracts the tabular seed files from the guideline text (../shared/seeds/001_*.txt).

Usage: scripts/seed_from_guideline.py PATH_TO_001_TXT
Writes seed/tutor_bantu/{alokasi_2019,upt,biaya_kursus}.csv and checks the allocation totals
(371 SKB, 1,547 tutors) the guideline states.
"""
import csv, re, sys, pathlib

src = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
out = pathlib.Path(__file__).resolve().parent.parent / "seed" / "tutor_bantu"

def slug(name):
    s = name.replace("BP PAUD-Dikmas ", "bp-").replace("PP PAUD-Dikmas ", "pp-").lower()
    return "upt-" + s.replace("d.i. ", "di-").replace(".", "").replace(" ", "-")

start = src.index("NO\tUPT PAUD-DIKMAS\tSKB PENERIMA\tJUMLAH TENAGA")
rows = [m.groups() for line in src[start:src.index("JUMLAH</b>", start)].splitlines()
        if (m := re.match(r"^(\d+)\t(.+?)\t(\d+)\t(\d+)$", line.strip()))]
assert len(rows) == 29 and sum(int(r[2]) for r in rows) == 371 and sum(int(r[3]) for r in rows) == 1547
with open(out / "alokasi_2019.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["no", "id", "upt", "skb_penerima", "jumlah_tenaga"])
    for no, name, skb, t in rows:
        w.writerow([no, slug(name), name, skb, t])

start = src.index("No\tProvinsi\tNomenklatur\tAlamat\tKontak")
upt = [([p.strip() for p in line.split("\t")] + [""] * 5)[:5]
       for line in src[start:src.index("Direktur Jenderal,", start)].splitlines()
       if line.split("\t")[0].strip().isdigit()]
assert len(upt) == 34
with open(out / "upt.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["no", "provinsi", "nomenklatur", "alamat", "kontak"])
    w.writerows(upt)

sec = src[src.index("**Format 18."):]
sec = sec[:sec.index("#### B. Jumlah Jam Dan Biaya Maksimal Pendidik PAUD")]
kursus, no, kind = [], None, None
for line in sec.splitlines():
    p = line.split("\t")
    if len(p) == 5 and p[0].strip().isdigit():
        no, kind = p[0].strip(), p[1].strip()
    elif not (len(p) == 5 and p[0].strip() == "" and p[1].strip() == "" and kind):
        continue
    kursus.append([no, kind, p[2].strip(), p[3].strip(), p[4].strip().replace(".", "")])
assert len({k[0] for k in kursus}) == 50
with open(out / "biaya_kursus.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["no", "jenis_kursus", "jenjang_kkni", "jumlah_jp", "biaya_maksimal_per_paket"])
    w.writerows(kursus)
print(f"{len(rows)} UPT allocations, {len(upt)} provinces, {len(kursus)} course rows")

with open(out / "biaya_kursus_kunci.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["kunci", "biaya_maksimal_per_paket", "jumlah_jp"])
    for no, kind, level, hours, cost in kursus:
        w.writerow([f"{kind} — {level}", cost, hours])
