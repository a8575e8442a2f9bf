import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct EraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Hapus data pribadi seorang pelamar atas permintaannya, tanpa merusak bukti log audit.",
        discussion: "Mengganti setiap kolom pribadi (NIK, NPWP, telepon, surel, dan kolom bertanda personal: alamat, tanggal lahir, rekening) di setiap versi formulir instans dengan [dihapus], dan menghapus salinan lampirannya yang tidak dipakai instans lain. Setiap versi tetap menyimpan SHA-256 isian aslinya, sehingga `seleksi audit verify` tetap membuktikan rantai; baris audit penghapusan mencatat kolom yang dihapus. Hanya untuk instans berstatus akhir, oleh pemegang peran kantor alur itu, dengan alasan tertulis (mis. nomor surat permohonan).")

    @OptionGroup var options: DatabaseOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Option(name: .customLong("as"), help: "Pelaku yang menghapus (pemegang peran kantor).") var actor: String
    @Option(help: "Alasan tertulis (wajib).") var reason: String

    func run() throws {
        let engine = try options.openEngine()
        let erased = try report(options.lang) {
            try engine.erasePersonalData(instance: instance, actor: actor, reason: reason, now: try options.timestamp())
        }
        if options.json {
            printJSON(.record(["instance": .number(Double(instance)), "fields": .list(erased.fields.map(Value.string)),
                               "submissions": .number(Double(erased.submissions)), "attachments": .number(Double(erased.attachments))]))
            return
        }
        say("#\(instance): data pribadi dihapus dari \(erased.submissions) versi formulir, \(erased.attachments) salinan lampiran: "
            + erased.fields.joined(separator: ", "))
    }
}
