import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Mulai instans baru sebuah alur (mis. lamaran, putaran seleksi).",
        discussion: "Contoh: seleksi start demo_pelamar --org skb-demo --as pelamar1 --parent 1")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Id alur, mis. demo_pelamar.") var workflow: String
    @Option(help: "Organisasi pemilik instans (UPT atau SKB).") var org: String
    @Option(help: "Instans induk (mis. putaran seleksi).") var parent: Int64?

    func run() throws {
        let engine = try options.openEngine()
        let signer = try actorOptions.signer(options.lang)
        let record = try report(options.lang) {
            try engine.start(workflow: workflow, org: org, actor: actorOptions.actor, parent: parent, signer: signer, now: try options.timestamp())
        }
        if options.json {
            printJSON(.record(["id": .number(Double(record.id)), "workflow": .string(record.workflowID), "state": .string(record.state)]))
        } else {
            say("\(engine.describeBriefly(record.id)) \(record.workflowID): \(options.t("status", "state")) \(record.state)")
        }
    }
}
