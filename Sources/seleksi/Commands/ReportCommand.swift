import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiEngine

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Laporan putaran: kuota dan hasil per SKB/program, keputusan verifikasi, sebaran skor dan kesepakatan penilai, lama tiap tahap.")

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Nomor instans putaran (induk).") var round: Int64

    func run() throws {
        let engine = try options.openEngine()
        let r = try report(options.lang) { try engine.report(round: round) }
        guard options.json else { print(r.markdown, terminator: ""); return }
        printJSON(.record([
            "round": .number(Double(r.instance)),
            "states": .record(Dictionary(uniqueKeysWithValues: r.states.map { ($0.state, Value.number(Double($0.count))) })),
            "groups": .list(r.groups.map { .record(["key": .string($0.key), "quota": .number(Double($0.quota)), "states": .record($0.byState.mapValues { .number(Double($0)) })]) }),
            "decisions": .list(r.decisions.map { .record(["name": .string($0.name), "value": .string($0.value), "count": .number(Double($0.count)), "with_reason": .number(Double($0.withReason))]) }),
            "scores": .list(r.scores.map { .record(["form": .string($0.form), "field": .string($0.field), "ratings": .number(Double($0.ratings)), "min": .number($0.minimum),
                                                    "mean": .number($0.mean), "median": .number($0.median), "max": .number($0.maximum), "alpha": $0.alpha.map(Value.number) ?? .null]) }),
            "stages": .list(r.stages.map { .record(["state": .string($0.state), "instances": .number(Double($0.instances)), "mean_hours": .number($0.meanHours), "median_hours": .number($0.medianHours)]) }),
        ]))
    }
}
