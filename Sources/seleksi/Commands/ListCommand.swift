import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Daftar instans, disaring menurut alur, status atau induk; --counts untuk jumlah per status.")

    @OptionGroup var options: DatabaseOptions
    @Option(help: "Hanya alur ini.") var workflow: String?
    @Option(help: "Hanya status ini.") var state: String?
    @Option(help: "Hanya anak dari instans ini.") var parent: Int64?
    @Option(help: "Paling banyak sekian baris.") var limit = 1000
    @Flag(help: "Jumlah instans per alur dan status.") var counts = false

    func run() throws {
        let engine = try options.openEngine()
        if counts {
            let rows = try report(options.lang) { try engine.counts() }
            if options.json {
                printJSON(.list(rows.map { .record(["workflow": .string($0.workflow), "state": .string($0.state), "count": .number(Double($0.count))]) }))
            } else {
                for r in rows { print("\(r.workflow)\t\(r.state)\t\(r.count)") }
            }
            return
        }
        let rows = try report(options.lang) { try engine.list(workflow: workflow, state: state, parent: parent, limit: limit + 1) }
        let truncated = rows.count > limit
        let shown = Array(rows.prefix(limit))
        if options.json {
            printJSON(.list(shown.map {
                .record(["id": .number(Double($0.id)), "workflow": .string($0.workflow), "state": .string($0.state), "org": .string($0.org),
                         "owner": .string($0.owner), "parent": $0.parent.map { .number(Double($0)) } ?? .null, "updated_at": .string(dateTime($0.updatedAt))])
            }))
        } else {
            for r in shown { print("#\(r.id)\t\(r.workflow)\t\(r.state)\t\(r.org)\t\(r.owner)" + (r.parent.map { "\tinduk #\($0)" } ?? "")) }
            if rows.isEmpty { print("(tidak ada instans)") }
            if truncated { print("(hanya \(limit) pertama; pakai --limit untuk lebih, atau --counts untuk jumlah)") }
        }
    }
}
