import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiDemo

/// `seleksi demo --process ppdb`: one synthetic district's new-student admission (Permendikbud 1/2021),
/// built under a temporary name and moved to --db when complete, like the Tutor Bantu demo.
extension DemoCommand {
    func runPPDB(root: String) throws {
        let quiet = json
        let summary = try buildInPlace { building in try report(lang) { () throws -> PPDBDemo.Summary in
            var options = PPDBDemo.Options(database: building, outputFolder: out, applicants: applicants, seed: seed, root: root)
            options.language = lang
            var demo = try PPDBDemo(options: options) { line in if !quiet { print(line) } }
            return try demo.run()
        } }
        if json {
            printJSON(.record([
                "db": .string(db), "round": .number(Double(summary.round)), "audit_rows": .number(Double(summary.auditRows)),
                "refused": .number(Double(summary.refused)), "seconds": .number((summary.seconds * 1000).rounded() / 1000),
                "states": .record(Dictionary(uniqueKeysWithValues: summary.states.map { ($0.state, Value.number(Double($0.count))) })),
                "documents": .list(summary.documents.map(Value.string)),
            ]))
            return
        }
        print(lang == .en ? "\nApplications by state:" : "\nPendaftaran per status:")
        for s in summary.states { print("  \(s.state)\t\(s.count)") }
        print(lang == .en ? "Documents and report:" : "Dokumen dan laporan:")
        for d in summary.documents { print("  \(d)") }
        print(String(format: lang == .en ? "Audit log whole: %d rows. Time: %.2f s. Database: %@ (round #%lld)"
                                         : "Log audit utuh: %d baris. Waktu: %.2f s. Basis data: %@ (putaran #%lld)",
                     summary.auditRows, summary.seconds, db, summary.round))
    }
}
