import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiDemo
import SeleksiEngine

extension DemoStage: ExpressibleByArgument {}
extension DemoProcess: ExpressibleByArgument {}
extension TutorBantuDemo.WorkDocuments: ExpressibleByArgument {}

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Jalankan satu tahun Tutor Bantu sintetis: rekrutmen dari kuota sampai kontrak, lalu masa kerja sampai 31 Desember (atau --process pks, ppdb).",
        discussion: """
        Membuat basis data simulasi baru dengan definisi dan seed folder proyek (--root, SELEKSI_ROOT), membangkitkan pelamar sintetis (deterministik menurut --seed) untuk satu UPT dari alokasi 2019, lalu menjalankan setiap langkah sebagai pelaku pemiliknya: kuota, SK tim, pendaftaran, usulan SKB, verifikasi, penilaian independen, diskusi, peringkat, berita acara, SK, pengesahan, pengumuman, penggantian dari cadangan, perjanjian kerja. Lalu masa kerja (kecuali --until kerja): pagu UPT, pembekalan, PKS SKB (Format 1, 14, 15), jadwal (Format 12), rombongan belajar; setiap bulan Juli–Desember daftar hadir (Format 13) dan laporan pendidik, pengesahan dan penilaian Kepala SKB, daftar pembayaran per SKB disetujui PPK, transfer bendahara dengan kuitansi (Format 16), laporan SKB dan laporan UPT; satu pemberhentian sementara, satu pengunduran diri yang diganti dari cadangan, satu pemberhentian lewat sanksi; penilaian akhir, laporan akhir (Format 17) per SKB dan laporan kinerja UPT (capaian = realisasi ÷ target × 100). Semua orang fiktif. Menulis dokumen ke --out/dokumen/ dan laporan putaran ke --out/laporan.html (dengan grafik) dan laporan.md.

        Basis data dibangun dengan nama sementara dan baru dipindahkan ke --db setelah selesai; demo yang gagal atau dihentikan tidak meninggalkan basis data setengah jadi.

        Dengan --process ppdb: satu kabupaten sintetis menjalankan Penerimaan Peserta Didik Baru (Permendikbud 1/2021) dari pengumuman pendaftaran, pendaftaran, verifikasi, seleksi per jalur, penyaluran, pengumuman hasil sampai daftar ulang; menulis kedua pengumuman ke --out/dokumen/ dan laporan penggunaan kursi per sekolah dan jalur ke --out/laporan.md.

        Dengan --process pks: dua Perjanjian Kerja Sama sintetis antarinstansi menurut workflows/pks.xml (docs/processes/pks.md): satu seperti seed 003 yang ditangguhkan karena keadaan kahar lalu diakhiri lebih awal atas persetujuan PARA PIHAK, satu seperti seed 000 yang total biayanya mula-mula ditolak (43 × Rp3.625.930 = Rp155.914.990, bukan Rp155.915.000), lalu diperpanjang dengan addendum dan berakhir pada akhir jangka waktunya. Dokumen ke --out/dokumen/.

        Contoh: seleksi demo --db /tmp/demo.sqlite --out /tmp/demo --applicants 500 --seed 7

        Contoh PPDB: seleksi demo --process ppdb --db /tmp/ppdb.sqlite --out /tmp/ppdb --seed 7

        Contoh PKS: seleksi demo --process pks --db /tmp/pks.sqlite --out /tmp/pks
        """)

    @Option(help: ArgumentHelp("Proses yang didemokan: " + DemoProcess.allCases.map(\.rawValue).joined(separator: ", ")
                               + " (ppdb: satu kabupaten sintetis, Permendikbud 1/2021; pks: dua perjanjian kerja sama; --upt dan --until hanya untuk tutor-bantu).",
                               valueName: "PROSES"))
    var process: DemoProcess = .tutorBantu
    @Option(help: "Basis data baru untuk demo (ditimpa bila --replace).") var db = "demo.sqlite"
    @Option(help: "Folder keluaran: lampiran sintetis, dokumen, laporan.") var out = "demo-out"
    @Option(help: "Jumlah pelamar sintetis (1–200000).") var applicants = 500
    @Option(help: "Benih acak; sama benih, sama hasil.") var seed: UInt64 = 2019
    @Option(help: "UPT dari alokasi 2019 (seed/tutor_bantu/alokasi_2019.csv), atau `all`: satu putaran rekrutmen per UPT sampai kontrak (tanpa masa kerja), pelamar dibagi menurut alokasi.") var upt = "upt-bp-kalimantan-selatan"
    @OptionGroup var project: RootOption
    @Option(help: ArgumentHelp("Hentikan putaran tepat sebelum tahap ini, untuk dicoba sendiri: "
                               + DemoStage.allCases.map(\.rawValue).joined(separator: ", ") + ".", valueName: "TAHAP"))
    var until: DemoStage?
    @Option(help: ArgumentHelp("Dokumen per pendidik pada masa kerja (jadwal, daftar hadir, laporan bulanan, kuitansi): `all` untuk setiap SKB, `sample` untuk SKB pertama saja (dokumen UPT dan SKB tetap semuanya), `none` tanpa dokumen masa kerja.", valueName: "CAKUPAN"))
    var documents: TutorBantuDemo.WorkDocuments = .sample
    @Flag(help: "Ganti basis data --db yang sudah ada (setelah demo baru selesai).") var replace = false
    @Flag(help: "Ringkasan JSON.") var json = false

    @Option(help: "Bahasa pesan: id atau en.") var lang: Language = .id

    func validate() throws {
        guard applicants >= 1 && applicants <= 200_000 else { throw ValidationError("--applicants harus 1–200000 (must be 1–200000)") }
        guard !db.isEmpty, !out.isEmpty else { throw ValidationError("--db dan --out tidak boleh kosong (must not be empty)") }
        if process != .tutorBantu, until != nil || upt != "upt-bp-kalimantan-selatan" || documents != .sample {
            throw ValidationError("--upt, --until dan --documents hanya untuk --process tutor-bantu (only for the Tutor Bantu demo)")
        }
    }

    /// What the command line names but cannot be used: bad input (exit 2), not a usage error.
    private func checkTargets() throws {
        try report(lang) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: db, isDirectory: &isDirectory) {
                if isDirectory.boolValue { throw EngineError.input(lang == .en ? "--db \(db) is a folder" : "--db \(db) adalah folder") }
                if !replace {
                    throw EngineError.input(lang == .en ? "\(db) exists; add --replace to replace it, or give another --db"
                                                        : "\(db) sudah ada; pakai --replace untuk menggantinya, atau --db lain")
                }
            }
        }
    }

    func run() throws {
        removeAbandonedBuilds()
        try checkTargets()
        let root = try project.require(["forms", "workflows", "seed", "templates"], lang).path
        if process == .ppdb { return try runPPDB(root: root) }
        if process == .pks { return try runPKS(root: root) }
        if upt == "all" { return try runNational(root: root) }
        let quiet = json
        var summary = try buildInPlace { building in try report(lang) { () throws -> TutorBantuDemo.Summary in
            var demoOptions = TutorBantuDemo.Options(database: building, outputFolder: out, applicants: applicants, seed: seed, upt: upt, root: root,
                                                     until: until)
            demoOptions.language = lang
            demoOptions.workDocuments = documents
            var demo = try TutorBantuDemo(options: demoOptions) { line in
                if !quiet { print(line) }
            }
            return try demo.run()
        } }
        summary.database = db
        printSummary(summary)
    }

    /// A demo killed outright (SIGKILL, power cut) leaves its temporary database behind: remove those
    /// whose process is gone.
    private func removeAbandonedBuilds() {
        let folder = (db as NSString).deletingLastPathComponent.isEmpty ? "." : (db as NSString).deletingLastPathComponent
        let prefix = (db as NSString).lastPathComponent + ".building-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let n = Int32(pid), kill(n, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    private func printSummary(_ summary: TutorBantuDemo.Summary) {
        if json {
            printJSON(.record([
                "db": .string(db), "round": .number(Double(summary.round)), "audit_rows": .number(Double(summary.auditRows)),
                "stopped_before": summary.stoppedBefore.map { .string($0.rawValue) } ?? .null,
                "cancelled": .bool(summary.cancelled),
                "states": .record(Dictionary(uniqueKeysWithValues: summary.states.map { ($0.state, Value.number(Double($0.count))) })),
                "phases": .list(summary.phases.map { .record(["name": .string($0.name), "seconds": .number(($0.seconds * 1000).rounded() / 1000)]) }),
                "documents": .list(summary.documents.map(Value.string)),
                "budget": summary.budget.map { .record(["allocation": .number(Double($0.allocation)), "paid": .number(Double($0.paid)),
                                                         "percent": .number($0.percent)]) } ?? .null,
            ]))
            return
        }
        print(lang == .en ? "\nApplicants by state:" : "\nPelamar per status:")
        for s in summary.states { print("  \(s.state)\t\(s.count)") }
        if !summary.documents.isEmpty {
            print(lang == .en ? "Documents:" : "Dokumen:")
            for d in summary.documents { print("  \(d)") }
        }
        if let b = summary.budget {
            print(lang == .en
                ? "UPT honorarium budget 2019: paid \(IndonesianFormat.rupiah(b.paid)) of \(IndonesianFormat.rupiah(b.allocation)) (\(b.percent) %)"
                : "Pagu honorarium UPT 2019: dibayarkan \(IndonesianFormat.rupiah(b.paid)) dari \(IndonesianFormat.rupiah(b.allocation)) (\(String(b.percent).replacingOccurrences(of: ".", with: ",")) %)")
        }
        print(String(format: lang == .en ? "Audit log whole: %d rows. Time: %.2f s. Database: %@ (round #%lld)"
                                         : "Log audit utuh: %d baris. Waktu: %.2f s. Basis data: %@ (putaran #%lld)",
                     summary.auditRows, summary.phases.last?.seconds ?? 0, db, summary.round))
        if summary.cancelled {
            print(lang == .en
                ? "Round #\(summary.round) cancelled by the head of the UPT: no applicant was left to score."
                : "Putaran #\(summary.round) dibatalkan Kepala UPT: tidak ada pelamar yang tersisa untuk dinilai.")
        }
        if let stage = summary.stoppedBefore {
            print("Pelaku:")
            for p in summary.people { print("  \(p.id)\t\(p.name)\t\(p.role)") }
            print("Putaran #\(summary.round) berhenti sebelum tahap \(stage.rawValue): menunggu \(stage.waitsFor). "
                + "Waktu simulasi terakhir \(summary.clock); lihat `seleksi tasks --as ID --db \(db)` dan `seleksi progress \(summary.round) --db \(db)`.")
        }
    }
}

extension DemoCommand {
    /// `--process pks`: the two agreements of `PKSDemo`, built under a temporary name and moved to --db
    /// when complete, as the Tutor Bantu round is.
    func runPKS(root: String) throws {
        let quiet = json
        let summary = try buildInPlace { building in try report(lang) { () throws -> PKSDemo.Summary in
            var options = PKSDemo.Options(database: building, outputFolder: out, root: root)
            options.language = lang
            var demo = try PKSDemo(options: options) { line in if !quiet { print(line) } }
            return try demo.run()
        } }
        if json {
            printJSON(.record([
                "db": .string(db), "audit_rows": .number(Double(summary.auditRows)),
                "agreements": .list(summary.agreements.map { a -> Value in
                    .record(["id": .number(Double(a.id)), "shape": .string(a.shape), "state": .string(a.state)])
                }),
                "amount_refusal": .string(summary.amountRefusal),
                "documents": .list(summary.documents.map(Value.string)),
            ]))
            return
        }
        print(lang == .en ? "Documents:" : "Dokumen:")
        for d in summary.documents { print("  \(d)") }
        print(lang == .en ? "Audit log whole: \(summary.auditRows) rows. Database: \(db)"
                          : "Log audit utuh: \(summary.auditRows) baris. Basis data: \(db)")
    }
}
