import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiEngine

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Laporan putaran: pelamar per status dan per SKB, corong seleksi, kuota terisi, sebaran skor per program, lama tiap tahap.",
        discussion: """
            Laporan dibaca dari basis data dan log audit, sebagaimana bagian <report> alur induk menetapkannya: SKB, program dan status ditulis dengan labelnya; pelamar dihitung terpisah dari anak lain putaran (usulan SKB); jumlah per status, per SKB dan tahap pertama corong sama.

            Format md (bawaan, ke layar) berisi tabel; html satu halaman mandiri berisi grafik SVG (tanpa JavaScript) yang dapat dicetak A4; json untuk skrip. Laporan tidak memuat data pribadi: tidak ada nama, NIK, alamat, telepon atau rekening pelamar.

            Contoh: seleksi report 1 --format html --out laporan.html
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Nomor instans putaran (induk).") var round: Int64
    @Option(help: "Bentuk laporan: md, html atau json (--json sama dengan --format json).") var format: Format?
    @Option(help: ArgumentHelp("Tulis laporan ke berkas ini, bukan ke layar.", valueName: "BERKAS")) var out: String?
    @Flag(help: "Ganti berkas --out yang sudah ada.") var replace = false

    func run() throws {
        try options.reading(run)
    }

    private func run(_ engine: Engine) throws {
        let lang = options.lang
        let now = try options.timestamp()
        let r = try report(lang) { try engine.report(round: round, now: now) }
        let chosen = format ?? (options.json ? .json : .md)
        let text: String
        switch chosen {
        case .md: text = r.markdown(lang)
        case .html: text = r.html(lang)
        case .json: text = r.json(lang).canonicalJSON + "\n"
        }
        guard let out else { return print(text, terminator: "") }
        try report(lang) { try ReportFile.write(text, to: out, replace: replace, language: lang) }
        say(lang == .en ? "report written to \(out)" : "laporan ditulis ke \(out)")
    }
}

/// Writes a report file: refuses to replace one without `--replace`, and a missing folder.
enum ReportFile {
    static func write(_ text: String, to path: String, replace: Bool, language: Language) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw EngineError.input(
                    language == .en
                        ? "--out \(path) is a folder; give a file name"
                        : "--out \(path) adalah folder; beri nama berkas")
            }
            if !replace {
                throw EngineError.input(
                    language == .en
                        ? "\(path) exists; add --replace to replace it"
                        : "\(path) sudah ada; tambahkan --replace untuk menggantinya")
            }
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw EngineError.input(
                language == .en
                    ? "cannot write \(path): \(error.localizedDescription)"
                    : "tidak dapat menulis \(path): \(error.localizedDescription)")
        }
    }
}
