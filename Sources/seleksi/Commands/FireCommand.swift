import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct FireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fire",
        abstract: "Picu peristiwa pada instans sebagai seorang pelaku (mis. ajukan, verifikasi, tanda_tangan).",
        discussion: """
        Ditolak (keluar 1, tercatat di log audit) bila pelaku tidak berperan, peristiwa tidak berlaku pada status ini (pesan menyebut yang berlaku), syarat tidak terpenuhi, alasan wajib tidak diberikan, atau formulir tidak sah. Instans, pelaku atau peristiwa yang tidak ada: keluar 2 (juga tercatat).

        Peristiwa berkuorum (mis. tanda tangan berita acara) menunggu sampai cukup anggota mengonfirmasi. Jawaban menyebut nama pemilik instans, agar nomor yang salah segera terlihat.

        Contoh: seleksi fire 2 ajukan --as pelamar1 --form demo_pendaftaran=isian.json
        """)

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Argument(help: "Nama peristiwa.") var event: String
    @Option(help: "Alasan tertulis (wajib untuk sebagian peristiwa, dan untuk mengoreksi formulir yang sudah ada).") var reason: String?
    @Option(name: .customLong("form"), help: "Formulir yang diserahkan bersama: FORMULIR=isian.json (boleh berulang).") var forms: [String] = []

    func run() throws {
        let engine = try options.openEngine()
        actorOptions.configure(engine)
        let signer = try actorOptions.signer(options.lang)
        let result = try report(options.lang) {
            try engine.fire(FireRequest(instance: instance, event: event, actor: actorOptions.actor, reason: reason,
                                        forms: try parseFormArguments(forms), signer: signer), now: try options.timestamp())
        }
        let who = engine.describeBriefly(instance)
        switch result.kind {
        case .moved(let from, let to):
            if options.json {
                printJSON(.record(["instance": .number(Double(instance)), "event": .string(event), "from": .string(from),
                                   "to": .string(result.finalState ?? to), "audit_seq": .number(Double(result.auditSeq)),
                                   "children": .list(result.createdChildren.map { .number(Double($0)) })]))
            } else {
                let then = result.finalState.flatMap { $0 == to ? nil : " → \($0) (\(options.t("otomatis", "automatic")))" } ?? ""
                let children = result.createdChildren.map { "#\($0)" }.joined(separator: ", ")
                say("\(who) \(event): \(from) → \(to)\(then)"
                    + (result.createdChildren.isEmpty ? "" : options.t("; instans anak: \(children)", "; child instances: \(children)")))
            }
        case .pending(let have, let need):
            if options.json {
                printJSON(.record(["instance": .number(Double(instance)), "event": .string(event), "pending": .bool(true),
                                   "have": .number(Double(have)), "need": .number(Double(need))]))
            } else {
                say(options.t("\(who) \(event): konfirmasi \(have) dari \(need) tercatat; menunggu \(need - have) lagi",
                              "\(who) \(event): confirmation \(have) of \(need) recorded; waiting for \(need - have) more"))
            }
        }
    }
}
