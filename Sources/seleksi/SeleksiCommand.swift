import ArgumentParser

@main
struct SeleksiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seleksi",
        abstract: "Mesin alur kerja seleksi berbasis formulir, dengan jejak audit di SQLite.",
        discussion: """
        Alur kerja ada di workflows/*.xml, formulir di forms/*.xml, data acuan di seed/, templat dokumen di templates/. `seleksi init` menyimpan definisi dan seed di basis data; perintah lain membacanya dari sana, dari folder mana pun. Folder proyek (untuk init, check, document, demo) dipilih dengan --root atau SELEKSI_ROOT, lalu folder kerja bila berisi forms/ dan workflows/, lalu folder tempat seleksi dibangun. Basis data dipilih dengan --db PATH atau SELEKSI_DB (bawaan: ./seleksi.sqlite). Pesan dalam bahasa Indonesia; --lang en untuk bahasa Inggris.

        Mulai cepat:
          seleksi init --simulation
          seleksi check
          seleksi start demo_pelamar --org skb-demo --as pelamar1
          seleksi fire 1 ajukan --as pelamar1 --form demo_pendaftaran=isian.json
          seleksi show 1 ; seleksi history 1 ; seleksi audit verify

        Kode keluar, sama untuk setiap perintah (kesalahan yang sama, kode yang sama):
          0  berhasil
          1  ditolak oleh aturan alur, formulir atau direktori
          2  masukan salah: yang disebut tidak ada, berkas atau definisi salah
          3  masalah basis data: tidak ada, terkunci, asing, versi lebih baru
          4  log audit tidak utuh, atau baris instans diubah di luar Seleksi
          64 baris perintah salah: perintah, opsi atau nilai tidak dikenal

        Kode 1: permintaan dipahami dan yang disebutnya ada, tetapi aturan tidak mengizinkannya (peran, status, syarat, kuorum, alasan, tanda tangan, isian yang melanggar syarat formulir termasuk pada form validate, id yang sudah dipakai, dokumen yang tahapnya belum tercapai); tercatat di log audit bila menyentuh basis data. Kode 2: menyebut instans, pelaku, organisasi, peran, alur, formulir, peristiwa, templat, berkas atau folder proyek yang tidak ada, berkas yang tidak terbaca atau bukan JSON yang sah, definisi yang salah (berkas dan baris disebut), --now pada basis data sungguhan, atau keluaran yang sudah ada tanpa --replace. Kode 64: nilai yang bukan jenisnya atau di luar rentangnya, argumen yang kurang.

        Pelengkapan shell: seleksi --generate-completion-script bash (atau zsh, fish).
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
