import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Mulai instans baru sebuah alur (mis. lamaran, putaran seleksi).",
        discussion: """
        Contoh: seleksi start demo_pelamar --org skb-demo --as pelamar1 --parent 1

        --var NAMA=NILAI memberi variabel alur nilai awalnya (JSON, mis. '["org-a","org-b"]', atau teks):
          seleksi start pks --org dinas-a --as operator1 --var 'pihak=["bpmp-b"]'
        """)

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Id alur, mis. demo_pelamar.") var workflow: String
    @Option(help: "Organisasi pemilik instans (UPT atau SKB).") var org: String
    @Option(help: "Instans induk (mis. putaran seleksi).") var parent: Int64?
    @Option(name: .customLong("var"), help: ArgumentHelp("Nilai awal variabel: NAMA=NILAI (JSON atau teks; boleh berulang).",
                                                         valueName: "NAMA=NILAI"))
    var variables: [String] = []

    func run() throws {
        let engine = try options.openEngine()
        let signer = try actorOptions.signer(options.lang)
        let record = try report(options.lang) {
            try engine.start(workflow: workflow, org: org, actor: actorOptions.actor, parent: parent, signer: signer,
                             variables: try parseVariables(variables), now: try options.timestamp())
        }
        if options.json {
            printJSON(.record(["id": .number(Double(record.id)), "workflow": .string(record.workflowID), "state": .string(record.state)]))
        } else {
            say("\(engine.describeBriefly(record.id)) \(record.workflowID): \(options.t("status", "state")) \(record.state)")
        }
    }
}

/// `NAME=VALUE` pairs: the value read as JSON when it is JSON (`["a","b"]`, `12`, `true`), else as text.
func parseVariables(_ pairs: [String]) throws -> [String: Value] {
    var out: [String: Value] = [:]
    for pair in pairs {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw EngineError.input("--var '\(pair)': tulis NAMA=NILAI, mis. --var 'pihak=[\"org-b\"]'",
                                    en: "--var '\(pair)': write NAME=VALUE, e.g. --var 'pihak=[\"org-b\"]'")
        }
        guard out[parts[0]] == nil else {
            throw EngineError.input("--var \(parts[0]) diberikan dua kali", en: "--var \(parts[0]) is given twice")
        }
        out[parts[0]] = (try? Value(json: parts[1])) ?? .string(parts[1])
    }
    return out
}
