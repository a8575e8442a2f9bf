import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiEngine
import SeleksiStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Log audit: buktikan basis data terhadap lognya, buat checkpoint bertanda tangan, atau tampilkan baris-barisnya.",
        subcommands: [Verify.self, Checkpoint.self, Log.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", 
            abstract: "Buktikan basis data terhadap log auditnya; keluar 4 dan sebut baris atau rekaman pertama yang tidak sesuai.",
            discussion: """
            Memeriksa: rantai hash (urutan, tautan, isi, waktu tidak mundur, tanda tangan), data setiap perintah (formulir, keputusan, konfirmasi), setiap instans, pelaku, organisasi, peran, definisi, pengaturan dan tabel acuan terhadap baris audit terakhir yang menulisnya, jalur status setiap instans terhadap alurnya, lampiran terhadap hash-nya, dan pemicu penjaga log.

            Baris yang dihapus dari ujung log atau rantai yang dihitung ulang seluruhnya hanya terlihat dengan checkpoint yang disimpan di luar basis data (--checkpoint) atau kepala log yang tercetak di dokumen (--head). Lihat docs/threat-model.md.
            """)
        @OptionGroup var options: DatabaseOptions
        @Option(name: .long, help: ArgumentHelp("Berkas checkpoint (dari `seleksi audit checkpoint`); boleh berulang.", valueName: "BERKAS"))
        var checkpoint: [String] = []
        @Option(name: .long, help: ArgumentHelp("Kepala log yang tercetak di dokumen: NOMOR:HASH.", valueName: "NOMOR:HASH"))
        var head: [String] = []

        /// A malformed `--head` is a usage error of this command (its own usage printed), found before the
        /// database is opened.
        func validate() throws { _ = try head.map(Self.parseHead) }

        func run() throws {
            let engine = try options.openEngine()
            let checkpoints = try report(options.lang) { try checkpoint.map(Self.readCheckpoint) }
            let heads = try head.map(Self.parseHead)
            // Progress only on a terminal: a log or a pipe gets the verdict alone, not a run of `\r` lines.
            let bar = ProgressBar(enabled: !options.json, onStandardError: true)
            let v = try report(options.lang) {
                defer { bar.finish() }  // the line is cleared before the verdict or an error is printed
                let report = try engine.verifyAudit(checkpoints: checkpoints) { rows in
                    bar.draw(fraction: nil, options.t("… \(rows) baris", "… \(rows) rows"))
                }
                try Self.check(heads, engine: engine)
                return report
            }
            if options.json {
                printJSON(.record(["ok": .bool(true), "rows": .number(Double(v.rows)), "head": .string(v.head.hex),
                                   "instances": .number(Double(v.instances)), "directory_entries": .number(Double(v.directoryEntries)),
                                   "signatures": .number(Double(v.signatures)), "checkpoints": .number(Double(v.checkpoints))]))
            } else {
                print(options.t("ok: \(v.rows) baris log audit utuh dan sesuai dengan \(v.instances) instans, \(v.directoryEntries) entri direktori/definisi, "
                                + "\(v.signatures) tanda tangan, \(v.checkpoints + heads.count) checkpoint; kepala \(v.headSeq):\(v.head.hex)",
                                "ok: \(v.rows) audit rows whole and in agreement with \(v.instances) instances, \(v.directoryEntries) directory/definition entries, "
                                + "\(v.signatures) signatures, \(v.checkpoints + heads.count) checkpoints; head \(v.headSeq):\(v.head.hex)"))
            }
        }

        static func readCheckpoint(_ path: String) throws -> SeleksiStore.Checkpoint {
            let bytes = try SafeFile.read(path, limit: 64 * 1024, what: "checkpoint")
            do { return try SeleksiStore.Checkpoint(text: String(decoding: bytes, as: UTF8.self)) } catch {
                throw EngineError.input("\(path): \(error)", en: "\(path): \(error)")
            }
        }

        static func parseHead(_ text: String) throws -> (Int64, String) {
            let parts = text.split(separator: ":").map(String.init)
            guard parts.count == 2, let seq = Int64(parts[0]), seq > 0, Hash256(hex: parts[1]) != nil else {
                throw ValidationError("--head '\(text)': tulis NOMOR:HASH seperti tercetak di dokumen, mis. 4521:9f86d0…")
            }
            return (seq, parts[1].lowercased())
        }

        /// A head printed on a document must still be in the log.
        static func check(_ heads: [(Int64, String)], engine: Engine) throws {
            for (seq, hash) in heads {
                guard let row = try engine.auditRecord(seq: seq) else {
                    throw EngineError.auditBroken("baris \(seq) yang tercetak di dokumen tidak ada lagi di log: baris dihapus (rows were removed)")
                }
                guard row.hash.hex == hash else {
                    throw EngineError.auditBroken("baris \(seq) berbeda dari kepala yang tercetak di dokumen: log ditulis ulang (the log was rewritten)")
                }
            }
        }
    }

    struct Checkpoint: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "checkpoint", 
            abstract: "Tandatangani kepala log dengan kunci instalasi dan tulis checkpoint ke berkas yang disimpan di tempat lain.",
            discussion: """
            Buat kunci sekali, lalu buat checkpoint secara berkala (mis. tiap akhir hari) dan periksa log terhadapnya:

              seleksi key generate --out /media/aman/instalasi.key
              seleksi audit checkpoint --key /media/aman/instalasi.key --out /media/aman/cp-2019-07-01.txt
              seleksi audit verify --checkpoint /media/aman/cp-2019-07-01.txt
            """)
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Berkas kunci instalasi.") var key: String
        @Option(help: "Berkas checkpoint yang ditulis (tidak menimpa berkas yang ada); tanpa --out dicetak ke layar.") var out: String?

        func run() throws {
            let engine = try options.openEngine()
            let signingKey = try report(options.lang) { try SigningKey(file: key) }
            let checkpoint = try report(options.lang) { try engine.checkpoint(key: signingKey, now: try options.timestamp()) }
            guard let out else { print(checkpoint.text, terminator: ""); return }
            try report(options.lang) { try OutputFile.writeNew(out, Array(checkpoint.text.utf8)) }
            print(options.t("checkpoint baris \(checkpoint.seq) ditulis ke \(out); simpan di luar mesin basis data",
                            "checkpoint of row \(checkpoint.seq) written to \(out); keep it off the database's machine"))
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "log", abstract: "Cetak log audit (semua instans), dari baris --from.")
        @OptionGroup var options: DatabaseOptions
        @Option(help: "Mulai dari baris ini.") var from: Int64 = 1

        func run() throws {
            let engine = try options.openEngine()
            try report(options.lang) {
                try engine.forEachAuditRecord(from: from) { r in
                    if options.json { printJSON(auditJSON(r)); return }
                    say("\(r.seq)\t\(dateTime(r.at))\t\(r.actor)\t\(r.command) \(r.event ?? "")\t#\(r.instance.map(String.init) ?? "-")"
                        + "\t\(r.from ?? "")→\(r.to ?? "")\t\(r.outcome)")
                }
            }
        }
    }
}

/// Files the CLI writes for the user: never over an existing file or through a symbolic link, and
/// readable by the owner only.
enum OutputFile {
    static func writeNew(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw EngineError.input("\(path): tidak ditulis (berkas yang ada tidak pernah ditimpa): \(String(cString: strerror(errno)))",
                                    en: "\(path): not written (an existing file is never overwritten): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw EngineError.input("\(path): tidak tertulis utuh", en: "\(path): not written whole") }
    }
}
