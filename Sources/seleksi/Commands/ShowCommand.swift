import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Tampilkan satu instans: status, peristiwa yang berlaku dan perannya, variabel, formulir, keputusan, anak, pewaktu.")

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Option(name: .customLong("as"), help: "Pelaku yang melihat: lembar penilaian independen hanya terlihat oleh penilai yang sudah menyerahkan miliknya.") var viewer: String?

    func run() throws {
        let engine = try options.openEngine()
        let d = try report(options.lang) { try engine.show(instance, viewer: viewer) }
        let r = d.record
        if options.json {
            printJSON(.record([
                "id": .number(Double(r.id)), "workflow": .string(r.workflowID), "state": .string(r.state), "final": .bool(d.isFinal),
                "org": .string(r.org), "owner": .string(r.owner), "parent": r.parent.map { .number(Double($0)) } ?? .null,
                "vars": .record(r.variables), "forms": .record(d.forms.mapValues { .record($0) }),
                "allowed_events": .list(d.allowedEvents.map { .record(["event": .string($0.event), "roles": .list($0.roles.map(Value.string))]) }),
                "decisions": .list(d.decisions.map { .record(["name": .string($0.name), "value": .string($0.value), "reason": $0.reason.map(Value.string) ?? .null, "actor": .string($0.actor)]) }),
                "children": .record(Dictionary(uniqueKeysWithValues: d.children.map { ($0.state, Value.number(Double($0.count))) })),
                "timers": .list(d.pendingTimers.map { .record(["event": .string($0.event), "due": .string(dateTime($0.dueAt))]) }),
            ]))
            return
        }
        let l = options.lang
        print("#\(r.id) \(r.workflowID) — \(d.stateLabel.text(l)) (\(r.state))\(d.isFinal ? " [akhir]" : "")")
        print("  organisasi \(r.org), pemilik \(r.owner)" + (r.parent.map { ", induk #\($0)" } ?? ""))
        if !r.variables.isEmpty { print("  variabel: " + r.variables.keys.sorted().map { "\($0)=\(r.variables[$0]!.displayText)" }.joined(separator: ", ")) }
        for (form, data) in d.forms.sorted(by: { $0.key < $1.key }) { print("  formulir \(form): \(data.count) kolom terisi") }
        for dec in d.decisions { print("  keputusan \(dec.name) = \(dec.value) oleh \(dec.actor)" + (dec.reason.map { " — \($0)" } ?? "")) }
        if !d.children.isEmpty { print("  anak: " + d.children.map { "\($0.state) \($0.count)" }.joined(separator: ", ")) }
        for t in d.pendingTimers { print("  pewaktu: \(t.event) pada \(dateTime(t.dueAt))") }
        if d.allowedEvents.isEmpty { print("  tidak ada peristiwa yang berlaku") }
        for e in d.allowedEvents { print("  → \(e.event): \(e.label.text(l)) [peran: \(e.roles.joined(separator: ", "))]") }
    }
}
