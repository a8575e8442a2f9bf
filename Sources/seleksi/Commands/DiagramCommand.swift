import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiEngine

struct DiagramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagram",
        abstract: "Gambar mesin status sebuah alur sebagai Mermaid atau Graphviz DOT.",
        discussion: """
            Status (dengan label, pewaktu dan pemungutan suara), peralihan (peristiwa, peran, syarat, formulir; peralihan otomatis ditandai). Dibaca dari workflows/ di folder ini (atau --definitions), tanpa basis data.

            Contoh:
              seleksi diagram tb_pelamar                          Mermaid ke keluaran standar
              seleksi diagram tb_putaran --format dot --out putaran.dot && dot -Tpng putaran.dot -o putaran.png
            """)

    @Argument(help: "Id alur, mis. tb_pelamar.") var workflow: String
    @Option(help: "mermaid (bawaan) atau dot.") var format: WorkflowDiagram.Format = .mermaid
    @Option(help: ArgumentHelp("Tulis ke berkas ini, bukan keluaran standar.", valueName: "BERKAS")) var out: String?
    @Option(
        help: ArgumentHelp("Folder atau berkas definisi (bawaan: forms/ dan workflows/ di sini).", valueName: "PATH"))
    var definitions: [String] = []
    @Option(name: .long, help: "Bahasa label: id atau en.") var lang: Language = .id

    func run() throws {
        let set = DefinitionFiles.load(paths: definitions)
        guard let w = set.workflows.first(where: { $0.id == workflow }) else {
            let known = set.workflows.map(\.id).sorted().joined(separator: ", ")
            fail(lang, "tidak ada alur '\(workflow)'; alur: \(known)", "no workflow '\(workflow)'; workflows: \(known)")
            throw ExitCode(2)
        }
        let text = WorkflowDiagram.render(w, format: format, language: lang)
        guard let out else { return print(text, terminator: "") }
        do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
            fail(
                lang, "tidak dapat menulis \(out): \(error.localizedDescription)",
                "cannot write \(out): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}

extension WorkflowDiagram.Format: ExpressibleByArgument {}
