import ArgumentParser
import SeleksiEngine

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Organisasi (UPT, SKB di bawahnya).",
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Daftarkan organisasi. Contoh: seleksi org add skb-2 --name \"SKB Kota\" --kind skb --parent upt-demo")
        @OptionGroup var options: DatabaseOptions
        @Argument var id: String
        @Option var name: String
        @Option var kind: String = ""
        @Option var parent: String?
        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) { try engine.addOrganisation(id: id, name: name, kind: kind, parent: parent) }
            print("organisasi \(id) terdaftar")
        }
    }
}
