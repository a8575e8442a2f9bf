import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Serahkan isian formulir (JSON) untuk sebuah instans tanpa memicu peristiwa.",
        discussion: "Isian diperiksa lengkap; bila ada kesalahan semuanya dicetak (jalur kolom dan pesan) dan tidak ada yang disimpan. Contoh: seleksi submit 2 demo_pendaftaran isian.json --as pelamar1")

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Argument(help: "Id formulir.") var form: String
    @Argument(help: "Berkas JSON isian, atau - untuk masukan standar.") var file: String
    @Option(name: .customLong("as"), help: "Pelaku yang menyerahkan.") var actor: String

    func run() throws {
        let engine = try options.openEngine()
        let hash = try report(options.lang) {
            try engine.submit(instance: instance, form: form, answers: try readAnswers(file), actor: actor, now: try options.timestamp())
        }
        if options.json { printJSON(.record(["instance": .number(Double(instance)), "form": .string(form), "sha256": .string(hash)])) } else {
            print("#\(instance): \(form) diterima (sha256 \(hash.prefix(16))…)")
        }
    }
}
