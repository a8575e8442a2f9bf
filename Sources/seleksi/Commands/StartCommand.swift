import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Mulai instans baru sebuah alur (mis. lamaran, putaran seleksi).",
        discussion: "Contoh: seleksi start demo_pelamar --org skb-demo --as pelamar1 --parent 1")

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Id alur, mis. demo_pelamar.") var workflow: String
    @Option(help: "Organisasi pemilik instans (UPT atau SKB).") var org: String
    @Option(name: .customLong("as"), help: "Pelaku yang memulai (menjadi pemilik).") var actor: String
    @Option(help: "Instans induk (mis. putaran seleksi).") var parent: Int64?

    func run() throws {
        let engine = try options.openEngine()
        let record = try report(options.lang) { try engine.start(workflow: workflow, org: org, actor: actor, parent: parent, now: try options.timestamp()) }
        if options.json {
            printJSON(.record(["id": .number(Double(record.id)), "workflow": .string(record.workflowID), "state": .string(record.state)]))
        } else {
            print("#\(record.id) \(record.workflowID): status \(record.state)")
        }
    }
}
