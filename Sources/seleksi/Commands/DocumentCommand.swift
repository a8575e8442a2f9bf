import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiDocuments
import SeleksiEngine

struct DocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract:
            "Dokumen dari keadaan instans: SK, berita acara, pengumuman, perjanjian (Markdown dan HTML siap cetak).",
        discussion: """
            Setiap dokumen yang dibuat dicatat di log audit beserta SHA-256-nya; keadaan yang sama menghasilkan bita yang sama. Berkas bernama <templat>-<instans>.md/.html (dan .pdf dengan --pdf), hanya dapat dibaca pemiliknya (0600). Templat dibaca dari --templates, atau templates/ folder proyek (--root, SELEKSI_ROOT).

            Contoh: seleksi document render 1 tutor_bantu/berita_acara --out dokumen/
            """,
        subcommands: [Render.self, List.self])

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "render", 
            abstract: "Buat satu dokumen untuk satu instans.",
            discussion: """
                Ditolak (kode keluar 1) bila instans belum memiliki data dokumen itu: pesan menyebut data yang kurang dan tahap yang harus dicapai. Berkas dokumen yang sudah ada di --out tidak ditimpa tanpa --replace (kode keluar 2).
                """)
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Nomor instans.") var instance: Int64
        @Argument(help: "Templat, mis. tutor_bantu/berita_acara (lihat `seleksi document list`).") var template: String
        @Option(help: "Folder keluaran.") var out = "."
        @Option(help: ArgumentHelp("Folder templat (bawaan ROOT/templates).", valueName: "FOLDER")) var templates: String?
        @OptionGroup var project: RootOption
        @Option(name: .customLong("as"), help: "Pelaku yang membuat dokumen (dicatat di log audit).")
        var actor = Command.systemActor
        @Flag(help: "Ganti berkas dokumen yang sama yang sudah ada di --out.") var replace = false
        @Flag(help: "Cetak juga PDF A4 dengan Chromium headless (chromium atau chromium-headless-shell di PATH).")
        var pdf = false

        func run() throws {
            let engine = try options.openEngine()
            let folder = try templates ?? project.require(["templates"], options.lang).folder("templates")
            let rendered = try document {
                try DocumentRenderer(templatesFolder: folder).render(
                    template, instance: instance, engine: engine, outputFolder: out, replace: replace,
                    pdf: pdf ? try PDFPrinter.require() : nil, actor: actor, now: try options.timestamp())
            }
            if options.json {
                var out: [String: Value] = [
                    "markdown": .string(rendered.markdownPath), "html": .string(rendered.htmlPath),
                    "sha256": .string(rendered.sha256),
                ]
                if let pdf = rendered.pdfPath { out["pdf"] = .string(pdf) }
                printJSON(.record(out))
            } else {
                print(
                    [rendered.htmlPath, rendered.markdownPath, rendered.pdfPath].compactMap { $0 }.joined(
                        separator: "\n"))
                print("sha256 \(rendered.sha256)")
            }
        }

        /// A document error is printed and ends the process with its own exit code; engine errors as usual.
        func document<T>(_ body: () throws -> T) throws -> T {
            do {
                return try report(options.lang, body)
            } catch let e as DocumentError {
                FileHandle.standardError.write(Data((TerminalText.safeLines(e.message(options.lang)) + "\n").utf8))
                throw ExitCode(e.exitCode)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", 
            abstract: "Daftar templat dokumen (*.md.mustache, paling dalam 4 folder).")
        @Option(help: ArgumentHelp("Folder templat (bawaan ROOT/templates).", valueName: "FOLDER")) var templates: String?
        @OptionGroup var project: RootOption
        @Option(help: "Bahasa pesan: id atau en.") var lang: Language = .id

        func run() throws {
            let folder = try templates ?? project.require(["templates"], lang).folder("templates")
            for t in DocumentRenderer(templatesFolder: folder).templates() { say(t) }
        }
    }
}
