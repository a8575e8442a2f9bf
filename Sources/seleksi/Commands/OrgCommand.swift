import ArgumentParser
import SeleksiEngine

struct OrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org",
        abstract: "Organisasi (UPT, SKB di bawahnya). Setiap perubahan tercatat di log audit; lingkaran induk ditolak.",
        subcommands: [Add.self, Update.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "Daftarkan organisasi baru. Contoh: seleksi org add skb-2 --name \"SKB Kota\" --kind skb --parent upt-demo")
        @OptionGroup var options: DatabaseOptions
        @Argument var id: String
        @Option var name: String
        @Option var kind: String = ""
        @Option var parent: String?
        @Option(name: .customLong("as"), help: "Pelaku yang mencatat perubahan (bawaan: akun sistem).") var by: String?
        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) {
                try engine.addOrganisation(id: id, name: name, kind: kind, parent: parent, actor: by, now: try options.timestamp())
            }
            say(options.t("organisasi \(id) terdaftar: \(name)", "organisation \(id) registered: \(name)"))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", 
            abstract: "Ubah nama, jenis atau induk organisasi. Contoh: seleksi org update skb-2 --parent upt-lain")
        @OptionGroup var options: DatabaseOptions
        @Argument var id: String
        @Option var name: String?
        @Option var kind: String?
        @Option(help: "Induk baru; kosong (\"\") menjadikannya puncak.") var parent: String?
        @Option(name: .customLong("as"), help: "Pelaku yang mencatat perubahan (bawaan: akun sistem).") var by: String?
        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) {
                try engine.updateOrganisation(id: id, name: name, kind: kind, parent: parent.map { $0.isEmpty ? nil : $0 }, actor: by,
                                              now: try options.timestamp())
            }
            say(options.t("organisasi \(id) diubah", "organisation \(id) changed"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Daftar organisasi.")
        @OptionGroup var options: DatabaseOptions
        func run() throws {
            let engine = try options.openEngine()
            let orgs = try report(options.lang) { try engine.organisations() }
            if options.json {
                printJSON(.list(orgs.map { .record(["id": .string($0.id), "name": .string($0.name), "kind": .string($0.kind),
                                                    "parent": $0.parent.map { .string($0) } ?? .null]) }))
                return
            }
            for o in orgs { say("\(o.id)\t\(o.kind)\t\(o.name)" + (o.parent.map { options.t("\tinduk \($0)", "\tparent \($0)") } ?? "")) }
        }
    }
}
