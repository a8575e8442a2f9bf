import ArgumentParser
import SeleksiCore
import SeleksiEngine

/// `submit`, `correct` and `withdraw`: writing a form outside an event, as the workflow's
/// `<submissions>` rules allow. Every write is a new version; nothing is overwritten.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Serahkan versi pertama isian formulir (JSON) untuk sebuah instans tanpa memicu peristiwa.",
        discussion: """
        Hanya bila alur mengizinkannya (<submissions><allow action="submit" …>) bagi peran pelaku pada status ini. Isian diperiksa lengkap; bila ada kesalahan semuanya dicetak (jalur kolom dan pesan) dan tidak ada yang disimpan.

        Contoh: seleksi submit 2 demo_pendaftaran isian.json --as pelamar1
        """)

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Argument(help: "Id formulir.") var form: String
    @Argument(help: "Berkas JSON isian, atau - untuk masukan standar.") var file: String

    func run() throws {
        try writeVersion(options, actorOptions, instance: instance, form: form, action: .submit, file: file, reason: nil)
    }
}

struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct",
        abstract: "Koreksi isian formulir: versi baru dengan alasan tertulis; versi lama tetap tersimpan.",
        discussion: """
        Hanya bila alur mengizinkannya (<allow action="correct" …>) bagi peran pelaku pada status ini. Seorang penilai mengoreksi lembar penilaiannya sendiri sampai pemeringkatan. `seleksi show N --versions` menampilkan setiap versi.

        Contoh: seleksi correct 5 tb_skor skor-baru.json --as tim1 --reason "salah ketik pada komponen pengalaman"
        """)

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Argument(help: "Id formulir.") var form: String
    @Argument(help: "Berkas JSON isian baru, atau -.") var file: String
    @Option(help: "Alasan koreksi (wajib).") var reason: String

    func run() throws {
        try writeVersion(options, actorOptions, instance: instance, form: form, action: .correct, file: file, reason: reason)
    }
}

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Tarik lembar penilaian sendiri dengan alasan tertulis (mis. konflik kepentingan yang baru diketahui).",
        discussion: "Contoh: seleksi withdraw 5 tb_skor --as tim1 --reason \"ternyata kerabat pelamar\"")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actorOptions: ActorOptions
    @Argument(help: "Nomor instans.") var instance: Int64
    @Argument(help: "Id formulir.") var form: String
    @Option(help: "Alasan penarikan (wajib).") var reason: String

    func run() throws {
        try writeVersion(options, actorOptions, instance: instance, form: form, action: .withdraw, file: nil, reason: reason)
    }
}

private func writeVersion(_ options: DatabaseOptions, _ actorOptions: ActorOptions, instance: Int64, form: String,
                          action: SubmissionRule.Action, file: String?, reason: String?) throws {
    let engine = try options.openEngine()
    actorOptions.configure(engine)
    let signer = try actorOptions.signer(options.lang)
    let hash = try report(options.lang) {
        let answers = try file.map(readAnswers) ?? [:]
        return try engine.submit(Engine.SubmitRequest(instance: instance, form: form, action: action, answers: answers,
                                                      actor: actorOptions.actor, reason: reason, signer: signer),
                                 now: try options.timestamp())
    }
    let who = engine.describeBriefly(instance)
    if options.json {
        printJSON(.record(["instance": .number(Double(instance)), "form": .string(form), "action": .string(action.rawValue),
                           "sha256": .string(hash)]))
    } else {
        let verb = (options.lang == .en ? ["submit": "accepted", "correct": "corrected (a new version)", "withdraw": "withdrawn"]
                                        : ["submit": "diterima", "correct": "dikoreksi (versi baru)", "withdraw": "ditarik"])[action.rawValue] ?? action.rawValue
        say("\(who): \(form) \(verb) (sha256 \(hash.prefix(16))…)")
    }
}
