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
        static let configuration = CommandConfiguration(abstract: "Tampilkan kolom-kolom formulir: jenis, wajib, pilihan, syarat.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Id formulir.") var form: String

        func run() throws {
            let engine = try options.openEngine()
            let f = try report(options.lang) { try engine.currentForm(form) }
            let l = options.lang
            print("\(f.title.text(l)) (\(f.id), versi \(f.version))")
            for item in f.items {
                switch item {
                case .field(let field): print(FormPrinter.line(field, form: f, indent: "  ", language: l))
                case .repeatGroup(let g):
                    print("  [\(g.id)] \(g.label.text(l)) — baris \(g.minRows)–\(g.maxRows.map(String.init) ?? "…")")
                    for field in g.fields { print(FormPrinter.line(field, form: f, indent: "      ", language: l)) }
                }
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Periksa berkas isian JSON terhadap formulir tanpa menyimpan apa pun.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Id formulir.") var form: String
        @Argument(help: "Berkas JSON isian, atau -.") var file: String
        @Flag(help: "Periksa sebagai penilai (kolom diisi penilai ikut diperiksa).") var rater = false

        func run() throws {
            let engine = try options.openEngine()
            let f = try report(options.lang) { try engine.currentForm(form) }
            let answers = try report(options.lang) { try readAnswers(file) }
            let outcome = FormValidator(f).validate(answers, filler: rater ? .rater : .applicant, today: try options.timestamp().date,
                                                    resolveAttachment: Engine.attachmentResolver)
            if options.json {
                printJSON(.record(["valid": .bool(outcome.isValid), "data": .record(outcome.data),
                                   "violations": .list(outcome.violations.map { .record(["path": .string($0.path), "message": .string($0.message.text(options.lang))]) })]))
            } else if outcome.isValid {
                print("ok: isian \(file) sah untuk \(f.id)")
            } else {
                for v in outcome.violations { FileHandle.standardError.write(Data("\(file): \(v.path): \(v.message.text(options.lang))\n".utf8)) }
            }
            if !outcome.isValid { throw ExitCode(2) }
        }
    }

    struct Fill: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Isi formulir secara interaktif; setiap jawaban diperiksa dan ditanyakan ulang bila salah.",
            discussion: "Hasilnya JSON (ke --out atau layar), siap untuk `seleksi fire … --form FORM=berkas.json`. Kosongkan jawaban kolom tidak wajib untuk melewatinya.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Id formulir.") var form: String
        @Option(help: "Tulis isian ke berkas ini.") var out: String?
        @Flag(help: "Isi juga kolom yang diisi penilai.") var rater = false

        func run() throws {
            let engine = try options.openEngine()
            let f = try report(options.lang) { try engine.currentForm(form) }
            let today = try options.timestamp().date
            var prompter = FormPrompter(form: f, language: options.lang, today: today, rater: rater)
            let answers = try report(options.lang) { try prompter.run() }
            let json = Value.record(answers).canonicalJSON
            if let out {
                try Data((json + "\n").utf8).write(to: URL(fileURLWithPath: out))
                print("isian ditulis ke \(out)")
            } else {
                print(json)
            }
        }
    }
}

enum FormPrinter {
    static func line(_ field: FieldDefinition, form: FormDefinition, indent: String, language: Language) -> String {
        var parts = ["\(indent)\(field.id): \(field.label.text(language)) — \(field.type.rawValue)"]
        if field.required { parts.append("wajib") }
        if field.filledBy == .rater { parts.append("diisi penilai") }
        if let c = field.calculate { parts.append("dihitung: \(c.source)") }
        if let r = field.relevant { parts.append("tampil bila: \(r.source)") }
        if let list = field.choices.flatMap({ form.choiceLists[$0] }) { parts.append("pilihan: \(list.choices.map(\.value).joined(separator: "/"))") }
        for c in field.constraints { parts.append("syarat: \(c.message.text(language))") }
        return parts.joined(separator: "; ")
    }
}
