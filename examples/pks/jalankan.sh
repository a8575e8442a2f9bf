#!/bin/sh
# The PKS lifecycle by hand (docs/processes/pks.md): an agreement shaped as seed 000 between two
# fictitious offices, refused as the text states its total, corrected, signed by both heads, extended by
# an addendum and ended by its term. Run from the repository root; writes /tmp/pks-contoh/.
set -e
seleksi=${SELEKSI:-.build/debug/seleksi}
out=/tmp/pks-contoh
rm -rf "$out" && mkdir -p "$out"
export SELEKSI_DB="$out/pks.sqlite"

$seleksi init --simulation --now 2025-04-28T08:00
$seleksi org add dinas-contoh --name "Dinas Pendidikan Kabupaten Contoh (fiktif)" --kind dinas --now 2025-04-28T08:05
$seleksi org add balai-contoh --name "Balai Penjaminan Mutu Pendidikan Contoh (fiktif)" --kind balai --now 2025-04-28T08:06
$seleksi actor add operator-dinas --name "Operator Dinas (fiktif)" --now 2025-04-28T08:10
$seleksi actor add kepala-dinas --name "Kepala Dinas (fiktif)" --now 2025-04-28T08:11
$seleksi actor add kepala-balai --name "Kepala Balai (fiktif)" --now 2025-04-28T08:12
$seleksi actor grant operator-dinas operator --org dinas-contoh --now 2025-04-28T08:15
$seleksi actor grant kepala-dinas kepala --org dinas-contoh --now 2025-04-28T08:16
$seleksi actor grant kepala-balai kepala --org balai-contoh --now 2025-04-28T08:17

$seleksi start pks --org dinas-contoh --as operator-dinas --now 2025-04-30T08:00
# The total as seed 000 states it: refused (exit 1), naming Rp155.915.000 and Rp155.914.990.
$seleksi form validate pks_rancangan examples/pks/rancangan_000_seperti_tertulis.json --now 2025-04-30T08:05 || true
$seleksi fire 1 ajukan --as operator-dinas --form pks_rancangan=examples/pks/rancangan_000.json --now 2025-04-30T09:00
$seleksi fire 1 tanda_tangan --as kepala-balai --now 2025-05-02T09:00     # signature 1 of 2
$seleksi fire 1 tanda_tangan --as kepala-dinas --now 2025-05-02T10:00     # in force 2025-05-02 .. 2026-05-01
$seleksi document render 1 pks/perjanjian --out "$out/dokumen" --now 2025-05-02T11:00

$seleksi fire 1 ajukan_addendum --as kepala-balai --form pks_addendum=examples/pks/addendum_perpanjangan.json --now 2026-01-15T09:00
$seleksi fire 1 tanda_tangan_addendum --as kepala-dinas --now 2026-01-20T09:00
$seleksi fire 1 tanda_tangan_addendum --as kepala-balai --now 2026-01-20T10:00
$seleksi document render 1 pks/addendum --out "$out/dokumen" --now 2026-01-20T11:00

$seleksi tick --now 2027-02-02T08:00      # past the extension notice deadline: masa_akhir
$seleksi tick --now 2027-05-02T08:00      # the term is over: berakhir
$seleksi show 1
$seleksi audit verify
