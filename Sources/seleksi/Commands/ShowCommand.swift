import ArgumentParser
import SeleksiCore
import SeleksiEngine
import SeleksiStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract:
            "Tampilkan satu instans: status, variabel dengan labelnya, formulir, keputusan, anak, pewaktu, peristiwa yang berlaku.",
        discussion: """
            --form NAMA menampilkan isian satu formulir dengan label kolomnya (tanggal dan rupiah seperti ditulis orang, kelompok berulang sebagai tabel kecil). Lembar penilaian independen hanya terlihat oleh penilai yang sudah menyerahkan miliknya dan oleh pemegang peran yang membaca semua lembar (Kepala UPT); pakai --as. --versions menampilkan setiap versi formulir (penyerahan, koreksi beserta alasannya, penarikan).

            Data pribadi (NIK, NPWP, telepon, surel, dan kolom bertanda personal: alamat, tanggal lahir, rekening) tertulis [data pribadi] agar layar atau JSON yang disalin tidak menyebarkannya; --with-personal-data menampilkannya (tim verifikasi yang mencocokkannya dengan berkas, `seleksi review`, selalu melihatnya).
            """)

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Option(name: .customLong("as"), help: "Pelaku yang melihat (aturan lembar penilaian independen).") var viewer:
        String?
    @Option(help: "Tampilkan isian formulir ini dengan labelnya.") var form: String?
    @Flag(help: "Tampilkan setiap versi formulir.") var versions = false
    @Flag(help: "Tampilkan data pribadi (NIK, NPWP, telepon, surel, alamat, tanggal lahir, rekening); tanpa ini tertulis [data pribadi].")
    var withPersonalData = false

    func run() throws {
        try options.reading(run)
    }

    private func run(_ engine: Engine) throws {
        let now = try options.timestamp()
        let d = try report(options.lang) { try engine.show(instance, viewer: viewer, now: now, personalData: withPersonalData) }
        let history = versions ? try report(options.lang) { try engine.submissionVersions(instance) } : []
        let workflow = try report(options.lang) { try engine.workflowDefinition(of: instance) }
        let proposals = try report(options.lang) { try engine.proposals(of: instance) }
        let formDefinition = try form.flatMap { name in
            try report(options.lang) { try engine.formDefinition(name, of: instance) }
        }
        if let form, formDefinition == nil {
            try report(options.lang) {
                throw EngineError.input(
                    "instans #\(instance) (\(d.record.workflowID)) tidak memakai formulir '\(form)'; formulirnya: "
                        + d.record.formHashes.keys.sorted().joined(separator: ", ") + " (no such form here)")
            }
        }
        if options.json {
            printJSON(json(d, engine: engine, history: history, proposals: proposals))
            return
        }
        let width = TerminalLayout.width
        let l = options.lang
        if let form, let formDefinition {
            printForm(form, d, formDefinition, engine: engine, width: width)
            return
        }
        printInstance(d, workflow, proposals: proposals, engine: engine, width: width)
        for v in history {
            say(
                "  versi \(v.version) \(v.formID) \(v.kind.rawValue) oleh \(engine.displayName(ofActor: v.actor)) (\(v.actor)) \(dateTime(v.submittedAt))"
                    + (v.reason.map { " — \($0)" } ?? "") + " sha256 \(v.dataHash.hex.prefix(16))…")
        }
        if d.allowedEvents.isEmpty { say(l == .en ? "  no event applies" : "  tidak ada peristiwa yang berlaku") }
        for e in d.allowedEvents {
            for line in TerminalLayout.wrap(
                "\(e.event): \(e.label.text(l)) [\(l == .en ? "roles" : "peran"): \(e.roles.joined(separator: ", "))]",
                width: width, first: "  → ", rest: "      ")
            { say(line) }
        }
    }

    private func printInstance(
        _ d: Engine.InstanceDetail, _ w: WorkflowDefinition, proposals: [Engine.Proposal], engine: Engine, width: Int
    ) {
        let r = d.record
        let l = options.lang
        say(
            "#\(r.id) \(r.workflowID) — \(d.stateLabel.text(l)) (\(r.state))\(d.isFinal ? (l == .en ? " [final]" : " [akhir]") : "")"
        )
        let org = (try? engine.organisation(r.org))??.name ?? r.org
        say(
            "  \(l == .en ? "owner" : "pemilik") \(engine.displayName(ofActor: r.owner)) (\(r.owner)); \(l == .en ? "organisation" : "organisasi") \(org) (\(r.org))"
                + (r.parent.map { l == .en ? "; parent #\($0)" : "; induk #\($0)" } ?? ""))
        let proposalOf = Dictionary(proposals.map { ($0.variable, $0) }, uniquingKeysWith: { a, _ in a })
        let shown = w.variables.filter {
            !(r.variables[$0.id]?.isNull ?? true) && !(r.variables[$0.id]?.isEmpty ?? true)
        }
        let extra = r.variables.keys.filter { k in
            !w.variables.contains { $0.id == k } && !(r.variables[k]?.isNull ?? true)
        }.sorted()
        if !shown.isEmpty || !extra.isEmpty {
            say(l == .en ? "Variables:" : "Variabel:")
            let labels = shown.map { $0.label?.text(l) ?? $0.id } + extra
            let labelWidth = min(labels.map(\.count).max() ?? 10, max(16, width / 3))
            for v in shown {
                let value = r.variables[v.id]!
                var text = ValueText.plain(value, language: l)
                if let p = proposalOf[v.id] {
                    text = (p.valueLabel?.text(l) ?? value.displayText) + " (\(value.displayText))"
                }
                for line in TerminalLayout.labelled(
                    v.label?.text(l) ?? v.id, text, labelWidth: labelWidth, width: width)
                { say(line) }
            }
            for k in extra {
                for line in TerminalLayout.labelled(
                    k, ValueText.plain(r.variables[k]!, language: l), labelWidth: labelWidth, width: width)
                { say(line) }
            }
        }
        if !d.forms.isEmpty || !d.hiddenSheets.isEmpty {
            say(l == .en ? "Forms:" : "Formulir:")
            for (form, data) in d.forms.sorted(by: { $0.key < $1.key }) {
                if let sheets = d.sheets[form] {
                    say(
                        "  \(form): \(sheets.count) \(l == .en ? "sheet(s) by" : "lembar oleh") "
                            + sheets.map { engine.displayName(ofActor: $0.actor) }.joined(separator: ", ")
                            + " — seleksi show \(r.id) --form \(form)")
                } else {
                    say(
                        "  \(form): \(data.count) \(l == .en ? "fields filled" : "kolom terisi") — seleksi show \(r.id) --form \(form)"
                    )
                }
            }
            for (form, count) in d.hiddenSheets.sorted(by: { $0.key < $1.key }) {
                say(
                    l == .en
                        ? "  \(form): \(count) sheet(s), hidden until you give yours"
                        : "  \(form): \(count) lembar, tersembunyi sampai Anda menyerahkan milik Anda")
            }
        }
        if !d.decisions.isEmpty { say(l == .en ? "Decisions:" : "Keputusan:") }
        for dec in d.decisions {
            for line in TerminalLayout.wrap(
                "\(dec.name) = \(ValueText.plain(dec.value, language: l)) — \(engine.displayName(ofActor: dec.actor)) "
                    + "(\(dec.actor)), \(dateTime(dec.at))"
                    + (dec.reason.map { "; \(l == .en ? "reason" : "alasan"): \($0)" } ?? ""),
                width: width, first: "  ", rest: "      ")
            { say(line) }
        }
        for v in d.votes { for line in voteLines(v, engine: engine) { say(line) } }
        if !d.children.isEmpty {
            say(
                (l == .en ? "  children: " : "  anak: ")
                    + d.children.map { "\($0.state) \($0.count)" }.joined(separator: ", "))
        }
        for t in d.pendingTimers {
            say("  \(l == .en ? "timer" : "pewaktu"): \(t.event) \(l == .en ? "at" : "pada") \(dateTime(t.dueAt))")
        }
    }

    /// A vote: its round and turnout; the tally and ballots once the viewer may see them.
    private func voteLines(_ v: Engine.VoteView, engine: Engine) -> [String] {
        let l = options.lang
        let state = v.isOpen ? (l == .en ? "open" : "dibuka") : (l == .en ? "closed" : "ditutup")
        var lines = [
            "\(l == .en ? "Vote" : "Pemungutan suara") \(v.id) (\(v.label.text(l))): \(l == .en ? "round" : "putaran") \(v.round), "
                + "\(state), \(v.rule.rawValue)\(v.isSecret ? (l == .en ? ", secret" : ", rahasia") : ""); "
                + (l == .en ? "\(v.cast) of \(v.eligible) voted, quorum \(v.needed)" : "\(v.cast) dari \(v.eligible) memilih, kuorum \(v.needed)")
        ]
        if let tally = v.tally {
            lines.append("  " + tally.map { "\($0.choice) \($0.count)" }.joined(separator: ", ")
                         + (v.result.map { l == .en ? " → result: \($0)" : " → hasil: \($0)" } ?? ""))
        } else {
            lines.append(l == .en ? "  tally and ballots hidden until the round closes" : "  perolehan dan suara tersembunyi sampai putaran ditutup")
        }
        if let ballots = v.ballots {
            for b in ballots { lines.append("    \(engine.displayName(ofActor: b.actor)) (\(b.actor)): \(b.choice)") }
        } else if !v.voters.isEmpty {
            lines.append((l == .en ? "  voted: " : "  sudah memilih: ") + v.voters.joined(separator: ", "))
        }
        if let mine = v.mine { lines.append((l == .en ? "  your ballot: " : "  suara Anda: ") + mine) }
        return lines
    }

    private func printForm(
        _ formID: String, _ d: Engine.InstanceDetail, _ form: FormDefinition, engine: Engine, width: Int
    ) {
        let l = options.lang
        for line in TerminalLayout.wrap(
            "#\(d.record.id) \(engine.displayName(ofActor: d.record.owner)) — \(form.title.text(l)) (\(formID))",
            width: width, first: "", rest: "  ")
        { say(line) }
        let renderer = FormRenderer(form: form, language: l, width: width)
        if form.independentRatings {
            guard let sheets = d.sheets[formID] else {
                let count = d.hiddenSheets[formID] ?? 0
                say(
                    l == .en
                        ? "  \(count) sheet(s) on file, hidden: a rater sees the others' sheets only after giving his own (--as)"
                        : "  \(count) lembar tersimpan, tersembunyi: penilai melihat lembar lain hanya setelah menyerahkan miliknya (--as)"
                )
                return
            }
            for s in sheets {
                say("  \(l == .en ? "Sheet of" : "Lembar") \(engine.displayName(ofActor: s.actor)) (\(s.actor)):")
                for line in renderer.lines(s.data, indent: "    ") { say(line) }
            }
            return
        }
        guard let data = d.forms[formID] else {
            say(l == .en ? "  not submitted yet" : "  belum diserahkan")
            return
        }
        for line in renderer.lines(data) { say(line) }
    }

    private func json(
        _ d: Engine.InstanceDetail, engine: Engine, history: [SubmissionRecord], proposals: [Engine.Proposal]
    ) -> Value {
        let r = d.record
        var out: [String: Value] = [
            "id": .number(Double(r.id)), "workflow": .string(r.workflowID), "state": .string(r.state),
            "final": .bool(d.isFinal),
            "org": .string(r.org), "owner": .string(r.owner),
            "owner_name": .string(engine.displayName(ofActor: r.owner)),
            "parent": r.parent.map { .number(Double($0)) } ?? .null,
            "vars": .record(r.variables), "forms": .record(d.forms.mapValues { .record($0) }),
            "allowed_events": .list(
                d.allowedEvents.map {
                    .record(["event": .string($0.event), "roles": .list($0.roles.map(Value.string))])
                }),
            "decisions": .list(
                d.decisions.map {
                    .record([
                        "name": .string($0.name), "value": $0.value, "reason": $0.reason.map(Value.string) ?? .null,
                        "actor": .string($0.actor),
                    ])
                }),
            "children": .record(
                Dictionary(uniqueKeysWithValues: d.children.map { ($0.state, Value.number(Double($0.count))) })),
            "timers": .list(
                d.pendingTimers.map { .record(["event": .string($0.event), "due": .string(dateTime($0.dueAt))]) }),
            "versions": .list(history.map(versionJSON)),
            "proposals": .list(
                proposals.map { p in
                    .record([
                        "variable": .string(p.variable), "value": p.value,
                        "label": p.valueLabel.map { .string($0.text(options.lang)) } ?? .null,
                        "reasons": p.reasons.map(Value.string) ?? .null, "field": .string("\(p.form).\(p.field)"),
                    ])
                }),
        ]
        if !d.hiddenSheets.isEmpty { out["hidden_sheets"] = .record(d.hiddenSheets.mapValues { .number(Double($0)) }) }
        if !d.votes.isEmpty {
            out["votes"] = .list(d.votes.map { v in
                .record([
                    "id": .string(v.id), "round": .number(Double(v.round)), "open": .bool(v.isOpen), "secret": .bool(v.isSecret),
                    "rule": .string(v.rule.rawValue), "cast": .number(Double(v.cast)), "eligible": .number(Double(v.eligible)),
                    "needed": .number(Double(v.needed)), "result": v.result.map(Value.string) ?? .null,
                    "tally": v.tally.map { t in .record(Dictionary(t.map { ($0.choice, Value.number(Double($0.count))) },
                                                                    uniquingKeysWith: { a, _ in a })) } ?? .null,
                    "ballots": v.ballots.map { bs in .list(bs.map { .record(["actor": .string($0.actor), "choice": .string($0.choice)]) }) } ?? .null,
                    "voters": .list(v.voters.map(Value.string)), "mine": v.mine.map(Value.string) ?? .null,
                ])
            })
        }
        return .record(out)
    }

    private func versionJSON(_ v: SubmissionRecord) -> Value {
        .record([
            "form": .string(v.formID), "version": .number(Double(v.version)), "kind": .string(v.kind.rawValue),
            "actor": .string(v.actor),
            "at": .string(dateTime(v.submittedAt)), "reason": v.reason.map(Value.string) ?? .null,
            "sha256": .string(v.dataHash.hex),
        ])
    }
}
