import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiEngine

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Periksa definisi alur dan formulir: skema XML, lalu aturan (id, status, peran, ungkapan).",
        discussion: "Tanpa PATH memeriksa forms/ dan workflows/ di folder ini. Keluar 2 bila ada kesalahan, tiap kesalahan dengan berkas:baris.")

    @Argument(help: "Berkas atau folder yang diperiksa.")
    var paths: [String] = []

    @Flag(help: "Keluaran JSON.")
    var json = false

    func run() throws {
        let set = DefinitionFiles.load(paths: paths)
        if json {
            printJSON(.record([
                "files": .number(Double(set.fileCount)), "forms": .number(Double(set.forms.count)), "workflows": .number(Double(set.workflows.count)),
                "errors": .list(set.diagnostics.map { .record(["file": .string($0.file), "line": .number(Double($0.line)), "severity": .string($0.severity.rawValue), "message": .string($0.message)]) }),
            ]))
        } else {
            for d in set.diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
        }
        if !set.errors.isEmpty {
            if !json { FileHandle.standardError.write(Data("\(set.errors.count) kesalahan dalam \(set.fileCount) berkas\n".utf8)) }
            throw ExitCode(2)
        }
        if !json { print("ok: \(set.fileCount) berkas — \(set.workflows.count) alur, \(set.forms.count) formulir, tanpa kesalahan") }
    }
}
