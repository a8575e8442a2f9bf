import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiEngine

struct FormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "form",
        abstract: "Formulir: tampilkan, isi di terminal, atau periksa berkas isian.",
        subcommands: [Show.self, Fill.self, Validate.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", 
            abstract: "Tampilkan kolom-kolom formulir: jenis, wajib, pilihan, syarat.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Id formulir.") var form: String

        func run() throws {
            let engine = try options.openEngine()
            let f = try report(options.lang) { try engine.currentForm(form) }
            let l = options.lang
            print("\(f.title.text(l)) (\(f.id), \(options.t("versi", "version")) \(f.version))")
            for item in f.items {
                switch item {
                case .field(let field): print(FormPrinter.line(field, form: f, indent: "  ", language: l))
                case .repeatGroup(let g):
                    print("  [\(g.id)] \(g.label.text(l)) — \(options.t("baris", "rows")) \(g.minRows)–\(g.maxRows.map(String.init) ?? "…")")
                    for field in g.fields { print(FormPrinter.line(field, form: f, indent: "      ", language: l)) }
                }
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "validate", 
            abstract: "Periksa berkas isian JSON terhadap formulir tanpa menyimpan apa pun.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Id formulir.") var form: String
        @Argument(help: "Berkas JSON isian, atau -.") var file: String
        @Flag(help: "Periksa sebagai penilai (kolom diisi penilai ikut diperiksa).") var rater = false

        func run() throws {
            let engine = try options.openEngine()
            let f = try report(options.lang) { try engine.currentForm(form) }
            let reference = try referenceTables(engine, options.lang)
            let answers = try report(options.lang) { try readAnswers(file) }
            let outcome = FormValidator(f, reference: reference).validate(
                answers, filler: rater ? .rater : .applicant, today: try options.timestamp().date,
                resolveAttachment: Engine.attachmentResolver)
            if options.json {
                printJSON(
                    .record([
                        "valid": .bool(outcome.isValid), "data": .record(outcome.data),
                        "violations": .list(
                            outcome.violations.map {
                                .record(["path": .string($0.path), "message": .string($0.message.text(options.lang))])
                            }),
                    ]))
            } else if outcome.isValid {
                print(options.lang == .en ? "ok: \(file) is valid for \(f.id)" : "ok: isian \(file) sah untuk \(f.id)")
            } else {
                for v in outcome.violations { standardError("\(file): \(v.path): \(v.message.text(options.lang))") }
            }
            // Answers that break the form's constraints are refused by the rules: 1, as `fire` with them is.
            if !outcome.isValid { throw ExitCode(1) }
        }
    }

    struct Fill: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "fill", 
            abstract: "Isi formulir secara interaktif; setiap jawaban diperiksa dan ditanyakan ulang bila salah.",
            discussion: """
                Hasilnya JSON (ke --out atau layar), siap untuk `seleksi fire … --form FORM=berkas.json`.

                - Kosongkan jawaban kolom tidak wajib untuk melewatinya; kolom bertanda * wajib.
                - Pilihan dijawab dengan nomornya, kodenya, atau labelnya (huruf besar/kecil tidak dibedakan); pilihan ganda dipisah koma.
                - Tanggal ditulis TTTT-BB-HH (mis. 1990-07-31). Tanggal yang ditulis hari lebih dahulu (31-07-1990, 31/07/1990) ditolak dengan bentuk yang benar disebutkan, tidak diubah diam-diam: bentuk itu dibaca bulan lebih dahulu di tempat lain. Tahun sebelum 1900 atau lebih dari 100 tahun setelah hari ini ditolak.
                - Pemeriksaan yang membaca kolom lain (NIK dengan tanggal lahir) dijalankan begitu kolom itu terisi; kolom yang salah ditanyakan lagi (Enter = tetap; bila tetap, kolom lain yang dibaca pemeriksaan itu ditanyakan lagi).
                - Sebelum disimpan, semua jawaban ditampilkan: ketik ya untuk menyimpan, nama kolom untuk mengubahnya (mis. nik, pengalaman[1].mulai, atau pengalaman untuk mengisi ulang seluruh barisnya), atau batal. `!batal` di pertanyaan mana pun berhenti tanpa menyimpan.
                - Masukan yang berakhir sebelum isian dikonfirmasi (Ctrl-D) tidak menulis apa pun (kode 2).
                - Lampiran: jalur berkas relatif terhadap folder kerja; yang ditulis adalah jalur lengkapnya.
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Id formulir.") var form: String
        @Option(help: "Tulis isian ke berkas ini (hanya bila isian sah dan dikonfirmasi).") var out: String?
        @Flag(help: "Isi juga kolom yang diisi penilai.") var rater = false

        func run() throws {
            let lang = options.lang
            let engine = try options.openEngine()
            let f = try report(lang) { try engine.currentForm(form) }
            let reference = try referenceTables(engine, lang)
            if let out { try report(lang) { try checkFolder(of: out) } }
            var prompter = FormPrompter(
                form: f, reference: reference, language: lang, today: try options.timestamp().date, rater: rater)
            let answers: [String: Value]
            do {
                answers = try prompter.run()
            } catch let stop as FillStop {
                standardError(stop.message(lang))
                throw ExitCode(2)
            }
            let json = Value.record(answers).canonicalJSON
            guard let out else { return print(json) }
            try report(lang) {
                do { try Data((json + "\n").utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                    throw EngineError.input(
                        lang == .en
                            ? "cannot write \(out): \(error.localizedDescription)"
                            : "tidak dapat menulis \(out): \(error.localizedDescription)")
                }
            }
            print(lang == .en ? "answers written to \(out)" : "isian ditulis ke \(out)")
        }

        /// Refuses a missing folder before the questions, not after them.
        private func checkFolder(of path: String) throws {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                throw EngineError.input(
                    options.lang == .en
                        ? "--out \(path): no folder \(folder)" : "--out \(path): folder \(folder) tidak ada")
            }
        }
    }
}

/// The seed's reference tables, which constraints and calculations read with `lookup()`.
private func referenceTables(_ engine: Engine, _ language: Language) throws -> ReferenceTables {
    try report(language) {
        do { return try engine.referenceTables() } catch let e as EngineError { throw e } catch {
            throw EngineError.input("\(error)", en: "\(error)")
        }
    }
}

private func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

enum FormPrinter {
    static func line(_ field: FieldDefinition, form: FormDefinition, indent: String, language: Language) -> String {
        let en = language == .en
        var parts = ["\(indent)\(field.id): \(field.label.text(language)) — \(field.type.rawValue)"]
        if field.required { parts.append(en ? "required" : "wajib") }
        if field.filledBy == .rater { parts.append(en ? "filled by a rater" : "diisi penilai") }
        if let c = field.calculate { parts.append((en ? "calculated: " : "dihitung: ") + c.source) }
        if let r = field.relevant { parts.append((en ? "shown when: " : "tampil bila: ") + r.source) }
        if let list = field.choices.flatMap({ form.choiceLists[$0] }) {
            parts.append((en ? "choices: " : "pilihan: ") + list.choices.map(\.value).joined(separator: "/"))
        }
        for c in field.constraints { parts.append((en ? "rule: " : "syarat: ") + c.message.text(language)) }
        return parts.joined(separator: "; ")
    }
}
