import ArgumentParser
import Foundation
import SeleksiEngine

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Buat atau perbarui basis data: skema, definisi (forms/, workflows/) dan seed/.",
        discussion: "Definisi yang salah menolak seluruh muatan; tidak ada yang ditulis. Menjalankan ulang aman: definisi disimpan menurut hash isinya, instans lama tetap memakai versi awalnya.")

    @OptionGroup var options: DatabaseOptions

    @Option(help: "Folder proyek yang berisi forms/, workflows/ dan seed/.")
    var root: String = FileManager.default.currentDirectoryPath

    @Option(help: "Folder data seed (bawaan ROOT/seed).")
    var seed: String?

    func run() throws {
        let seedFolder = seed ?? (root as NSString).appendingPathComponent("seed")
        let (_, summary) = try report(options.lang) {
            try Engine.initialise(path: options.path, root: root, seedPath: seedFolder, now: try options.timestamp())
        }
        if options.json {
            printJSON(.record(["db": .string(options.path), "forms": .number(Double(summary.forms)), "workflows": .number(Double(summary.workflows)),
                               "new_definitions": .number(Double(summary.newDefinitions)), "organisations": .number(Double(summary.organisations)),
                               "actors": .number(Double(summary.actors))]))
        } else {
            print("\(options.path): \(summary.workflows) alur, \(summary.forms) formulir (\(summary.newDefinitions) versi baru), \(summary.organisations) organisasi, \(summary.actors) pelaku")
        }
    }
}
