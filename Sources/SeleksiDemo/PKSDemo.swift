import Foundation
import SeleksiCore
import SeleksiDocuments
import SeleksiEngine

/// Two synthetic cooperation agreements driven through the shipped PKS workflow (workflows/pks.xml):
/// one shaped as seed 003 (five years, force majeure notified in working days) that is suspended by a
/// force majeure event and then ended early by the parties' agreement; one shaped as seed 000 (one year,
/// three months' notice, per-participant costs) whose stated total is first refused as the source writes
/// it, then extended by an addendum and ended by its term. The clause values come from
/// `seed/pks/ketentuan.csv`; offices and people are fictitious and added through the directory commands.
/// The agreements run one after the other, so the audit log's clock only moves forward.
public struct PKSDemo {
    public struct Options: Sendable {
        public var database: String
        public var outputFolder: String
        public var root: String
        public var language: Language = .id

        public init(database: String, outputFolder: String, root: String) {
            self.database = database
            self.outputFolder = outputFolder
            self.root = root
        }
    }

    public struct Summary: Sendable {
        public var agreements: [(id: Int64, shape: String, state: String)] = []
        public var documents: [String] = []
        /// The refusal of seed 000's stated total, as the engine words it.
        public var amountRefusal = ""
        public var auditRows = 0
    }

    let options: Options
    let progress: (String) -> Void
    let engine: Engine
    var summary = Summary()

    public init(options: Options, progress: @escaping (String) -> Void) throws {
        self.options = options
        self.progress = progress
        engine = try Engine.initialise(
            path: options.database, root: options.root,
            seedPath: (options.root as NSString).appendingPathComponent("seed"),
            options: .init(simulation: true), now: Self.time("2022-05-20T08:00")
        ).0
    }

    static func time(_ iso: String) -> Timestamp { Timestamp(iso: iso)! }

    var english: Bool { options.language == .en }

    func say(_ id: String, _ en: String) { progress(english ? en : id) }

    public mutating func run() throws -> Summary {
        try makeDirectory()
        let clauses = try Clauses(engine.referenceTables())
        try suspendedAndEndedEarly(clauses)
        try extendedByAddendum(clauses)
        summary.auditRows = Int(try engine.verifyAudit().rows)
        return summary
    }

    // MARK: Offices and people (fictitious)

    private func makeDirectory() throws {
        let now = Self.time("2022-05-20T08:30")
        let offices = [
            ("badan-kesatu", "Badan Kepegawaian Provinsi Kesatu (fiktif)"),
            ("badan-kedua", "Badan Kepegawaian Provinsi Kedua (fiktif)"),
            ("dinas-contoh", "Dinas Pendidikan Kabupaten Contoh (fiktif)"),
            ("balai-contoh", "Balai Penjaminan Mutu Pendidikan Contoh (fiktif)"),
        ]
        for (id, name) in offices {
            try engine.addOrganisation(id: id, name: name, kind: "instansi", parent: nil, now: now)
        }
        let people = [
            ("pks-operator-badan", "Operator Kerja Sama Badan Kesatu (fiktif)", "operator", "badan-kesatu"),
            ("pks-kepala-badan-1", "Kepala Badan Kesatu (fiktif)", "kepala", "badan-kesatu"),
            ("pks-kepala-badan-2", "Kepala Badan Kedua (fiktif)", "kepala", "badan-kedua"),
            ("pks-operator-dinas", "Operator Kerja Sama Dinas (fiktif)", "operator", "dinas-contoh"),
            ("pks-kepala-dinas", "Kepala Dinas Contoh (fiktif)", "kepala", "dinas-contoh"),
            ("pks-kepala-balai", "Kepala Balai Contoh (fiktif)", "kepala", "balai-contoh"),
        ]
        for (id, name, role, org) in people {
            try engine.addActor(id: id, name: name, nip: nil, now: now)
            try engine.grant(actor: id, role: role, org: org, now: now)
        }
    }

    // MARK: The agreement shaped as seed 003

    private mutating func suspendedAndEndedEarly(_ clauses: Clauses) throws {
        say(
            "PKS seperti seed 003 (5 tahun; keadaan kahar 7/14 hari kerja):",
            "PKS shaped as seed 003 (5 years; force majeure 7/14 working days):")
        let draft = clauses.draft(
            "003",
            base: [
                "tentang":
                    "Peningkatan Pelayanan Manajemen Kepegawaian melalui Sistem Informasi ASN Terintegrasi (contoh)",
                "nomor_pihak_kesatu": "120/001/PKS/2022", "nomor_pihak_kedua": "015/002/PKS/2022",
                "tempat": "Kota Contoh",
                "pihak_kedua": "badan-kedua",
                "nama_pihak_kesatu": "Kepala Badan Kesatu (fiktif)",
                "jabatan_pihak_kesatu": "Kepala Badan Kepegawaian Provinsi Kesatu",
                "alamat_pihak_kesatu": "Jalan Contoh Nomor 1", "atas_nama_pihak_kesatu": "Pemerintah Provinsi Kesatu",
                "nama_pihak_kedua": "Kepala Badan Kedua (fiktif)",
                "jabatan_pihak_kedua": "Kepala Badan Kepegawaian Provinsi Kedua",
                "alamat_pihak_kedua": "Jalan Contoh Nomor 2", "atas_nama_pihak_kedua": "Pemerintah Provinsi Kedua",
                "pembiayaan": "tanpa_nilai",
                "sumber_dana": "PARA PIHAK dan/atau sumber pembiayaan lain yang sah dan tidak mengikat",
            ])
        let id = try engine.start(
            workflow: "pks", org: "badan-kesatu", actor: "pks-operator-badan", now: Self.time("2022-05-23T09:00")
        ).id
        try fire(id, "ajukan", "pks-operator-badan", "2022-05-23T10:00", forms: ["pks_rancangan": draft])
        try fire(id, "tanda_tangan", "pks-kepala-badan-2", "2022-05-24T09:00")
        try fire(id, "tanda_tangan", "pks-kepala-badan-1", "2022-05-24T10:00")
        try report(id)
        try document("pks/perjanjian", id, at: "2022-05-24T11:00")

        // Monday before Lebaran 2023: the seven working days run past the cuti bersama.
        let event: [String: Value] = [
            "tanggal_kejadian": .string("2023-04-17"), "jenis": .string("bencana_alam"),
            "uraian": .string("Banjir merendam gedung layanan sehingga penilaian kompetensi terhenti (fiktif)."),
            "perkiraan_pulih": .string("2023-07-31"),
        ]
        try fire(id, "beritahu_kahar", "pks-kepala-badan-2", "2023-04-27T09:00", forms: ["pks_kahar": event])
        try report(id)
        try fire(id, "kahar_tertulis", "pks-kepala-badan-2", "2023-05-08T09:00")  // the notice on file, now in writing
        try report(id)
        try document("pks/pemberitahuan_kahar", id, at: "2023-05-08T10:00")
        let notice: [String: Value] = [
            "nomor_surat": .string("800/077/BKD/2023"), "alasan": .string("objek_musnah"),
            "uraian": .string(
                "Gedung layanan rusak berat dan tidak dibangun kembali (fiktif); PARA PIHAK sepakat mengakhiri kerja sama."
            ),
            "tanggal_berakhir": .string("2023-09-29"),
        ]
        try fire(id, "ajukan_pengakhiran", "pks-kepala-badan-1", "2023-06-05T09:00", forms: ["pks_pengakhiran": notice])
        try document("pks/pemberitahuan_pengakhiran", id, at: "2023-06-05T10:00")
        try fire(id, "setujui_pengakhiran", "pks-kepala-badan-1", "2023-06-12T09:00")
        try fire(id, "setujui_pengakhiran", "pks-kepala-badan-2", "2023-06-12T10:00")
        try report(id)
        try tick("2023-09-30T08:00")
        let state = try report(id)
        summary.agreements.append((id, "003", state))
    }

    // MARK: The agreement shaped as seed 000

    private mutating func extendedByAddendum(_ clauses: Clauses) throws {
        say(
            "PKS seperti seed 000 (1 tahun; pemberitahuan perpanjangan 3 bulan; 43 peserta):",
            "PKS shaped as seed 000 (1 year; extension notice 3 months; 43 participants):")
        var draft = clauses.draft(
            "000",
            base: [
                "tentang": "Bimbingan Teknis Pembuatan Media Pembelajaran Berbasis IT (contoh)",
                "nomor_pihak_kesatu": "400.3/179/Disdik/2025", "nomor_pihak_kedua": "0586/BPMP/2025",
                "tempat": "Kabupaten Contoh",
                "pihak_kedua": "balai-contoh",
                "nama_pihak_kesatu": "Kepala Dinas Contoh (fiktif)",
                "jabatan_pihak_kesatu": "Kepala Dinas Pendidikan Kabupaten Contoh",
                "alamat_pihak_kesatu": "Komplek Perkantoran Contoh",
                "atas_nama_pihak_kesatu": "Pemerintah Kabupaten Contoh",
                "nama_pihak_kedua": "Kepala Balai Contoh (fiktif)",
                "jabatan_pihak_kedua": "Kepala Balai Penjaminan Mutu Pendidikan",
                "alamat_pihak_kedua": "Jalan Contoh Nomor 85",
                "atas_nama_pihak_kedua": "Balai Penjaminan Mutu Pendidikan Contoh",
                "pembiayaan": "per_peserta", "sumber_dana": "APBD Kabupaten Contoh",
            ])
        let id = try engine.start(
            workflow: "pks", org: "dinas-contoh", actor: "pks-operator-dinas", now: Self.time("2025-04-30T09:00")
        ).id
        // The total as seed 000 states it: refused, naming both figures.
        do {
            try fire(id, "ajukan", "pks-operator-dinas", "2025-04-30T10:00", forms: ["pks_rancangan": draft])
        } catch let error as EngineError {
            summary.amountRefusal = error.message(options.language)
            say(
                "  total seperti tertulis (seed 000 Pasal 5) → \(summary.amountRefusal)",
                "  total as written (seed 000 Pasal 5) → \(summary.amountRefusal)")
        }
        // Corrected to the product of the two figures the text gives (the parties' amendment).
        if case .number(let n)? = draft["jumlah_peserta"], case .number(let each)? = draft["biaya_per_peserta"] {
            draft["biaya_total"] = .number(n * each)
        }
        try fire(id, "ajukan", "pks-operator-dinas", "2025-04-30T11:00", forms: ["pks_rancangan": draft])
        try fire(id, "tanda_tangan", "pks-kepala-balai", "2025-05-02T09:00")
        try fire(id, "tanda_tangan", "pks-kepala-dinas", "2025-05-02T10:00")
        try report(id)
        try document("pks/perjanjian", id, at: "2025-05-02T11:00")

        let addendum: [String: Value] = [
            "perihal": .string("perpanjangan"), "nomor_pihak_kesatu": .string("400.3/301/Disdik/2026"),
            "nomor_pihak_kedua": .string("0123/BPMP/2026"), "akhir_baru": .string("2027-05-01"),
            "ubah": .list([
                .record([
                    "pasal": .string("Pasal Jangka Waktu ayat (1)"),
                    "isi": .string("Perjanjian Kerja Sama ini berlaku sampai dengan tanggal 1 Mei 2027."),
                ])
            ]),
        ]
        try fire(id, "ajukan_addendum", "pks-kepala-balai", "2026-01-15T09:00", forms: ["pks_addendum": addendum])
        try fire(id, "tanda_tangan_addendum", "pks-kepala-dinas", "2026-01-20T09:00")
        try fire(id, "tanda_tangan_addendum", "pks-kepala-balai", "2026-01-20T10:00")
        try report(id)
        try document("pks/addendum", id, at: "2026-01-20T11:00")
        try tick("2027-02-02T08:00")
        try report(id)
        try tick("2027-05-02T08:00")
        let state = try report(id)
        summary.agreements.append((id, "000", state))
    }

    // MARK: Steps

    private func fire(
        _ id: Int64, _ event: String, _ actor: String, _ time: String, forms: [String: [String: Value]] = [:]
    ) throws {
        let result = try engine.fire(
            FireRequest(instance: id, event: event, actor: actor, forms: forms), now: Self.time(time))
        say(
            "  \(time) \(actor): \(event) → \(describe(result.kind))",
            "  \(time) \(actor): \(event) → \(describe(result.kind))")
    }

    private func describe(_ kind: FireResult.Kind) -> String {
        switch kind {
        case .moved(let from, let to): return "\(from) → \(to)"
        case .pending(let have, let need):
            return english ? "signature \(have) of \(need)" : "tanda tangan \(have) dari \(need)"
        }
    }

    private func tick(_ time: String) throws {
        let fired = try engine.tick(now: Self.time(time)).fired
        say(
            "  \(time) pewaktu: \(fired.map(\.event).joined(separator: ", "))",
            "  \(time) timers: \(fired.map(\.event).joined(separator: ", "))")
    }

    @discardableResult
    private func report(_ id: Int64) throws -> String {
        let record = try engine.record(id)
        let v = record.variables
        func text(_ name: String) -> String { v[name].map(\.displayText).flatMap { $0.isEmpty ? nil : $0 } ?? "-" }
        say(
            "    #\(id) \(record.state): berlaku \(text("mulai")) s.d. \(text("akhir")); batas perpanjangan \(text("batas_perpanjangan")); batas pemberitahuan tertulis kahar \(text("kahar_tenggat"))",
            "    #\(id) \(record.state): in force \(text("mulai")) to \(text("akhir")); extension notice by \(text("batas_perpanjangan")); written force majeure notice by \(text("kahar_tenggat"))"
        )
        return record.state
    }

    private mutating func document(_ template: String, _ id: Int64, at time: String) throws {
        let renderer = DocumentRenderer(templatesFolder: (options.root as NSString).appendingPathComponent("templates"))
        let rendered = try renderer.render(
            template, instance: id, engine: engine,
            outputFolder: (options.outputFolder as NSString).appendingPathComponent("dokumen"), replace: true,
            now: Self.time(time))
        summary.documents.append(rendered.htmlPath)
    }
}

/// The clause values each source agreement states (seed/pks/ketentuan.csv), as draft answers.
struct Clauses {
    let reference: ReferenceTables

    init(_ reference: ReferenceTables) throws {
        guard reference.tables["pks/ketentuan"] != nil else {
            throw EngineError.input("seed/pks/ketentuan.csv tidak dimuat (not loaded)")
        }
        self.reference = reference
    }

    /// The answers of a draft shaped as source `code`: its clauses, and for seed 000 its figures with the
    /// total as the text states it.
    func draft(_ code: String, base: [String: String]) -> [String: Value] {
        var answers = base.mapValues { Value.string($0) }
        func cell(_ column: String) -> String? {
            reference.lookup("pks/ketentuan", "kode", code, column).flatMap { $0.isEmpty ? nil : $0 }
        }
        func number(_ column: String) -> Value? { cell(column).flatMap(Double.init).map(Value.number) }
        answers["jangka_jenis"] = .string(cell("jangka_bulan") == nil ? "tanggal" : "bulan")
        answers["jangka_bulan"] = number("jangka_bulan")
        answers["berakhir_tanggal"] = cell("berakhir_tanggal").map(Value.string)
        answers["perpanjangan_bulan"] = number("perpanjangan_bulan")
        answers["pengakhiran_bulan"] = number("pengakhiran_bulan")
        let forceMajeure = cell("kahar_tertulis_hari") != nil
        answers["kahar_diatur"] = .bool(forceMajeure)
        if forceMajeure {
            answers["kahar_awal_hari"] = number("kahar_awal_hari")
            answers["kahar_awal_satuan"] = cell("kahar_awal_satuan").map(Value.string)
            answers["kahar_tertulis_hari"] = number("kahar_tertulis_hari")
            answers["kahar_tertulis_satuan"] = cell("kahar_tertulis_satuan").map(Value.string)
            answers["kahar_mengakhiri"] = .bool(cell("kahar_mengakhiri") == "ya")
        }
        if let participants = number("jumlah_peserta"), let each = number("biaya_per_peserta") {
            answers["jumlah_peserta"] = participants
            answers["biaya_per_peserta"] = each
            answers["biaya_total"] = number("biaya_total_tertulis")
        }
        answers["pasal"] = .list([
            .record([
                "judul": .string("MAKSUD DAN TUJUAN"),
                "isi": .string(
                    "Perjanjian Kerja Sama ini menjadi landasan kerja sama PARA PIHAK sesuai ketentuan peraturan perundang-undangan (contoh)."
                ),
            ]),
            .record([
                "judul": .string("PENYELESAIAN PERSELISIHAN"),
                "isi": .string(
                    "Perselisihan dalam pelaksanaan Perjanjian Kerja Sama ini diselesaikan secara musyawarah untuk mufakat."
                ),
            ]),
        ])
        return answers
    }
}
