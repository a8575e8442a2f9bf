import ArgumentParser
import SeleksiCore
import SeleksiEngine
import SeleksiStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Jejak satu instans dari log audit: siapa, dengan peran apa, kapan, dari status mana ke mana, dan mengapa.")

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Nomor instans.") var instance: Int64

    func run() throws {
        try options.reading(run)
    }

    private func run(_ engine: Engine) throws {
        let rows = try report(options.lang) { try engine.history(instance) }
        if options.json {
            printJSON(.list(rows.map(auditJSON)))
            return
        }
        for r in rows {
            let move = r.to.map { "\(r.from ?? "·") → \($0)" } ?? (r.from ?? "")
            let who = "\(engine.displayName(ofActor: r.actor)) (\(r.actor)\(r.role.map { ", \($0)" } ?? ""))"
            sayColumns(["\(r.seq)", dateTime(r.at), who, "\(r.command) \(r.event ?? "")", move, r.outcome] + (r.reason.map { [$0] } ?? []))
        }
    }
}

func auditJSON(_ r: AuditRecord) -> Value {
    .record([
        "seq": .number(Double(r.seq)), "at": .string(dateTime(r.at)), "actor": .string(r.actor), "os_user": r.osUser.map(Value.string) ?? .null,
        "role": r.role.map(Value.string) ?? .null, "instance": r.instance.map { .number(Double($0)) } ?? .null,
        "subject": r.subject.map(Value.string) ?? .null, "command": .string(r.command), "event": r.event.map(Value.string) ?? .null,
        "from": r.from.map(Value.string) ?? .null, "to": r.to.map(Value.string) ?? .null, "outcome": .string(r.outcome),
        "reason": r.reason.map(Value.string) ?? .null, "data_hash": r.dataHash.map { .string($0.hex) } ?? .null,
        "after_hash": r.afterHash.map { .string($0.hex) } ?? .null, "signed": .bool(r.signature != nil), "hash": .string(r.hash.hex),
    ])
}
