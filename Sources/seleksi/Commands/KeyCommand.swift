import ArgumentParser
import SeleksiEngine

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Kunci Ed25519: untuk pelaku (menandatangani perintah) atau instalasi (menandatangani checkpoint audit).",
        subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Buat kunci baru di berkas yang hanya dapat dibaca pemiliknya; cetak kunci publiknya.",
            discussion: """
            Simpan berkas kunci di tempat yang tidak dapat dijangkau pemegang berkas basis data. Lalu:
              seleksi actor key penilai1 --public-key HEX      (kunci pelaku)
              seleksi audit checkpoint --key instalasi.key --out checkpoint-2019-07.txt   (kunci instalasi)
            """)
        @Option(help: "Berkas kunci baru (tidak menimpa berkas yang ada).") var out: String
        func run() throws {
            let key = try report(.id) { try SigningKey.generate(writingTo: out) }
            print("kunci disimpan di \(out) (mode 0600)\nkunci publik: \(key.publicKeyHex)")
        }
    }
}
