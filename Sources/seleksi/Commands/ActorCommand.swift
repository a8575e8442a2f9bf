import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct ActorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actor",
        abstract: "Pelaku dan perannya di organisasi.",
        subcommands: [Add.self, Grant.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Daftarkan pelaku. Contoh: seleksi actor add penilai4 --name \"Nama\" --nip 1980…")
        @OptionGroup var options: DatabaseOptions
        @Argument var id: String
        @Option var name: String
        @Option var nip: String?
        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) { try engine.addActor(id: id, name: name, nip: nip) }
            print("pelaku \(id) terdaftar")
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Beri peran di organisasi. Contoh: seleksi actor grant penilai4 penilai --org upt-demo")
        @OptionGroup var options: DatabaseOptions
        @Argument var actor: String
        @Argument var role: String
        @Option var org: String
        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) { try engine.grant(actor: actor, role: role, org: org) }
            print("\(actor): \(role)@\(org)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Daftar pelaku dan perannya.")
        @OptionGroup var options: DatabaseOptions
        func run() throws {
            let engine = try options.openEngine()
            let actors = try report(options.lang) { try engine.actors() }
            if options.json {
                printJSON(.list(actors.map { .record(["id": .string($0.id), "name": .string($0.name), "nip": $0.nip.map(Value.string) ?? .null,
                                                      "roles": .list($0.grants.map { .string("\($0.role)@\($0.org)") })]) }))
                return
            }
            for a in actors { print("\(a.id)\t\(a.name)\t\(a.grants.map { "\($0.role)@\($0.org)" }.joined(separator: " "))") }
        }
    }
}
