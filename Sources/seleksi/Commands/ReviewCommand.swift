import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract:
            "Tinjau tugas satu per satu: portofolio berlabel, usulan mesin, lampiran terverifikasi, lalu putusan atau lembar skor.",
        discussion: """
            Berjalan melalui tugas pelaku (seperti `seleksi tasks`), satu pelamar setiap kali: portofolio dengan label, tanggal dan rupiah seperti ditulis orang; usulan mesin dan alasannya; lampiran dengan ukuran dan hash yang diperiksa terhadap salinan tersimpan dan berkas di disk (o N membuka, e N mengekspor). Lalu tindakannya: lembar verifikasi (Enter menerima usulan), atau lembar skor (batas tiap butir dan jumlah sementara; beberapa skor sekaligus dipisah spasi). Sebelum dicatat, perintah dicoba tanpa menulis dan Anda diminta mengonfirmasi dengan nama pelamar. Yang dicatat melalui perintah dan log audit yang sama dengan `seleksi fire`. s lewati · b kembali · q keluar: tidak mencatat apa pun. Tindakan pilihan (mis. k menyatakan konflik) satu tombol.

            Contoh: seleksi review --as tim1 1 --attachments demo-out/lampiran-sintetis
            """)

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Nomor instans putaran (bawaan: semua tugas).") var round: Int64?

    func run() throws {
        let engine = try options.openEngine()
        actorOptions.configure(engine)
        let signer = try actorOptions.signer(options.lang)
        let now = options.now == nil ? nil : try options.timestamp()
        let session = ReviewSession(
            engine: engine, actor: actorOptions.actor, round: round, language: options.lang, now: now, signer: signer)
        let status = try report(options.lang) { try session.run() }
        if status != 0 { throw ExitCode(status) }
    }
}
