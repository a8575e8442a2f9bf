import ArgumentParser
import Foundation
import SeleksiEngine

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Buat atau perbarui basis data: skema, definisi (forms/, workflows/) dan seed/.",
        discussion: """
        Definisi dibaca dari folder proyek (--root, SELEKSI_ROOT, folder kerja bila berisi forms/ dan workflows/, atau folder tempat seleksi dibangun) dan disimpan di basis data: perintah lain membacanya dari sana dan dapat dijalankan dari folder mana pun. Definisi yang salah menolak seluruh muatan; tidak ada yang ditulis. Menjalankan ulang aman: hanya yang berubah yang dicatat, instans lama tetap memakai versi definisi awalnya. Setiap perubahan tercatat di log audit. Berkas SQLite milik aplikasi lain ditolak tanpa diubah.

        --simulation membuat basis data yang menerima --now (latihan, uji, demo); ditetapkan saat dibuat. --identity strict mewajibkan --as sesuai akun sistem yang terikat ke pelaku, atau perintah bertanda tangan.
        """)

    @OptionGroup var options: DatabaseOptions

    @OptionGroup var project: RootOption

    @Option(help: ArgumentHelp("Folder data seed (bawaan ROOT/seed).", valueName: "FOLDER"))
    var seed: String?

    @Flag(help: "Basis data simulasi: menerima --now pada setiap perintah (hanya saat dibuat).")
    var simulation = false

    @Option(help: "Aturan identitas untuk --as: claimed (akun sistem yang menjalankan menjamin) atau strict.")
    var identity: IdentityMode = .claimed

    func run() throws {
        let root = try project.require(seed == nil ? ["forms", "workflows", "seed"] : ["forms", "workflows"], options.lang).path
        let seedFolder = seed ?? (root as NSString).appendingPathComponent("seed")
        let path = try options.path
        let (_, summary) = try report(options.lang) {
            try Engine.initialise(path: path, root: root, seedPath: seedFolder,
                                  options: .init(simulation: simulation, identity: identity), now: try options.timestamp())
        }
        if options.json {
            printJSON(.record(["db": .string(path), "forms": .number(Double(summary.forms)), "workflows": .number(Double(summary.workflows)),
                               "new_definitions": .number(Double(summary.newDefinitions)), "organisations": .number(Double(summary.organisations)),
                               "actors": .number(Double(summary.actors)), "simulation": .bool(simulation)]))
        } else {
            say(options.t("\(path): \(summary.workflows) alur, \(summary.forms) formulir (\(summary.newDefinitions) versi baru), "
                          + "\(summary.organisations) organisasi, \(summary.actors) pelaku" + (simulation ? " — basis data simulasi" : ""),
                          "\(path): \(summary.workflows) workflows, \(summary.forms) forms (\(summary.newDefinitions) new versions), "
                          + "\(summary.organisations) organisations, \(summary.actors) actors" + (simulation ? " — a simulation database" : "")))
        }
    }
}

extension IdentityMode: ExpressibleByArgument {}
