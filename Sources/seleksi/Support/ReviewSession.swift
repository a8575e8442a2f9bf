import Foundation
import SeleksiCore
import SeleksiEngine

/// A reviewer's walk through his tasks, one instance at a time: the portfolio with its labels, the
/// machine's proposal and its reasons, the attachments verified, then the action (a verdict, a scoring
/// sheet, a step with a reason) tried without writing, confirmed by the applicant's name, and recorded
/// through `Engine.fire`, the same command and audit as `seleksi fire`. Skip, back and quit write nothing.
final class ReviewSession {
    let engine: Engine
    let actor: String
    let round: Int64?
    let language: Language
    /// The time of every command: `--now` on a simulation database, else the clock at each step.
    let fixedNow: Timestamp?
    let signer: SigningKey?
    let console = Console()
    let width = TerminalLayout.width

    private(set) var recorded = 0
    private(set) var skipped = 0
    private var attachments: [Engine.AttachmentInfo] = []

    init(engine: Engine, actor: String, round: Int64?, language: Language, now: Timestamp?, signer: SigningKey?) {
        self.engine = engine
        self.actor = actor
        self.round = round
        self.language = language
        self.fixedNow = now
        self.signer = signer
    }

    var now: Timestamp { fixedNow ?? Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }

    private func t(_ id: String, _ en: String) -> String { language == .en ? en : id }

    enum Step { case recorded, skipped, back, quit, gone }

    /// Walks the tasks; returns the exit status (0 unless the engine failed).
    func run() throws -> Int32 {
        let list = try engine.tasks(for: actor, round: round, now: now)
        for alert in list.alerts { console.say(shortageLines(alert, language: language, width: width)) }
        var order: [Engine.WorkItem] = []
        for item in list.items where !order.contains(where: { $0.instance == item.instance }) { order.append(item) }
        guard !order.isEmpty else {
            console.say(
                t(
                    "Tidak ada tugas untuk \(list.actorName) (\(actor)) saat ini.",
                    "No tasks for \(list.actorName) (\(actor)) now."))
            return 0
        }
        console.say(
            t(
                "\(order.count) tugas untuk \(list.actorName). Kunci: Enter menerima usulan; s lewati, b kembali, q keluar, ? bantuan.",
                "\(order.count) task(s) for \(list.actorName). Keys: Enter takes the proposal; s skip, b back, q quit, ? help."
            ))
        var settled: Set<Int64> = []
        var index = 0
        walk: while index < order.count {
            switch try review(order[index], position: index + 1, of: order.count) {
            case .recorded:
                recorded += 1
                settled.insert(order[index].instance)
                index += 1
            case .skipped:
                skipped += 1
                index += 1
            case .gone:
                settled.insert(order[index].instance)
                index += 1
            case .back:
                if let previous = order[..<index].lastIndex(where: { !settled.contains($0.instance) }) {
                    index = previous
                } else {
                    console.say(
                        t("  (tidak ada tugas sebelumnya yang masih menunggu)", "  (no earlier task still waiting)"))
                }
            case .quit:
                break walk
            }
        }
        let left = order.count - settled.count
        console.gap()
        console.say(
            t(
                "Selesai: \(recorded) tercatat, \(skipped) dilewati, \(left) masih menunggu; \(console.linesRead) baris masukan, \(console.keysTyped) tombol.",
                "Done: \(recorded) recorded, \(skipped) skipped, \(left) still waiting; \(console.linesRead) lines typed, \(console.keysTyped) keys."
            ))
        return 0
    }

    // MARK: One instance

    private func review(_ item: Engine.WorkItem, position: Int, of total: Int) throws -> Step {
        let possible = try engine.possibilities(instance: item.instance, actor: actor, now: now)
        guard
            let primary = possible.first(where: { $0.event == item.possibility.event })
                ?? possible.first(where: { !$0.isOptional })
        else {
            console.say(
                t(
                    "#\(item.instance) \(item.ownerName): tidak lagi menunggu Anda",
                    "#\(item.instance) \(item.ownerName): no longer waits for you"))
            return .gone
        }
        let optional = possible.filter(\.isOptional)
        let keys = ReviewKeys(optionalEvents: optional.map(\.event))
        let definitions = try engine.definitions(of: item.instance)
        let who = "#\(item.instance) \(item.ownerName), \(item.orgName)"
        console.gap()
        console.say("━━ \(position)/\(total) · \(who) · \(item.stateLabel.text(language)) ━━")
        try printPortfolio(item, primary: primary, definitions: definitions)
        let proposals = try engine.proposals(of: item.instance)
        // What the workflow computed from the portfolio, by its labels (the proposal's own line follows).
        let record = try engine.show(item.instance, viewer: actor, now: now).record
        let reasonVariables = Set(
            definitions.workflow.variables.compactMap { $0.proposedField != nil ? $0.because : nil })
        let computed = definitions.workflow.variables.compactMap { v -> String? in
            guard let label = v.label, v.proposedField == nil, !reasonVariables.contains(v.id),
                let value = record.variables[v.id], !value.isNull, !value.isEmpty
            else { return nil }
            // A counter still at its starting value says nothing yet.
            if let initial = v.initial,
                (try? Evaluator.evaluate(initial, in: EvaluationContext(scopes: [[:]], today: now.date))) == value
            {
                return nil
            }
            return "\(label.text(language)): \(ValueText.plain(value, language: language))"
        }
        if !computed.isEmpty {
            console.say(
                TerminalLayout.wrap(
                    computed.joined(separator: " · "), width: width, first: t("Dihitung: ", "Computed: "), rest: "  "))
        }
        for p in proposals {
            console.say(
                TerminalLayout.wrap(
                    (p.valueLabel?.text(language) ?? p.value.displayText) + " (\(p.value.displayText))"
                        + (p.reasons.map { " — " + t("alasan: ", "reasons: ") + $0 } ?? ""),
                    width: width, first: t("Usulan mesin: ", "Machine's proposal: "), rest: "  "))
        }
        console.say(
            TerminalLayout.wrap(
                "\(primary.event) — \(primary.label.text(language))"
                    + (primary.formsToFill.isEmpty ? "" : " (\(primary.formsToFill.joined(separator: ", ")))"),
                width: width, first: t("Tugas: ", "Task: "), rest: "  "))
        if !keys.actions.isEmpty {
            let text = keys.actions.map { k in
                "\(k.key) \(optional.first { $0.event == k.event }?.label.text(language) ?? k.event)"
            }
            console.say(
                TerminalLayout.wrap(
                    text.joined(separator: " · "), width: width, first: t("Tindakan lain: ", "Other steps: "),
                    rest: "  "))
        }
        while true {
            let outcome = try act(
                primary, item: item, who: who, definitions: definitions, proposals: proposals, keys: keys)
            switch outcome {
            case .control(.action(let event)):
                guard let p = optional.first(where: { $0.event == event }) else { continue }
                switch try act(p, item: item, who: who, definitions: definitions, proposals: [], keys: keys) {
                case .done: return .recorded
                case .control(let c): if let step = step(for: c) { return step }
                case .redo: continue
                }
            case .control(let c):
                if let step = step(for: c) { return step }
            case .done:
                return .recorded
            case .redo:
                continue
            }
        }
    }

    private func step(for control: ReviewControl) -> Step? {
        switch control {
        case .skip: return .skipped
        case .back: return .back
        case .quit: return .quit
        default: return nil
        }
    }

    enum ActOutcome {
        case done, redo
        case control(ReviewControl)
    }

    /// Fills the forms an event needs and its reason, tries the command, asks for confirmation, fires.
    private func act(
        _ p: Engine.Possibility, item: Engine.WorkItem, who: String,
        definitions: (workflow: WorkflowDefinition, forms: [String: FormDefinition]),
        proposals: [Engine.Proposal], keys: ReviewKeys
    ) throws -> ActOutcome {
        var forms: [String: [String: Value]] = [:]
        for formID in p.formsToFill {
            guard let form = definitions.forms[formID] else { continue }
            var prompter = SheetPrompter(form: form, language: language, today: now.date, console: console, keys: keys)
            guard prompter.isSupported else {
                console.say(
                    t(
                        "  '\(formID)' berisi kelompok berulang: isi dengan `seleksi form fill \(formID)` lalu `seleksi fire`; dilewati",
                        "  '\(formID)' has repeat groups: fill it with `seleksi form fill \(formID)`, then `seleksi fire`; skipped"
                    ))
                return .control(.skip)
            }
            for proposal in proposals where proposal.form == formID {
                prompter.proposals[proposal.field] = (
                    proposal.value.displayText, proposal.valueLabel?.text(language) ?? proposal.value.displayText
                )
            }
            prompter.onControl = { [unowned self] c in self.soft(c, item: item, definitions: definitions) }
            console.say("▸ \(form.title.text(language))")
            switch prompter.run() {
            case .answers(let answers): forms[formID] = answers
            case .control(let c): return .control(c)
            }
        }
        var reason: String?
        if p.reasonRequired {
            switch askReason(
                t("Alasan tertulis (wajib)", "Written reason (required)"), keys: keys, item: item,
                definitions: definitions)
            {
            case .text(let r): reason = r
            case .control(let c): return .control(c)
            }
        }
        // Tried as `fire` would run it, then rolled back: only what would be accepted is offered.
        var request = FireRequest(
            instance: item.instance, event: p.event, actor: actor, reason: reason, forms: forms, signer: signer)
        var result: FireResult
        while true {
            switch try engine.trial(request, now: now) {
            case .success(let r):
                result = r
            case .failure(.refused(let refusal, _)) where refusal.code == .reasonRequired && reason == nil:
                console.say(
                    TerminalLayout.wrap(refusal.message.text(language), width: width, first: "  ! ", rest: "    "))
                // A note written on the sheet is the reason (it is shown before anything is recorded).
                if let note = writtenNote(forms, definitions.forms) {
                    reason = note
                    request = FireRequest(
                        instance: item.instance, event: p.event, actor: actor, reason: note, forms: forms,
                        signer: signer)
                    continue
                }
                switch askReason(
                    t("Alasan tertulis", "Written reason"), keys: keys, item: item, definitions: definitions)
                {
                case .text(let r):
                    reason = r
                    request = FireRequest(
                        instance: item.instance, event: p.event, actor: actor, reason: r, forms: forms, signer: signer)
                    continue
                case .control(let c): return .control(c)
                }
            case .failure(let e):
                console.say(TerminalText.safeLines(e.message(language)).split(separator: "\n").map { "  ✗ " + $0 })
                console.say(
                    t(
                        "  Ulangi isiannya (Enter), atau s lewati, q keluar.",
                        "  Answer again (Enter), or s skip, q quit."))
                guard let input = console.ask("> ") else { return .control(.quit) }
                if let c = keys.control(input), c != .back { return .control(c) }
                return .redo
            }
            break
        }
        // What will be written, named by the applicant, before anything is.
        for (formID, answers) in forms.sorted(by: { $0.key < $1.key }) {
            guard let form = definitions.forms[formID] else { continue }
            let full = FormValidator(form, reference: (try? engine.referenceTables()) ?? ReferenceTables())
                .validate(answers, filler: .rater, today: now.date).data
            let pairs = form.allFields.compactMap { entry -> String? in
                guard !entry.path.contains("."), let v = full[entry.path], !v.isEmpty else { return nil }
                return
                    "\(entry.field.label.text(language)): \(ValueText.text(v, field: entry.field, form: form, language: language))"
            }
            console.say(TerminalLayout.wrap(pairs.joined(separator: " · "), width: width, first: "  ", rest: "  "))
        }
        if let reason {
            console.say(TerminalLayout.wrap(reason, width: width, first: t("  alasan: ", "  reason: "), rest: "    "))
        }
        let move: String
        if case .pending(let have, let need) = result.kind {
            move = t("konfirmasi \(have) dari \(need)", "confirmation \(have) of \(need)")
        } else if case .moved(let from, let to) = result.kind {
            move =
                from == to && result.finalState == to
                ? t("tetap \(to)", "stays \(to)") : "\(from) → \(result.finalState ?? to)"
        } else {
            move = ""
        }
        while true {
            guard
                let answer = console.ask(
                    t(
                        "Catat \(p.event) untuk \(who) (\(move))? [y/t] ",
                        "Record \(p.event) for \(who) (\(move))? [y/n] "))
            else {
                return .control(.quit)
            }
            switch answer.lowercased() {
            case "y", "ya", "yes":
                let fired = try engine.fire(request, now: now)
                console.say(
                    t(
                        "  ✓ tercatat: \(who) \(p.event) → \(fired.finalState ?? item.state) (audit #\(fired.auditSeq))",
                        "  ✓ recorded: \(who) \(p.event) → \(fired.finalState ?? item.state) (audit #\(fired.auditSeq))"
                    ))
                if p.isOptional, let shortage = try engine.raterShortage(instance: item.instance, now: now) {
                    console.say(shortageLines(shortage, language: language, width: width))
                    console.say(
                        t(
                            "  Kepala melihat peringatan ini di `seleksi tasks` dan `seleksi progress`.",
                            "  The head sees this warning in `seleksi tasks` and `seleksi progress`."))
                }
                return .done
            case "t", "n", "tidak", "no":
                console.say(t("  tidak dicatat; isi lagi", "  not recorded; answer again"))
                return .redo
            default:
                if let c = keys.control(answer) {
                    if c == .back { return .redo }
                    if [.skip, .quit].contains(c) { return .control(c) }
                    if case .action = c { return .control(c) }
                    soft(c, item: item, definitions: definitions)
                }
            }
        }
    }

    enum Typed {
        case text(String)
        case control(ReviewControl)
    }

    /// The first free text the reviewer wrote on the forms (a note of at least 5 letters), in form order.
    private func writtenNote(_ forms: [String: [String: Value]], _ definitions: [String: FormDefinition]) -> String? {
        for (formID, answers) in forms.sorted(by: { $0.key < $1.key }) {
            guard let form = definitions[formID] else { continue }
            for item in form.items {
                if case .field(let f) = item, f.type == .text, case .string(let text)? = answers[f.id], text.count >= 5
                {
                    return text
                }
            }
        }
        return nil
    }

    private func askReason(
        _ question: String, keys: ReviewKeys, item: Engine.WorkItem,
        definitions: (workflow: WorkflowDefinition, forms: [String: FormDefinition])
    ) -> Typed {
        while true {
            guard let input = console.ask(question + ": ") else { return .control(.quit) }
            if let c = keys.control(input) {
                if [.skip, .back, .quit].contains(c) { return .control(c) }
                if case .action = c { return .control(c) }
                soft(c, item: item, definitions: definitions)
                continue
            }
            if input.count >= 5 { return .text(input) }
            console.say(t("  ✗ tulis alasannya (paling sedikit 5 huruf)", "  ✗ write the reason (at least 5 letters)"))
        }
    }

    // MARK: Reading the instance

    private func printPortfolio(
        _ item: Engine.WorkItem, primary: Engine.Possibility,
        definitions: (workflow: WorkflowDefinition, forms: [String: FormDefinition])
    ) throws {
        let detail = try engine.show(item.instance, viewer: actor, now: now)
        // Numbered in the order the forms show them.
        let formOrder = definitions.workflow.referencedForms
        attachments = try engine.attachments(of: item.instance).sorted { a, b in
            func key(_ x: Engine.AttachmentInfo) -> (Int, Int, String) {
                let top = String(x.field.prefix { $0 != "." && $0 != "[" })
                let items = definitions.forms[x.form]?.items.map(\.id) ?? []
                return (formOrder.firstIndex(of: x.form) ?? Int.max, items.firstIndex(of: top) ?? Int.max, x.field)
            }
            return key(a) < key(b)
        }
        var notes: [String: String] = [:]
        for (i, a) in attachments.enumerated() { notes[a.name] = "[\(i + 1)] " + check(a) }
        let independent = Set(definitions.forms.filter { $0.value.independentRatings }.keys)
        let order = definitions.workflow.referencedForms
        for formID in order where !primary.formsToFill.contains(formID) {
            guard let form = definitions.forms[formID] else { continue }
            if independent.contains(formID) {
                // Another rater's sheet is shown only where the engine's blind rule lets this viewer see it,
                // and never while he is giving his own.
                guard let sheets = detail.sheets[formID], !primary.formsToFill.contains(formID) else { continue }
                for s in sheets {
                    console.say("▸ \(form.title.text(language)) — \(engine.displayName(ofActor: s.actor))")
                    console.say(FormRenderer(form: form, language: language, width: width).lines(s.data))
                }
                continue
            }
            guard let data = detail.forms[formID] else { continue }
            var renderer = FormRenderer(form: form, language: language, width: width)
            renderer.attachmentNotes = notes
            console.say("▸ \(form.title.text(language))")
            console.say(renderer.lines(data))
        }
        if !attachments.isEmpty {
            console.say(
                t(
                    "  Lampiran: o N membuka, e N mengekspor salinan tersimpan.",
                    "  Attachments: o N opens, e N exports the stored copy."))
        }
    }

    private func check(_ a: Engine.AttachmentInfo) -> String {
        let stored =
            a.kept
            ? t("salinan tersimpan ✓", "stored copy ✓") : t("salinan tersimpan ✗ TIDAK UTUH", "stored copy ✗ NOT WHOLE")
        let disk: String
        switch a.onDisk {
        case .same: disk = t("berkas di disk ✓", "file on disk ✓")
        case .changed: disk = t("berkas di disk ✗ BERUBAH sejak diserahkan", "file on disk ✗ CHANGED since submitted")
        case .missing: disk = t("berkas tidak ada di disk", "file not on disk")
        }
        return stored + ", " + disk
    }

    /// Keys that do not leave the question: open or export an attachment, show the portfolio, help.
    private func soft(
        _ control: ReviewControl, item: Engine.WorkItem,
        definitions: (workflow: WorkflowDefinition, forms: [String: FormDefinition])
    ) {
        switch control {
        case .open(let n), .export(let n):
            guard attachments.indices.contains(n - 1) else {
                console.say(
                    t(
                        "  tidak ada lampiran \(n) (1–\(attachments.count))",
                        "  no attachment \(n) (1–\(attachments.count))"))
                return
            }
            let a = attachments[n - 1]
            var path: String? = nil
            if case .open = control, a.onDisk == .same {
                path =
                    a.name.hasPrefix("/")
                    ? a.name : (engine.attachments.folder as NSString).appendingPathComponent(a.name)
            }
            if path == nil {
                do {
                    guard let bytes = try engine.attachmentBytes(sha256: a.sha256) else {
                        console.say(
                            t("  tidak ada salinan utuh lampiran \(n)", "  no whole stored copy of attachment \(n)"))
                        return
                    }
                    let name = (a.name as NSString).lastPathComponent.filter {
                        $0.isLetter || $0.isNumber || "._-".contains($0)
                    }
                    let target = (NSTemporaryDirectory() as NSString)
                        .appendingPathComponent(
                            "seleksi-\(a.sha256.prefix(12))-\(UUID().uuidString.prefix(8))-\(name.isEmpty ? "lampiran" : name)"
                        )
                    try OutputFile.writeNew(target, bytes)
                    path = target
                    console.say(t("  salinan tersimpan diekspor: \(target)", "  stored copy exported: \(target)"))
                } catch {
                    console.say("  ✗ \(error)")
                    return
                }
            }
            if case .open = control { open(path!) }
        case .portfolio:
            if let p = try? engine.possibilities(instance: item.instance, actor: actor, now: now).first(where: {
                !$0.isOptional
            }) {
                try? printPortfolio(item, primary: p, definitions: definitions)
            }
        case .help:
            console.say(
                t(
                    """
                      Enter menerima usulan (bila ada); pilihan dengan nomor atau labelnya; beberapa skor sekaligus dipisah spasi.
                      s lewati · b kembali (pertanyaan sebelumnya, atau pelamar sebelumnya) · q keluar · p portofolio lagi
                      o N buka lampiran N · e N ekspor salinan tersimpan lampiran N. Lewati, kembali dan keluar tidak mencatat apa pun.
                    """,
                    """
                      Enter takes the proposal (if any); a choice by number or label; several scores at once, separated by spaces.
                      s skip · b back (previous question, or previous applicant) · q quit · p portfolio again
                      o N opens attachment N · e N exports its stored copy. Skip, back and quit record nothing.
                    """))
        default:
            return
        }
    }

    /// `xdg-open` where there is a desktop; otherwise the path, to open elsewhere.
    private func open(_ path: String) {
        let env = ProcessInfo.processInfo.environment
        let desktop = env["DISPLAY"] != nil || env["WAYLAND_DISPLAY"] != nil
        let opener = (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/xdg-open" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard desktop, let opener else {
            console.say(t("  tidak ada desktop; buka berkas ini: \(path)", "  no desktop; open this file: \(path)"))
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            console.say(t("  dibuka: \(path)", "  opened: \(path)"))
        } catch {
            console.say(t("  tidak dapat membuka; berkasnya: \(path)", "  cannot open; the file: \(path)"))
        }
    }
}
