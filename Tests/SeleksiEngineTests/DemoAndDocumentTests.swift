import Foundation
import SeleksiCore
import SeleksiStore
import Testing
@testable import SeleksiDemo
@testable import SeleksiDocuments
@testable import SeleksiEngine

@Suite("seleksi demo and the documents it renders")
struct DemoAndDocumentTests {
    /// The recruitment alone (stopped before the work phase, as `--until kerja`): its tutors stay under contract.
    func runDemo(_ temp: TempFolder, applicants: Int = 80, seed: UInt64 = 11) throws -> (TutorBantuDemo.Summary, Engine) {
        var demo = try TutorBantuDemo(options: .init(database: temp.file("demo.sqlite"), outputFolder: temp.file("out"), applicants: applicants,
                                                     seed: seed, upt: "upt-bp-kalimantan-selatan", root: Repo.root, until: .kerja)) { _ in }
        let summary = try demo.run()
        return (summary, try Engine(path: temp.file("demo.sqlite")))
    }

    @Test func aSyntheticRoundReachesSignedContractsWithinTheQuotaAndTheLogVerifies() throws {
        let temp = TempFolder()
        let (summary, engine) = try runDemo(temp)
        let states = Dictionary(uniqueKeysWithValues: summary.states.map { ($0.state, $0.count) })
        #expect(states.values.reduce(0, +) == 80)
        let contracted = try #require(states["berkontrak"])
        #expect(contracted > 0 && contracted <= 52)  // Kalimantan Selatan's allocation
        #expect(try engine.show(summary.round).record.state == "selesai")
        #expect(try engine.verifyAudit().rows == summary.auditRows)
        // The minutes list every applicant who went on to be contracted (recommended, or a reserve
        // appointed into a vacancy), and the history agrees.
        let minutes = try String(contentsOfFile: temp.file("out/dokumen/berita_acara-\(summary.round).md"), encoding: .utf8)
        let contractedIDs = try engine.list(InstanceFilter(workflow: "tb_pelamar", state: "berkontrak")).map(\.id)
        for id in contractedIDs {
            let name = try engine.show(id).forms["tb_portofolio"]?["nama"]?.displayText ?? "?"
            #expect(minutes.contains(name))
            let events = try engine.history(id).map(\.event)
            #expect(events.contains("rekomendasikan") || events.contains("gantikan"))
        }
        let contract = try String(contentsOfFile: temp.file("out/dokumen/perjanjian_kerja-\(contractedIDs[0]).md"), encoding: .utf8)
        #expect(contract.contains("Rp1.500.000,00 (Satu juta lima ratus ribu rupiah) per bulan") || contract.contains("per paket pembelajaran")
                || contract.contains("Rp50.000,00 (Lima puluh ribu rupiah) per jam pelajaran"))
        #expect(contract.contains("tahun Dua Ribu Sembilan Belas"))
    }

    @Test func theSameSeedGivesTheSameRound() throws {
        let (a, _) = try runDemo(TempFolder(), applicants: 40, seed: 5)
        let (b, _) = try runDemo(TempFolder(), applicants: 40, seed: 5)
        #expect(a.states.map { "\($0.state)=\($0.count)" } == b.states.map { "\($0.state)=\($0.count)" })
        #expect(a.auditRows == b.auditRows)
    }

    @Test func reRenderingTheSameStateGivesTheSameBytesAndEachRenderingIsAudited() throws {
        let temp = TempFolder()
        let (summary, engine) = try runDemo(temp, applicants: 30)
        let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))
        let first = try renderer.render("tutor_bantu/sk_penetapan", instance: summary.round, engine: engine, outputFolder: temp.file("a"), now: at("2019-08-01T08:00"))
        let second = try renderer.render("tutor_bantu/sk_penetapan", instance: summary.round, engine: engine, outputFolder: temp.file("b"), now: at("2019-08-01T09:00"))
        #expect(first.sha256 == second.sha256)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.htmlPath)) == Data(contentsOf: URL(fileURLWithPath: second.htmlPath)))
        let rows = try engine.history(summary.round).filter { $0.command == "document" && $0.event == "tutor_bantu/sk_penetapan" }
        #expect(rows.count == 3)  // once in the demo, twice here
        #expect(rows.last?.dataHash?.hex == first.sha256)
        #expect(try engine.verifyAudit().rows > 0)
    }
}

@Suite("The round report")
struct RoundReportTests {
    @Test func itGivesQuotaAgainstOutcomeReasonsScoresAgreementAndStageTimes() throws {
        let temp = TempFolder()
        var demo = try TutorBantuDemo(options: .init(database: temp.file("demo.sqlite"), outputFolder: temp.file("out"), applicants: 120,
                                                     seed: 3, upt: "upt-bp-kalimantan-selatan", root: Repo.root, until: .kerja)) { _ in }
        let summary = try demo.run()
        let engine = try Engine(path: temp.file("demo.sqlite"))
        let report = try engine.report(round: summary.round)
        #expect(report.quotaTotal == 52)
        for s in report.sections { for q in s.quota { #expect(q.filled <= q.quota, "\(s.name) \(q.label)") } }
        #expect(report.decisions.contains { $0.name == "kelayakan" && $0.value.contains("pengalaman relevan kurang dari 2 tahun") })
        let total = try #require(report.raterScores.first { $0.field == "total" })
        #expect(total.ratings >= 3 && total.minimum >= 0 && total.maximum <= 100)
        // Raters in the demo mostly agree: alpha on the total is high but not perfect.
        let alpha = try #require(total.alpha)
        #expect(alpha > 0.5 && alpha < 1)
        #expect(report.stages.contains { $0.state == "layak" && $0.instances > 0 && $0.label.id == "Memenuhi syarat; dinilai tim" })
        #expect(report.markdown.contains("## Sebaran skor akhir portofolio per program"))
    }
}
