import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract:
            "Pandangan Kepala atas satu putaran: penilai × pelamar, selisih skor, kekurangan penilai, keterlambatan, langkah berikutnya.",
        discussion: """
            Kisi menandai setiap lembar penilaian: ✓ diserahkan (dengan skornya bila Anda boleh melihatnya: pemegang peran yang membaca semua lembar, yaitu Kepala UPT, dengan --as), · menunggu, ✗ terhalang (konflik kepentingan, SKB pelamar). Selisih di atas batas putaran ditampilkan dengan skor tiap penilai (hanya untuk Kepala). Langkah berikutnya diuji seperti akan dijalankan: bila ditolak, setiap pelamar yang menghalanginya disebut beserta sebabnya.

            Contoh: seleksi progress 1 --as kepala1
            """)

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Nomor instans putaran.") var round: Int64
    @Option(name: .customLong("as"), help: "Pelaku yang melihat (skor hanya tampil bagi yang berhak).") var viewer:
        String?
    @Flag(help: "Tampilkan semua baris kisi (bawaan: yang masih menunggu, paling banyak 50).") var all = false

    func run() throws {
        let engine = try options.openEngine()
        let p = try report(options.lang) {
            try engine.progress(round: round, viewer: viewer, now: try options.timestamp())
        }
        if options.json {
            printJSON(json(p))
            return
        }
        let l = options.lang
        let width = TerminalLayout.width
        say("#\(p.round) \(p.workflow) — \(p.stateLabel.text(l)) (\(p.state)) · \(p.orgName)")
        if !p.children.isEmpty {
            for line in TerminalLayout.wrap(
                p.children.map { "\($0.state) \($0.count)" }.joined(separator: ", "), width: width,
                first: l == .en ? "  children: " : "  anak: ", rest: "    ")
            { say(line) }
        }
        for view in p.ratings { printGrid(view, width: width) }
        if !p.shortages.isEmpty {
            say("")
            say(l == .en ? "Too few raters:" : "Kekurangan penilai:")
            for s in p.shortages { for line in shortageLines(s, language: l, width: width) { say(line) } }
        }
        say("")
        say(l == .en ? "Late:" : "Terlambat:")
        if p.late.isEmpty { say(l == .en ? "  nothing" : "  tidak ada") }
        for t in p.late {
            say(
                "  #\(t.instance) \(t.name): \(t.event) \(l == .en ? "was due" : "jatuh tempo") \(dateTime(t.dueAt)) — seleksi tick"
            )
        }
        say("")
        say(l == .en ? "Next step:" : "Langkah berikutnya:")
        if p.next.isEmpty { say(l == .en ? "  none (final state)" : "  tidak ada (status akhir)") }
        for step in p.next { printStep(step, width: width) }
    }

    private func printGrid(_ v: Engine.RatingsView, width: Int) {
        let l = options.lang
        say("")
        let required = Set(v.rows.compactMap(\.required))
        let tolerance = Set(v.rows.compactMap(\.tolerance))
        say(
            "\(v.formTitle.text(l)) (\(v.form)), \(l == .en ? "state" : "status") \(v.state)"
                + (required.count == 1
                    ? (l == .en ? "; \(required.first!) sheets each" : "; \(required.first!) lembar per pelamar") : "")
                + (tolerance.count == 1
                    ? (l == .en
                        ? "; largest agreed spread \(Value.format(number: tolerance.first!))"
                        : "; selisih paling besar \(Value.format(number: tolerance.first!))") : "") + ":")
        guard !v.rows.isEmpty else {
            say(l == .en ? "  no applicant in this state yet" : "  belum ada pelamar pada status ini")
            return
        }
        let letters = v.raters.indices.map(column)
        for line in TerminalLayout.wrap(
            v.raters.indices.map {
                "\(letters[$0]) = \(v.raters[$0].name) (\($0 < v.raters.count ? v.raters[$0].id : ""))"
            }
            .joined(separator: "; "), width: width, first: l == .en ? "  raters: " : "  penilai: ", rest: "    ")
        {
            say(line)
        }
        var reasons: [String] = []
        func mark(_ cell: Engine.Cell) -> String {
            switch cell {
            case .sheet(let score?): return Value.format(number: score)
            case .sheet(nil): return "✓"
            case .waiting: return "·"
            case .none: return ""
            case .barred(let why):
                let text = why.text(l)
                if !reasons.contains(text) { reasons.append(text) }
                return "✗\(reasons.firstIndex(of: text)! + 1)"
            }
        }
        let open = v.rows.filter { $0.state == v.state }
        let rows = all ? v.rows : Array(open.prefix(50))
        let nameWidth = max(20, min(36, width - 12 - 5 * v.raters.count))
        say(
            "  " + TerminalLayout.cell("", nameWidth) + letters.map { TerminalLayout.cell(" " + $0, 5) }.joined()
                + (l == .en ? " sheets" : " lembar"))
        for row in rows {
            let name = TerminalLayout.cell("#\(row.instance) \(row.ownerName)", nameWidth)
            let cells = row.cells.map { TerminalLayout.cell(" " + mark($0), 5) }.joined()
            say(
                "  " + name + cells + " \(row.sheets)" + (row.required.map { "/\($0)" } ?? "")
                    + (row.state == v.state ? "" : " \(row.state)"))
        }
        let hidden = v.rows.count - rows.count
        if hidden > 0 {
            say(
                l == .en
                    ? "  … \(hidden) more row(s) (done, or beyond 50): --all"
                    : "  … \(hidden) baris lain (selesai, atau lewat 50): --all")
        }
        var legend = l == .en ? "✓ sheet given, · waiting" : "✓ lembar diserahkan, · menunggu"
        if v.scoresVisible { legend += l == .en ? ", a number: the sheet's score" : ", angka: skor lembar" }
        for (i, r) in reasons.enumerated() { legend += "; ✗\(i + 1) \(r)" }
        legend += ")"
        for line in TerminalLayout.wrap(legend, width: width, first: "  (", rest: "   ") { say(line) }
        var perRater: [String] = []
        for (i, rater) in v.raters.enumerated() {
            let given = v.rows.filter { if case .sheet = $0.cells[i] { return true } else { return false } }.count
            let waiting = v.rows.filter { $0.cells[i] == .waiting }.count
            perRater.append(
                "\(letters[i]) \(rater.name): \(given) \(l == .en ? "given" : "diserahkan"), \(waiting) \(l == .en ? "waiting" : "menunggu")"
            )
        }
        for line in TerminalLayout.wrap(perRater.joined(separator: "; "), width: width, first: "  ", rest: "  ") {
            say(line)
        }
        if !v.disagreements.isEmpty {
            say(l == .en ? "  Spread above the threshold:" : "  Selisih di atas batas:")
            for d in v.disagreements {
                let scores = d.scores.map {
                    "\($0.name) \($0.score.map { Value.format(number: $0) } ?? (l == .en ? "(hidden)" : "(tersembunyi)"))"
                }
                for line in TerminalLayout.wrap(
                    "#\(d.instance) \(d.ownerName): \(l == .en ? "spread" : "selisih") \(Value.format(number: d.spread)) "
                        + "> \(Value.format(number: d.tolerance)) — " + scores.joined(separator: ", "),
                    width: width, first: "    ", rest: "      ")
                { say(line) }
            }
        }
    }

    private func printStep(_ s: Engine.NextStep, width: Int) {
        let l = options.lang
        let who = s.holders.map(\.name).joined(separator: ", ")
        var text = "\(s.event): \(s.label.text(l)) [\(s.roles.joined(separator: ", "))\(who.isEmpty ? "" : ": \(who)")]"
        if let q = s.quorum {
            text += l == .en ? " — \(q.have) of \(q.need) confirmed" : " — \(q.have) dari \(q.need) konfirmasi"
            if !q.missing.isEmpty { text += l == .en ? "; not yet: " : "; belum: " + q.missing.joined(separator: ", ") }
        }
        if let refusal = s.refusal {
            text += l == .en ? " — refused now: " : " — ditolak sekarang: "
            text += refusal.text(l)
        } else {
            text += l == .en ? " — would be accepted now" : " — dapat dijalankan sekarang"
        }
        for line in TerminalLayout.wrap(text, width: width, first: "  → ", rest: "      ") { say(line) }
        for b in s.blocking {
            for line in TerminalLayout.wrap(b.text(l), width: width, first: "      ", rest: "        ") { say(line) }
        }
        if s.blockingCount > s.blocking.count {
            say(
                l == .en
                    ? "      … and \(s.blockingCount - s.blocking.count) more"
                    : "      … dan \(s.blockingCount - s.blocking.count) lainnya")
        }
    }

    /// A, B, … Z, AA, AB …
    private func column(_ i: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return i < 26 ? String(letters[i]) : String(letters[i / 26 - 1]) + String(letters[i % 26])
    }

    private func json(_ p: Engine.RoundProgress) -> Value {
        func cell(_ c: Engine.Cell) -> Value {
            switch c {
            case .sheet(let score): return .record(["sheet": .bool(true), "score": score.map(Value.number) ?? .null])
            case .waiting: return .string("waiting")
            case .barred(let why): return .record(["barred": .string(why.text(options.lang))])
            case .none: return .null
            }
        }
        return .record([
            "round": .number(Double(p.round)), "state": .string(p.state),
            "children": .record(
                Dictionary(uniqueKeysWithValues: p.children.map { ($0.state, Value.number(Double($0.count))) })),
            "ratings": .list(
                p.ratings.map { v in
                    .record([
                        "form": .string(v.form), "state": .string(v.state), "scores_visible": .bool(v.scoresVisible),
                        "raters": .list(v.raters.map { .record(["id": .string($0.id), "name": .string($0.name)]) }),
                        "rows": .list(
                            v.rows.map { r in
                                .record([
                                    "instance": .number(Double(r.instance)), "name": .string(r.ownerName),
                                    "state": .string(r.state),
                                    "sheets": .number(Double(r.sheets)),
                                    "required": r.required.map { .number(Double($0)) } ?? .null,
                                    "spread": r.spread.map(Value.number) ?? .null,
                                    "cells": .record(
                                        Dictionary(uniqueKeysWithValues: zip(v.raters.map(\.id), r.cells.map(cell)))),
                                ])
                            }),
                        "disagreements": .list(
                            v.disagreements.map { d in
                                .record([
                                    "instance": .number(Double(d.instance)), "spread": .number(d.spread),
                                    "tolerance": .number(d.tolerance),
                                    "scores": .record(
                                        Dictionary(
                                            uniqueKeysWithValues: d.scores.map {
                                                ($0.rater, $0.score.map(Value.number) ?? .null)
                                            })),
                                ])
                            }),
                    ])
                }),
            "shortages": .list(p.shortages.map(shortageJSON)),
            "late": .list(
                p.late.map {
                    .record([
                        "instance": .number(Double($0.instance)), "event": .string($0.event),
                        "due": .string(dateTime($0.dueAt)),
                    ])
                }),
            "next": .list(
                p.next.map { s in
                    .record([
                        "event": .string(s.event), "roles": .list(s.roles.map(Value.string)),
                        "accepted_now": .bool(s.refusal == nil),
                        "refusal": s.refusal.map { .string($0.text(options.lang)) } ?? .null,
                        "blocking": .number(Double(s.blockingCount)),
                        "holders": .list(s.holders.map { .string($0.id) }),
                    ])
                }),
        ])
    }
}
