import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct FireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fire",
        abstract: "Picu peristiwa pada instans sebagai seorang pelaku (mis. ajukan, verifikasi, tanda_tangan).",
        discussion: """
        Ditolak (keluar 1, tercatat di log audit) bila pelaku tidak berperan, peristiwa tidak berlaku pada status ini
        (pesan menyebut yang berlaku), syarat tidak terpenuhi, alasan wajib tidak diberikan, atau formulir tidak sah.
        Peristiwa berkuorum (mis. tanda tangan berita acara) menunggu sampai cukup anggota mengonfirmasi.
        Contoh: seleksi fire 2 ajukan --as pelamar1 --form demo_pendaftaran=isian.json
        """)

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Argument(help: "Nama peristiwa.") var event: String
    @Option(name: .customLong("as"), help: "Pelaku yang memicu.") var actor: String
    @Option(help: "Alasan tertulis (wajib untuk sebagian peristiwa).") var reason: String?
    @Option(name: .customLong("form"), help: "Formulir yang diserahkan bersama: FORM=isian.json (boleh berulang).") var forms: [String] = []

    func run() throws {
        let engine = try options.openEngine()
        let result = try report(options.lang) {
            try engine.fire(FireRequest(instance: instance, event: event, actor: actor, reason: reason, forms: try parseFormArguments(forms)), now: try options.timestamp())
        }
        switch result.kind {
        case .moved(let from, let to):
            if options.json {
                printJSON(.record(["instance": .number(Double(instance)), "event": .string(event), "from": .string(from), "to": .string(to),
                                   "audit_seq": .number(Double(result.auditSeq)), "children": .list(result.createdChildren.map { .number(Double($0)) })]))
            } else {
                print("#\(instance) \(event): \(from) → \(to)" + (result.createdChildren.isEmpty ? "" : "; instans anak: \(result.createdChildren.map { "#\($0)" }.joined(separator: ", "))"))
            }
        case .pending(let have, let need):
            if options.json {
                printJSON(.record(["instance": .number(Double(instance)), "event": .string(event), "pending": .bool(true), "have": .number(Double(have)), "need": .number(Double(need))]))
            } else {
                print("#\(instance) \(event): konfirmasi \(have) dari \(need) tercatat; menunggu \(need - have) lagi")
            }
        }
    }
}
