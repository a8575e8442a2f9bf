import Foundation
import Testing
@testable import SeleksiDemo
@testable import SeleksiEngine
import SeleksiStore

@Suite("seleksi demo --upt all: a national season")
struct NationalDemoTests {
    @Test func everyUPTRunsItsRoundInOneDatabaseWithinItsAllocationAndTheLogVerifies() throws {
        let temp = TempFolder()
        let demo = NationalDemo(options: .init(database: temp.file("national.sqlite"), outputFolder: temp.file("out"), applicants: 300,
                                               seed: 5, root: Repo.root), progress: { _ in }, log: { _ in })
        let summary = try demo.run()
        #expect(summary.rounds.count == 29)
        #expect(summary.rounds.reduce(0) { $0 + $1.applicants } == 300)
        #expect(summary.rounds.map(\.allocation).reduce(0, +) == 1547)
        let engine = try Engine(path: temp.file("national.sqlite"))
        for r in summary.rounds {
            #expect(r.contracted <= r.allocation, "\(r.upt): \(r.contracted) contracted of \(r.allocation) places")
            #expect(try engine.show(r.round).record.state == "selesai", "\(r.upt)'s round did not close")
            #expect(FileManager.default.fileExists(atPath: temp.file("out/\(r.upt)/laporan.md")))
        }
        #expect(summary.rounds.contains { $0.contracted > 0 })
        #expect(Set(summary.rounds.map(\.round)).count == 29)
        #expect(try engine.verifyAudit().rows == summary.auditRows)
        #expect(summary.phases.count == NationalDemo.phasesPerRound)
    }

    /// 100 applicants over 29 UPTs leave two or three to some: with seed 2019 every applicant of Lampung
    /// is found ineligible, and its ranking (which refuses to rank no one) once stopped the whole season.
    @Test func aRoundLeftWithNoApplicantToScoreIsCancelledAndTheSeasonGoesOn() throws {
        let temp = TempFolder()
        let options = NationalDemo.Options(database: temp.file("national.sqlite"), outputFolder: temp.file("out"),
                                           applicants: 100, seed: 2019, root: Repo.root)
        let demo = NationalDemo(options: options, progress: { _ in }, log: { _ in })
        let summary = try demo.run()
        let engine = try Engine(path: temp.file("national.sqlite"))
        let cancelled = summary.rounds.filter(\.cancelled)
        #expect(!cancelled.isEmpty)
        for r in summary.rounds {
            let state = try engine.show(r.round).record.state
            #expect(state == (r.cancelled ? "dibatalkan" : "selesai"), "\(r.upt): round in \(state)")
            #expect(FileManager.default.fileExists(atPath: temp.file("out/\(r.upt)/laporan.md")))
        }
        for r in cancelled {
            #expect(r.contracted == 0)
            let scored = InstanceFilter(workflow: "tb_pelamar", state: "dinilai", parent: r.round)
            #expect(try engine.counts(scored).isEmpty)
        }
        #expect(summary.phases.filter { $0.name.hasPrefix("putaran dibatalkan") }.count == 1)
        #expect(try engine.verifyAudit().rows == summary.auditRows)
    }

    @Test func applicantsAreSpreadByAllocationAndAddUp() {
        let weights = [80, 84, 109, 36, 52]
        let shares = NationalDemo.spread(1000, over: weights, seed: 1)
        #expect(shares.reduce(0, +) == 1000)
        #expect(shares.allSatisfy { $0 >= 1 })
        // Proportional to within one applicant.
        for (share, weight) in zip(shares, weights) {
            #expect(abs(Double(share) - 1000 * Double(weight) / Double(weights.reduce(0, +))) <= 1.5)
        }
        #expect(NationalDemo.spread(1000, over: weights, seed: 1) == shares)
        #expect(NationalDemo.spread(5, over: weights, seed: 9) == [1, 1, 1, 1, 1])
    }
}
