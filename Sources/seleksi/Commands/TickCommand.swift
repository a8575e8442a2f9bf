import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tick",
        abstract: "Jalankan pewaktu yang jatuh tempo pada --now (tenggat pendaftaran, kedaluwarsa draf).",
        discussion: "Jalankan berkala (mis. dari cron). Contoh: seleksi tick --now 2019-08-01T00:00")

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let engine = try options.openEngine()
        let tickReport = try report(options.lang) { try engine.tick(now: try options.timestamp()) }
        if options.json {
            printJSON(.record([
                "fired": .list(tickReport.fired.map { r in
                    if case .moved(let from, let to) = r.kind { return .record(["instance": .number(Double(r.instance)), "event": .string(r.event), "from": .string(from), "to": .string(to)]) }
                    return .record(["instance": .number(Double(r.instance)), "event": .string(r.event)])
                }),
                "refused": .list(tickReport.refused.map { .record(["instance": .number(Double($0.instance)), "event": .string($0.event), "message": .string($0.message)]) }),
            ]))
            return
        }
        for r in tickReport.fired {
            if case .moved(let from, let to) = r.kind { print("#\(r.instance) \(r.event): \(from) → \(to)") }
        }
        for r in tickReport.refused { say("#\(r.instance) \(r.event): \(r.message)") }
        print(options.t("\(tickReport.fired.count) pewaktu dijalankan, \(tickReport.refused.count) ditolak",
                        "\(tickReport.fired.count) timers fired, \(tickReport.refused.count) refused"))
    }
}
