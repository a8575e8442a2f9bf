import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract:
            "Apa yang menunggu seorang pelaku sekarang: instans, peristiwa, formulir yang perlu diisi, batas waktu, nama pelamar.",
        discussion: """
            Di semua putaran dan organisasi: setiap instans tempat pelaku boleh bertindak sekarang (peran yang dipegangnya, syarat alur terpenuhi, lembar penilaiannya sendiri belum diserahkan, tidak terhalang konflik kepentingan atau asal SKB). Batas waktu terdekat lebih dahulu. Bagi Kepala UPT juga peringatan pelamar yang kekurangan penilai. Langkah pilihan (menyatakan konflik, mengundurkan diri, membuka ulang putusan) tidak dihitung sebagai tugas.

            Contoh: seleksi tasks --as tim1 ; seleksi review --as tim1 1
            """)

    @OptionGroup var options: DatabaseOptions
    @Option(name: .customLong("as"), help: "Pelaku yang tugasnya ditampilkan.") var actor: String
    @Option(help: "Hanya instans ini dan anak-anaknya (mis. satu putaran).") var round: Int64?

    func run() throws {
        let engine = try options.openEngine()
        let list = try report(options.lang) { try engine.tasks(for: actor, round: round, now: try options.timestamp()) }
        let l = options.lang
        if options.json {
            printJSON(
                .record([
                    "actor": .string(list.actor), "name": .string(list.actorName),
                    "tasks": .list(
                        list.items.map { t in
                            .record([
                                "instance": .number(Double(t.instance)), "workflow": .string(t.workflow),
                                "state": .string(t.state),
                                "event": .string(t.possibility.event), "role": .string(t.possibility.role),
                                "forms": .list(t.possibility.formsToFill.map(Value.string)),
                                "reason_required": .bool(t.possibility.reasonRequired),
                                "deadline": t.deadline.map { .string(dateTime($0.dueAt)) } ?? .null,
                                "deadline_event": t.deadline.map { .string($0.event) } ?? .null,
                                "name": .string(t.ownerName), "org": .string(t.org), "org_name": .string(t.orgName),
                                "parent": t.parent.map { .number(Double($0)) } ?? .null,
                            ])
                        }),
                    "alerts": .list(list.alerts.map(shortageJSON)),
                ]))
            return
        }
        let width = TerminalLayout.width
        for alert in list.alerts { for line in shortageLines(alert, language: l, width: width) { say(line) } }
        if list.items.isEmpty {
            say(
                l == .en
                    ? "No tasks for \(list.actorName) (\(list.actor)) now."
                    : "Tidak ada tugas untuk \(list.actorName) (\(list.actor)) saat ini.")
            return
        }
        var byEvent: [String: Int] = [:]
        for t in list.items { byEvent[t.possibility.event, default: 0] += 1 }
        say(
            (l == .en ? "Tasks of" : "Tugas") + " \(list.actorName) (\(list.actor)): \(list.items.count) — "
                + byEvent.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        let idWidth = max(4, (list.items.map { "#\($0.instance)".count }.max() ?? 4))
        let eventWidth = min(22, list.items.map(\.possibility.event.count).max() ?? 8)
        let formWidth = min(
            24, max(1, list.items.map { $0.possibility.formsToFill.joined(separator: ",").count }.max() ?? 1))
        let deadlines = list.items.map { t in t.deadline.map { "s.d. " + shortDate($0.dueAt) } ?? "—" }
        let deadlineWidth = deadlines.map(\.count).max() ?? 1
        for (t, deadline) in zip(list.items, deadlines) {
            let head =
                TerminalLayout.cell("#\(t.instance)", idWidth) + "  "
                + TerminalLayout.cell(t.possibility.event, eventWidth) + "  "
                + TerminalLayout.cell(t.possibility.formsToFill.joined(separator: ","), formWidth) + "  "
                + TerminalLayout.cell(deadline, deadlineWidth) + "  "
            let rest = String(repeating: " ", count: head.count)
            for line in TerminalLayout.wrap(
                "\(t.ownerName) · \(t.orgName)"
                    + (t.possibility.quorum.map { " · \($0.have)/\($0.need) konfirmasi" } ?? ""),
                width: width, first: head, rest: rest)
            {
                say(line)
            }
        }
        let rounds = Set(list.items.compactMap { $0.parent ?? $0.instance })
        if let first = rounds.min() {
            say(
                l == .en
                    ? "Next: seleksi review --as \(list.actor) \(first)"
                    : "Lanjut: seleksi review --as \(list.actor) \(first)")
        }
    }
}

/// `25 Jun 2019 00.00` (WIB), short enough for a column.
func shortDate(_ seconds: Int64) -> String {
    let t = Timestamp(seconds: seconds)
    let iso = t.iso
    let time = iso.count >= 16 ? String(iso.dropFirst(11).prefix(5)).replacingOccurrences(of: ":", with: ".") : ""
    let d = t.date
    return "\(d.day) \(IndonesianFormat.months[d.month - 1].prefix(3)) \(d.year) \(time)"
}

func shortageLines(_ s: Engine.Shortage, language l: Language, width: Int) -> [String] {
    let barred = s.barred.map { "\($0.name): \($0.reason.text(l))" }.joined(separator: "; ")
    let text =
        (l == .en
            ? "#\(s.instance) \(s.ownerName) (\(s.orgName)) has \(s.sheets) sheet(s) and \(s.available.count) rater(s) left for \(s.required) needed"
            : "#\(s.instance) \(s.ownerName) (\(s.orgName)): \(s.sheets) lembar dan \(s.available.count) penilai tersisa, perlu \(s.required)")
        + (barred.isEmpty ? "" : " — \(barred)") + ". " + s.remedy.text(l)
    return TerminalLayout.wrap(text, width: width, first: "⚠ ", rest: "  ")
}

func shortageJSON(_ s: Engine.Shortage) -> Value {
    .record([
        "instance": .number(Double(s.instance)), "name": .string(s.ownerName), "org_name": .string(s.orgName),
        "form": .string(s.form),
        "sheets": .number(Double(s.sheets)), "required": .number(Double(s.required)),
        "available": .list(s.available.map(Value.string)),
        "barred": .list(s.barred.map { .record(["actor": .string($0.actor), "reason": .string($0.reason.id)]) }),
        "remedy": .string(s.remedy.id),
    ])
}
