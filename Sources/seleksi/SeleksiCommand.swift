import ArgumentParser

@main
struct SeleksiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seleksi",
        abstract: "Mesin alur kerja seleksi berbasis formulir, dengan jejak audit di SQLite.",
        discussion: """
        Alur kerja ada di workflows/*.xml, formulir di forms/*.xml, data acuan di seed/.
        Basis data dipilih dengan --db PATH atau SELEKSI_DB (bawaan: ./seleksi.sqlite).

        Mulai cepat:
          seleksi init --simulation            buat basis data latihan (menerima --now), muat definisi dan seed
          seleksi check                        periksa semua definisi
          seleksi start demo_pelamar --org skb-demo --as pelamar1
          seleksi fire 1 ajukan --as pelamar1 --form demo_pendaftaran=isian.json
          seleksi show 1 ; seleksi history 1 ; seleksi audit verify

        Kode keluar (exit status):
          0  berhasil
          1  perintah ditolak oleh aturan alur (peran, status, syarat, kuorum, formulir tidak sah)
          2  masukan atau definisi salah (berkas, baris, kolom disebutkan)
          3  masalah basis data (tidak ada, terkunci, dibuat versi lebih baru)
          4  log audit tidak utuh
          64 argumen perintah salah (lihat pesan dan --help)
        """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, InitCommand.self, CheckCommand.self, SchemaCommand.self, DiagramCommand.self, FormCommand.self,
            StartCommand.self, SubmitCommand.self, CorrectCommand.self, WithdrawCommand.self, FireCommand.self, VoteCommand.self,
            ListCommand.self,
            TasksCommand.self, ReviewCommand.self, ProgressCommand.self, ShowCommand.self, HistoryCommand.self, ReportCommand.self,
            DocumentCommand.self, TickCommand.self, AuditCommand.self,
            ActorCommand.self, OrgCommand.self, KeyCommand.self, AttachmentCommand.self, EraseCommand.self,
        ]
    )
}
