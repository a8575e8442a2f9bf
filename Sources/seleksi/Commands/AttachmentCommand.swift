import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiEngine

struct AttachmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachment",
        abstract: "Lampiran sebagai bukti: daftar, periksa terhadap salinan yang disimpan, dan ambil aslinya.",
        discussion: "Saat formulir diserahkan, Seleksi membaca berkas lampiran sendiri, menghitung SHA-256-nya (sama dengan sha256sum) dan menyimpan salinannya di basis data. Berkas yang kemudian ditukar terlihat di sini, dan aslinya tetap dapat diambil.",
        subcommands: [List.self, Export.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Lampiran sebuah instans: ukuran, SHA-256, salinan tersimpan, dan berkas di disk sekarang.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Nomor instans.") var instance: Int64
        @Option(help: "Folder tempat jalur lampiran dibaca (bawaan: folder ini).") var attachments: String?

        func run() throws {
            let engine = try options.openEngine()
            if let attachments { engine.attachments = Attachments(folder: attachments) }
            let list = try report(options.lang) { try engine.attachments(of: instance) }
            if options.json {
                printJSON(.list(list.map {
                    .record(["form": .string($0.form), "field": .string($0.field), "name": .string($0.name), "sha256": .string($0.sha256),
                             "size": .number(Double($0.size)), "kept": .bool($0.kept), "on_disk": .string($0.onDisk.rawValue)])
                }))
                return
            }
            if list.isEmpty { print("(tidak ada lampiran)") }
            for a in list {
                let disk = ["same": "berkas di disk sama", "changed": "BERKAS DI DISK BERUBAH sejak diserahkan",
                            "missing": "berkas tidak ada di disk"][a.onDisk.rawValue] ?? a.onDisk.rawValue
                say("\(a.form).\(a.field)\t\(a.name)\t\(ByteCount.text(a.size))\tsha256 \(a.sha256)\t"
                    + (a.kept ? "salinan tersimpan utuh" : "SALINAN TIDAK UTUH") + "\t\(disk)")
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Tulis salinan asli sebuah lampiran (menurut SHA-256-nya) ke berkas baru.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "SHA-256 lampiran (dari `seleksi attachment list`).") var sha256: String
        @Option(help: "Berkas baru (tidak menimpa yang ada).") var out: String

        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) {
                guard let bytes = try engine.attachmentBytes(sha256: sha256) else {
                    throw EngineError.input("tidak ada salinan utuh lampiran \(sha256.prefix(16))… di basis data")
                }
                try OutputFile.writeNew(out, bytes)
            }
            say("lampiran \(sha256.prefix(16))… ditulis ke \(out)")
        }
    }
}
