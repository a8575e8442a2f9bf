import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiDemo

/// `seleksi demo --upt all`: one round per UPT of the 2019 allocation in one database, with a
/// progress bar on a terminal and a summary over every round.
extension DemoCommand {
    func runNational(root: String) throws {
        let bar = ProgressBar(enabled: !json)
        let quiet = json
        let summary = try buildInPlace { building in try report(lang) { () throws -> NationalDemo.Summary in
            let demo = NationalDemo(options: .init(database: building, outputFolder: out, applicants: applicants, seed: seed, root: root),
                                    progress: { p in
                                        bar.draw(fraction: p.fraction, "\(p.upt)/\(p.upts) UPT · langkah \(p.step): \(Self.short(p.phase)) · "
                                            + "\(Self.grouped(p.applicantsDone))/\(Self.grouped(p.applicants)) pelamar · "
                                            + Self.seconds(p.seconds))
                                    },
                                    log: { line in if !quiet { print(line) } })
            defer { bar.finish() }
            return try demo.run()
        } }
        json ? printNationalJSON(summary) : printNational(summary)
    }

    private func printNational(_ s: NationalDemo.Summary) {
        print("\nPutaran per UPT (pelamar → berkontrak / alokasi):")
        for r in s.rounds {
            print("  #\(r.round)\t\(r.upt)\t\(r.applicants) → \(r.contracted) / \(r.allocation)"
                + (r.cancelled ? "\tdibatalkan: tidak ada pelamar yang dinilai" : ""))
        }
        print("Pelamar per status (semua UPT):")
        for st in s.states { print("  \(st.state)\t\(st.count)") }
        print("Waktu per tahap (jumlah semua putaran):")
        for p in s.phases { print("  \(Self.seconds(p.seconds))\t\(p.name)") }
        print("Dokumen: \(s.documents) berkas HTML (dan .md) di \(out)/<upt>/dokumen/")
        print("Log audit utuh: \(s.auditRows) baris. \(s.rounds.count) putaran. Waktu: \(Self.seconds(s.seconds)). Basis data: \(db)")
    }

    private func printNationalJSON(_ s: NationalDemo.Summary) {
        printJSON(.record([
            "db": .string(db), "rounds": .number(Double(s.rounds.count)), "audit_rows": .number(Double(s.auditRows)),
            "documents": .number(Double(s.documents)), "seconds": .number((s.seconds * 1000).rounded() / 1000),
            "states": .record(Dictionary(uniqueKeysWithValues: s.states.map { ($0.state, Value.number(Double($0.count))) })),
            "phases": .list(s.phases.map { .record(["name": .string($0.name), "seconds": .number(($0.seconds * 1000).rounded() / 1000)]) }),
            "upts": .list(s.rounds.map {
                .record(["upt": .string($0.upt), "round": .number(Double($0.round)), "applicants": .number(Double($0.applicants)),
                         "allocation": .number(Double($0.allocation)), "contracted": .number(Double($0.contracted)),
                         "cancelled": .bool($0.cancelled)])
            }),
        ]))
    }

    /// A phase's name up to its first comma, semicolon or parenthesis, so the bar fits one line.
    static func short(_ phase: String) -> String {
        let cut = phase.firstIndex { ",;(".contains($0) } ?? phase.endIndex
        return String(phase[..<cut].prefix(36)).trimmingCharacters(in: .whitespaces)
    }

    /// 20000 → "20.000", as Indonesian writes it.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "." }
            out.append(d)
        }
        return out
    }

    /// 3.14 → "3,1 s".
    static func seconds(_ s: Double) -> String { String(format: "%.1f s", s).replacingOccurrences(of: ".", with: ",") }
}
