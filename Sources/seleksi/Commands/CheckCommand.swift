import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiEngine

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Periksa definisi alur dan formulir: skema XML, lalu aturan (id, status, peran, ungkapan, tabel seed).",
        discussion: """
        Tanpa PATH memeriksa forms/ dan workflows/ di folder ini, dengan tabel seed/ untuk lookup() dan kalender.
        Satu berkas yang rusak tidak menyembunyikan kesalahan berkas lain; berkas yang melanggar skema tetap diperiksa
        aturannya. Keluar 2 bila ada kesalahan, tiap kesalahan dengan berkas:baris. Pesan dalam bahasa --lang (id atau en).
        """)

    @Argument(help: "Berkas atau folder yang diperiksa.")
    var paths: [String] = []

    @Option(help: ArgumentHelp("Folder seed untuk memeriksa lookup() dan kalender (bawaan: ./seed).", valueName: "FOLDER"))
    var seed: String?

    @Flag(help: "Keluaran JSON.")
    var json = false

    @Option(name: .long, help: "Bahasa pesan: id atau en.")
    var lang: Language = .id

    func run() throws {
        let set = DefinitionFiles.load(paths: paths, seed: seed)
        if json {
            printJSON(.record([
                "files": .number(Double(set.fileCount)), "forms": .number(Double(set.forms.count)),
                "workflows": .number(Double(set.workflows.count)),
                "errors": .list(set.diagnostics.map {
                    .record(["file": .string($0.file), "line": .number(Double($0.line)), "severity": .string($0.severity.rawValue),
                             "message": .string($0.text(lang))])
                }),
            ]))
        } else {
            for d in set.diagnostics { FileHandle.standardError.write(Data((d.description(lang) + "\n").utf8)) }
        }
        if !set.errors.isEmpty {
            if !json {
                let line = lang == .en ? "\(set.errors.count) error(s) in \(set.fileCount) file(s)"
                    : "\(set.errors.count) kesalahan dalam \(set.fileCount) berkas"
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            throw ExitCode(2)
        }
        if !json {
            print(lang == .en
                ? "ok: \(set.fileCount) files — \(set.workflows.count) workflows, \(set.forms.count) forms, no errors"
                : "ok: \(set.fileCount) berkas — \(set.workflows.count) alur, \(set.forms.count) formulir, tanpa kesalahan")
        }
    }
}
