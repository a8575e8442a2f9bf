import ArgumentParser
import SeleksiCore
import SeleksiEngine

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Log audit: verifikasi rantai hash, atau tampilkan baris-barisnya.",
        subcommands: [Verify.self, Log.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hitung ulang rantai hash log audit; keluar 4 dan sebut baris pertama yang rusak bila ada yang diubah.")
        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let engine = try options.openEngine()
            let v = try report(options.lang) { try engine.verifyAudit() }
            if options.json { printJSON(.record(["ok": .bool(true), "rows": .number(Double(v.rows)), "head": .string(v.headHash)])) } else {
                print("ok: \(v.rows) baris log audit utuh; hash terakhir \(v.headHash)")
            }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cetak log audit (semua instans).")
        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let engine = try options.openEngine()
            let rows = try report(options.lang) { try engine.audit.records() }
            if options.json { printJSON(.list(rows.map(auditJSON))); return }
            for r in rows {
                print("\(r.seq)\t\(dateTime(r.at))\t\(r.actor)\t\(r.command) \(r.event ?? "")\t#\(r.instance.map(String.init) ?? "-")\t\(r.from ?? "")→\(r.to ?? "")\t\(r.outcome)")
            }
        }
    }
}
