import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct VoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote",
        abstract: "Berikan (atau ubah) suara dalam pemungutan suara sebuah instans.",
        discussion: """
            Pemungutan suara dinyatakan alur (<votes><vote …/>): siapa yang memilih, pada status apa, pilihan atau calonnya, aturan (unanimous, majority, plurality), kuorum, rahasia atau terbuka. Suara dapat diubah sampai putaran ditutup (instans meninggalkan status itu); suara terakhir yang dihitung, semua tercatat di log audit. Suara rahasia tidak ditampilkan `seleksi show` sampai putaran ditutup. Ditolak (keluar 1, tercatat) bila pemungutan tidak dibuka, pelaku tidak berhak, atau pilihan tidak ada.

            Contoh: seleksi vote 3 putusan setuju --as anggota1
            """)

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Argument(help: "Id pemungutan suara (vote).") var vote: String
    @Argument(help: "Pilihan atau calon.") var choice: String
    @Option(help: "Alasan tertulis (opsional).") var reason: String?

    func run() throws {
        let engine = try options.openEngine()
        let signer = try actorOptions.signer(options.lang)
        let receipt = try report(options.lang) {
            try engine.vote(
                instance: instance, vote: vote, choice: choice, actor: actorOptions.actor, reason: reason,
                signer: signer,
                now: try options.timestamp())
        }
        let finalState = receipt.followUps.last?.finalState
        if options.json {
            printJSON(
                .record([
                    "instance": .number(Double(instance)), "vote": .string(vote),
                    "round": .number(Double(receipt.round)),
                    "changed": .bool(receipt.changed), "cast": .number(Double(receipt.cast)),
                    "needed": .number(Double(receipt.needed)),
                    "audit_seq": .number(Double(receipt.auditSeq)), "state": finalState.map(Value.string) ?? .null,
                ]))
            return
        }
        let who = engine.describeBriefly(instance)
        let what =
            receipt.changed
            ? options.t("suara diubah", "ballot changed") : options.t("suara tercatat", "ballot recorded")
        say(
            "\(who) \(vote) (\(options.t("putaran", "round")) \(receipt.round)): \(what); "
                + options.t(
                    "\(receipt.cast) dari \(receipt.needed) suara untuk kuorum",
                    "\(receipt.cast) of \(receipt.needed) ballots for the quorum"))
        if let finalState {
            say(options.t("  → status \(finalState) (otomatis)", "  → state \(finalState) (automatic)"))
        }
    }
}
