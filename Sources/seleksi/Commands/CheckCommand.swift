import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiEngine

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Periksa definisi alur dan formulir: skema XML, lalu aturan (id, status, peran, ungkapan, tabel seed).",
        discussion: """
            Tanpa BERKAS memeriksa forms/ dan workflows/ folder proyek (--root, SELEKSI_ROOT, atau folder kerja bila berisi keduanya), dengan tabel seed/ folder itu untuk lookup() dan kalender; di luar folder proyek, memeriksa definisi yang tersimpan di basis data (--db, SELEKSI_DB), yaitu yang dijalankan perintah lain, dengan tabel seed yang tersimpan bersamanya. Satu berkas yang rusak tidak menyembunyikan kesalahan berkas lain; berkas yang melanggar skema tetap diperiksa aturannya. Setiap kesalahan disebut dengan berkas:baris, dalam bahasa Indonesia atau Inggris (--lang en). Keluar 2 bila ada kesalahan.
            """)

    @Argument(help: ArgumentHelp("Berkas atau folder yang diperiksa.", valueName: "BERKAS")) var paths: [String] = []
    @Option(help: ArgumentHelp("Folder seed untuk memeriksa lookup() dan kalender (bawaan: seed/ folder proyek).", valueName: "FOLDER"))
    var seed: String?
    @OptionGroup var project: RootOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = options.lang
        let (set, checked) = try definitions(lang)
        if options.json {
            printJSON(
                .record([
                    "checked": .string(checked),
                    "files": .number(Double(set.fileCount)), "forms": .number(Double(set.forms.count)),
                    "workflows": .number(Double(set.workflows.count)),
                    "errors": .list(
                        set.diagnostics.map {
                            .record([
                                "file": .string($0.file), "line": .number(Double($0.line)),
                                "severity": .string($0.severity.rawValue),
                                "message": .string($0.text.text(lang)),
                            ])
                        }),
                ]))
        } else {
            for d in set.diagnostics {
                FileHandle.standardError.write(Data((TerminalText.safeLines(d.description(lang)) + "\n").utf8))
            }
        }
        if !set.errors.isEmpty {
            if !options.json {
                fail(
                    lang, "\(set.errors.count) kesalahan dalam \(set.fileCount) berkas (\(checked))",
                    "\(set.errors.count) error(s) in \(set.fileCount) file(s) (\(checked))")
            }
            throw ExitCode(2)
        }
        if !options.json {
            say(
                lang == .en
                    ? "ok: \(set.fileCount) files — \(set.workflows.count) workflows, \(set.forms.count) forms, no errors (\(checked))"
                    : "ok: \(set.fileCount) berkas — \(set.workflows.count) alur, \(set.forms.count) formulir, tanpa kesalahan (\(checked))"
            )
        }
    }

    /// The files named, the project folder, or the definitions stored in the database; and what was checked.
    private func definitions(_ lang: Language) throws -> (DefinitionSet, String) {
        let needs = ["forms", "workflows"]
        if !paths.isEmpty {
            // Named files are checked against --seed, else the seed/ of the project folder named or worked in.
            let chosen = project.find(["seed"]).flatMap { $0.source == .executable ? nil : $0 }
            let seedFolder = seed ?? chosen.map { $0.folder("seed") }
            return (DefinitionFiles.load(paths: paths, seed: seedFolder), paths.joined(separator: " "))
        }
        let found = project.find(needs)
        let chosenByUser = found?.source == .option || found?.source == .environment
        if let found, chosenByUser || found.source == .currentFolder {
            let root = try project.require(needs, lang)
            return (DefinitionFiles.load(paths: [], root: root.path, seed: seed), root.path)
        }
        let database = try options.path
        if FileManager.default.fileExists(atPath: database) {
            let engine = try options.openEngine()
            let set = try report(lang) { try engine.storedDefinitions() }
            return (set, lang == .en ? "stored in \(database)" : "tersimpan di \(database)")
        }
        let root = try project.require(needs, lang)
        return (DefinitionFiles.load(paths: [], root: root.path, seed: seed), root.path)
    }
}
