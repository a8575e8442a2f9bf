import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct ActorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actor",
        abstract: "Pelaku, perannya di organisasi, dan kuncinya. Setiap perubahan tercatat di log audit.",
        subcommands: [Add.self, Update.self, Grant.self, Revoke.self, Key.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "Daftarkan pelaku baru (id yang sudah ada ditolak; ubah dengan `actor update`).",
            discussion: "Contoh: seleksi actor add penilai4 --name \"Nama Lengkap\" --nip 198001012005012001 --os-user rina")
        @OptionGroup var options: DatabaseOptions
        @Argument(help: "Id pelaku: huruf, angka, - _ .") var id: String
        @Option(help: "Nama lengkap.") var name: String
        @Option(help: "NIP (pegawai negeri), bila ada.") var nip: String?
        @Option(name: .customLong("os-user"), help: "Akun sistem operasi yang terikat ke pelaku (identitas ketat).") var osUser: String?
        @Option(name: .customLong("as"), help: "Pelaku yang mencatat perubahan (bawaan: akun sistem).") var by: String?
        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) { try engine.addActor(id: id, name: name, nip: nip, osUser: osUser, actor: by, now: try options.timestamp()) }
            say(options.t("pelaku \(id) terdaftar: \(name)", "actor \(id) registered: \(name)"))
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Ubah nama, NIP atau akun sistem pelaku. Contoh: seleksi actor update penilai4 --name \"…\"")
        @OptionGroup var options: DatabaseOptions
        @Argument var id: String
        @Option var name: String?
        @Option(help: "NIP baru; kosong (\"\") menghapusnya.") var nip: String?
        @Option(name: .customLong("os-user"), help: "Akun sistem; kosong (\"\") melepas ikatan.") var osUser: String?
        @Option(name: .customLong("as"), help: "Pelaku yang mencatat perubahan (bawaan: akun sistem).") var by: String?
        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) {
                try engine.updateActor(id: id, name: name, nip: nip.map { $0.isEmpty ? nil : $0 }, osUser: osUser.map { $0.isEmpty ? nil : $0 },
                                       actor: by, now: try options.timestamp())
            }
            say(options.t("pelaku \(id) diubah", "actor \(id) changed"))
        }
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grant", 
            abstract: "Beri peran di organisasi (dan organisasi di bawahnya), mungkin sampai suatu waktu atau sampai instans berakhir.",
            discussion: """
            Peran harus dikenal salah satu alur yang dimuat. Peran dapat berakhir pada tanggal (--until) atau saat sebuah instans selesai (--until-instance, mis. putaran #1):

              seleksi actor grant penilai4 tim_seleksi --org upt-bp-kalimantan-selatan --until 2019-12-31
              seleksi actor grant penilai4 tim_seleksi --org upt-bp-kalimantan-selatan --until-instance 1
            """)
        @OptionGroup var options: DatabaseOptions
        @Argument var actor: String
        @Argument var role: String
        @Option var org: String
        @Option(help: "Peran berakhir pada waktu ini (ISO 8601).") var until: String?
        @Option(name: .customLong("until-instance"), help: "Peran berakhir saat instans ini mencapai status akhir.") var untilInstance: Int64?
        @Option(name: .customLong("as"), help: "Pelaku yang mencatat perubahan (bawaan: akun sistem).") var by: String?
        func run() throws {
            let engine = try options.openEngine()
            let end = try until.map { text -> Timestamp in
                guard let t = Timestamp(iso: text) else { throw ValidationError(options.t("--until: '\(text)' bukan waktu; tulis 2019-12-31 atau 2019-12-31T17:00",
                                                                                                 "--until: '\(text)' is not a time; write 2019-12-31 or 2019-12-31T17:00")) }
                return t
            }
            try report(options.lang) {
                try engine.grant(actor: actor, role: role, org: org, until: end, untilInstance: untilInstance, by: by, now: try options.timestamp())
            }
            say("\(actor): \(role)@\(org)" + (end.map { options.t(" sampai \($0.iso)", " until \($0.iso)") } ?? "")
                + (untilInstance.map { options.t(" sampai #\($0) selesai", " until #\($0) ends") } ?? ""))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Cabut peran. Contoh: seleksi actor revoke penilai4 tim_seleksi --org upt-demo")
        @OptionGroup var options: DatabaseOptions
        @Argument var actor: String
        @Argument var role: String
        @Option var org: String
        @Option(name: .customLong("as"), help: "Pelaku yang mencatat perubahan (bawaan: akun sistem).") var by: String?
        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) { try engine.revoke(actor: actor, role: role, org: org, by: by, now: try options.timestamp()) }
            say(options.t("\(actor): \(role)@\(org) dicabut", "\(actor): \(role)@\(org) revoked"))
        }
    }

    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "key", 
            abstract: "Daftarkan kunci publik pelaku untuk menandatangani perintah (--sign).",
            discussion: "Buat kunci dengan `seleksi key generate --out saya.key`, lalu: seleksi actor key penilai1 --public-key HEX")
        @OptionGroup var options: DatabaseOptions
        @Argument var actor: String
        @Option(name: .customLong("public-key"), help: "Kunci publik Ed25519, 64 digit heksadesimal.") var publicKey: String
        @Option(name: .customLong("as"), help: "Pelaku yang mencatat perubahan (bawaan: akun sistem).") var by: String?
        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) { try engine.addActorKey(actor: actor, publicKeyHex: publicKey, by: by, now: try options.timestamp()) }
            say(options.t("kunci \(publicKey.prefix(16))… terdaftar untuk \(actor)", "key \(publicKey.prefix(16))… registered for \(actor)"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Daftar pelaku dan perannya.")
        @OptionGroup var options: DatabaseOptions
        func run() throws {
            let engine = try options.openEngine()
            let actors = try report(options.lang) { try engine.actors() }
            let now = try options.timestamp().seconds
            if options.json {
                printJSON(.list(actors.map { a in
                    .record(["id": .string(a.id), "name": .string(a.name), "nip": a.nip.map(Value.string) ?? .null,
                             "os_user": a.osUser.map(Value.string) ?? .null, "keys": .number(Double(a.keys)),
                             "roles": .list(a.grants.filter { $0.isActive(at: now) }.map { .string("\($0.role)@\($0.org)") })])
                }))
                return
            }
            for a in actors {
                let roles = a.grants.filter { $0.isActive(at: now) }.map { "\($0.role)@\($0.org)" }.joined(separator: " ")
                say("\(a.id)\t\(a.name)\t\(roles)")
            }
        }
    }
}
