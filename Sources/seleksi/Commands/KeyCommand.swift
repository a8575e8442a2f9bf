import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Kunci Ed25519: untuk pelaku (menandatangani perintah) atau instalasi (menandatangani checkpoint audit).",
        subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "generate", 
            abstract: "Buat kunci baru di berkas yang hanya dapat dibaca pemiliknya; cetak kunci publiknya.",
            discussion: """
            Simpan berkas kunci di tempat yang tidak dapat dijangkau pemegang berkas basis data. Lalu daftarkan kunci pelaku, atau pakai kunci instalasi untuk checkpoint:

              seleksi actor key penilai1 --public-key HEX
              seleksi audit checkpoint --key instalasi.key --out checkpoint-2019-07.txt
            """)
        @Option(help: "Berkas kunci baru (tidak menimpa berkas yang ada).") var out: String
        @Option(help: "Bahasa pesan: id atau en.") var lang: Language = .id
        func run() throws {
            let key = try report(lang) { try SigningKey.generate(writingTo: out) }
            print(lang == .en ? "key saved in \(out) (mode 0600)\npublic key: \(key.publicKeyHex)"
                              : "kunci disimpan di \(out) (mode 0600)\nkunci publik: \(key.publicKeyHex)")
        }
    }
}
