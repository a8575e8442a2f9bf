import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiDocuments
import SeleksiEngine

struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Dokumen dari keadaan instans: SK, berita acara, pengumuman, perjanjian (Markdown dan HTML siap cetak).",
        discussion: "Setiap dokumen yang dibuat dicatat di log audit beserta SHA-256-nya; keadaan yang sama menghasilkan bita yang sama.\nContoh: seleksi document render 1 tutor_bantu/berita_acara --out dokumen/",
        subcommands: [Render.self, List.self])

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Buat satu dokumen untuk satu instans.")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Nomor instans.") var instance: Int64
        @Argument(help: "Templat, mis. tutor_bantu/berita_acara (lihat `seleksi document list`).") var template: String
        @Option(help: "Folder keluaran.") var out = "."
        @Option(help: "Folder templat.") var templates = "templates"
        @Option(name: .customLong("as"), help: "Pelaku yang membuat dokumen (dicatat di log audit).") var actor = Command.systemActor

        func run() throws {
            let engine = try options.openEngine()
            let rendered = try report(options.lang) {
                try DocumentRenderer(templatesFolder: templates).render(template, instance: instance, engine: engine, outputFolder: out,
                                                                        actor: actor, now: try options.timestamp())
            }
            if options.json {
                printJSON(.record(["markdown": .string(rendered.markdownPath), "html": .string(rendered.htmlPath), "sha256": .string(rendered.sha256)]))
            } else {
                print("\(rendered.htmlPath)\n\(rendered.markdownPath)\nsha256 \(rendered.sha256)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Daftar templat dokumen.")
        @Option(help: "Folder templat.") var templates = "templates"
        func run() { for t in DocumentRenderer(templatesFolder: templates).templates() { print(t) } }
    }
}
