import ArgumentParser
import SeleksiCore
import SeleksiEngine
import SeleksiStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Tampilkan satu instans: status, peristiwa yang berlaku dan perannya, variabel, formulir, keputusan, anak, pewaktu.",
        discussion: "--versions menampilkan setiap versi formulir (penyerahan, koreksi beserta alasannya, penarikan).")

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Option(name: .customLong("as"), help: "Pelaku yang melihat: lembar penilaian independen hanya terlihat oleh penilai yang sudah menyerahkan miliknya.")
    var viewer: String?
    @Flag(help: "Tampilkan setiap versi formulir.") var versions = false

    func run() throws {
        let engine = try options.openEngine()
        let d = try report(options.lang) { try engine.show(instance, viewer: viewer) }
        let history = versions ? try report(options.lang) { try engine.submissionVersions(instance) } : []
        let r = d.record
        if options.json {
            printJSON(.record([
                "id": .number(Double(r.id)), "workflow": .string(r.workflowID), "state": .string(r.state), "final": .bool(d.isFinal),
                "org": .string(r.org), "owner": .string(r.owner), "owner_name": .string(engine.displayName(ofActor: r.owner)),
                "parent": r.parent.map { .number(Double($0)) } ?? .null,
                "vars": .record(r.variables), "forms": .record(d.forms.mapValues { .record($0) }),
                "allowed_events": .list(d.allowedEvents.map { .record(["event": .string($0.event), "roles": .list($0.roles.map(Value.string))]) }),
                "decisions": .list(d.decisions.map { .record(["name": .string($0.name), "value": $0.value, "reason": $0.reason.map(Value.string) ?? .null,
                                                              "actor": .string($0.actor)]) }),
                "children": .record(Dictionary(uniqueKeysWithValues: d.children.map { ($0.state, Value.number(Double($0.count))) })),
                "timers": .list(d.pendingTimers.map { .record(["event": .string($0.event), "due": .string(dateTime($0.dueAt))]) }),
                "versions": .list(history.map(versionJSON)),
            ]))
            return
        }
        let l = options.lang
        say("#\(r.id) \(r.workflowID) — \(d.stateLabel.text(l)) (\(r.state))\(d.isFinal ? " [akhir]" : "")")
        say("  pemilik \(engine.displayName(ofActor: r.owner)) (\(r.owner)), organisasi \(r.org)" + (r.parent.map { ", induk #\($0)" } ?? ""))
        for key in r.variables.keys.sorted() where !(r.variables[key]?.isNull ?? true) {
            say("  \(key) = \(r.variables[key]!.displayText)")
        }
        for (form, data) in d.forms.sorted(by: { $0.key < $1.key }) { say("  formulir \(form): \(data.count) kolom terisi") }
        for dec in d.decisions { say("  keputusan \(dec.name) = \(dec.value.displayText) oleh \(dec.actor)" + (dec.reason.map { " — \($0)" } ?? "")) }
        if !d.children.isEmpty { say("  anak: " + d.children.map { "\($0.state) \($0.count)" }.joined(separator: ", ")) }
        for t in d.pendingTimers { say("  pewaktu: \(t.event) pada \(dateTime(t.dueAt))") }
        for v in history {
            say("  versi \(v.version) \(v.formID) \(v.kind.rawValue) oleh \(v.actor) \(dateTime(v.submittedAt))"
                + (v.reason.map { " — \($0)" } ?? "") + " sha256 \(v.dataHash.hex.prefix(16))…")
        }
        if d.allowedEvents.isEmpty { say("  tidak ada peristiwa yang berlaku") }
        for e in d.allowedEvents { say("  → \(e.event): \(e.label.text(l)) [peran: \(e.roles.joined(separator: ", "))]") }
    }

    private func versionJSON(_ v: SubmissionRecord) -> Value {
        .record(["form": .string(v.formID), "version": .number(Double(v.version)), "kind": .string(v.kind.rawValue), "actor": .string(v.actor),
                 "at": .string(dateTime(v.submittedAt)), "reason": v.reason.map(Value.string) ?? .null, "sha256": .string(v.dataHash.hex)])
    }
}
