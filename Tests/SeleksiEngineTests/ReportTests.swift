import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiDemo
@testable import SeleksiEngine

/// Issue 8, "A report a head of SKB reads": labels, totals that add up, a section per SKB, the funnel,
/// score distributions, quota filled and stage times as SVG charts, and no personal data.
@Suite("A round's report for a head of SKB")
struct ReportTests {
    /// A demo round of 150 applicants, with one reserve appointed into a vacancy.
    static func round() throws -> (TempFolder, Engine, Int64) {
        let temp = TempFolder()
        var demo = try TutorBantuDemo(
            options: .init(
                database: temp.file("demo.sqlite"), outputFolder: temp.file("out"), applicants: 150,
                seed: 11, upt: "upt-bp-kalimantan-selatan", root: Repo.root, until: .kerja)
        ) { _ in }
        let round = try demo.run().round
        return (temp, try Engine(path: temp.file("demo.sqlite")), round)
    }

    @Test func totalsAddUpAndApplicantsAreCountedApartFromSKBProposals() throws {
        let (_, engine, id) = try Self.round()
        let report = try engine.report(round: id)
        let applicants = try engine.list(InstanceFilter(workflow: "tb_pelamar", parent: id), limit: Int.max).count
        #expect(report.applicants == applicants)
        #expect(report.states.reduce(0) { $0 + $1.count } == report.applicants)
        #expect(report.sections.reduce(0) { $0 + $1.applicants } == report.applicants)
        #expect(report.funnel.first?.count == report.applicants)
        for s in report.sections { #expect(s.states.reduce(0) { $0 + $1.count } == s.applicants) }
        // The funnel narrows, stage by stage, to the contracted.
        #expect(zip(report.funnel, report.funnel.dropFirst()).allSatisfy { $0.count >= $1.count })
        #expect(report.funnel.last?.count == report.states.first { $0.state == "berkontrak" }?.count)
        // The SKB proposals are a child workflow of their own, not applicants.
        #expect(report.others.map(\.workflow) == ["tb_usulan_skb"])
        #expect(report.others[0].count == 13)
        #expect(report.distributions.reduce(0) { $0 + $1.count } == report.funnel[3].count)  // every scored applicant
        #expect(report.quotaTotal == 52 && report.filledTotal <= 52)
    }

    /// The report reads the children and their sheets one at a time, keeping a few fields of each:
    /// what it counts must be what each child's latest forms and each rater's latest sheet say.
    @Test func readOneChildAtATimeTheFactsAreThoseOfEachChildsLatestForms() throws {
        let (_, engine, id) = try Self.round()
        let report = try engine.report(round: id)
        var perProgramme: [String: Int] = [:]
        var sheets = 0
        for child in try engine.list(InstanceFilter(workflow: "tb_pelamar", parent: id), limit: Int.max) {
            if case .number? = child.variables["skor"] {
                let programme = try engine.latestForms(of: child.id)["tb_portofolio"]?["program"]?.displayText
                perProgramme[programme ?? "", default: 0] += 1
            }
            sheets += try engine.store.latestPerActor(instance: child.id, form: "tb_skor").count
        }
        #expect(Dictionary(uniqueKeysWithValues: report.distributions.map { ($0.category, $0.count) }) == perProgramme)
        #expect(sheets > 0 && report.raterScores.filter { $0.form == "tb_skor" }.map(\.ratings).max() == sheets)
    }

    @Test func skbsProgrammesAndStatesAreNamedByTheirLabels() throws {
        let (_, engine, id) = try Self.round()
        let report = try engine.report(round: id)
        #expect(report.sections.count == 13)
        #expect(report.sections.map(\.name).first == "SKB Kabupaten Contoh 1 (fiktif)")
        #expect(report.sections.map(\.name)[1] == "SKB Kabupaten Contoh 2 (fiktif)", "SKB 2 before SKB 10")
        #expect(Set(report.distributions.map(\.label)) == ["PAUD", "Kesetaraan", "Keaksaraan", "Kursus dan Pelatihan"])
        let markdown = report.markdown(.id)
        for label in [
            "Tidak memenuhi syarat", "Berkontrak (Format 8 dan 9 ditandatangani)", "SKB Kabupaten Contoh 13 (fiktif)",
            "Kursus dan Pelatihan",
            "Corong seleksi", "Terpilih",
        ] {
            #expect(markdown.contains(label), "\(label)")
        }
        for id in ["upt-bp-kalimantan-selatan-skb-", "| tidak_layak |", "| kursus |", "| berkontrak |"] {
            #expect(!markdown.contains(id), "\(id)")
        }
        let english = report.markdown(.en)
        #expect(
            english.contains("Selection funnel") && english.contains("Contracted")
                && english.contains("Quota filled per SKB"))
    }

    @Test func theHTMLReportDrawsItsChartsAsSVGWithoutScript() throws {
        let (_, engine, id) = try Self.round()
        let html = try engine.report(round: id).html()
        #expect(!html.lowercased().contains("<script"))
        #expect(
            !html.contains("http://")
                || html.components(separatedBy: "http://").count - 1 == html.components(
                    separatedBy: "xmlns=\"http://www.w3.org/2000/svg\""
                ).count - 1,
            "nothing is fetched from elsewhere")
        let charts = html.components(separatedBy: "<svg ").count - 1
        // The funnel, quota per SKB, four programmes' distributions, stage times, and one funnel per SKB.
        #expect(charts >= 1 + 1 + 4 + 1 + 13)
        for title in [
            "Corong seleksi", "Kuota terisi per SKB", "Sebaran skor akhir portofolio per program",
            "Lama di setiap tahap",
        ] {
            #expect(html.contains("<title>\(title)") || html.contains("<h2>\(title)"), "\(title)")
        }
    }

    @Test func theReportHoldsNoPersonalData() throws {
        let (_, engine, id) = try Self.round()
        let report = try engine.report(round: id)
        let outputs = [report.markdown(.id), report.html(.id), report.json(.id).canonicalJSON]
        var personal: [String] = []
        for applicant in try engine.list(InstanceFilter(workflow: "tb_pelamar", parent: id), limit: Int.max) {
            let detail = try engine.show(applicant.id)
            for field in ["nama", "nik", "alamat", "telepon", "email", "npwp"] {
                if let v = detail.forms["tb_portofolio"]?[field]?.displayText, !v.isEmpty { personal.append(v) }
            }
            if let account = detail.forms["tb_kontrak"]?["nomor_rekening"]?.displayText { personal.append(account) }
            personal.append(applicant.owner)
        }
        for actor in try engine.actors() where actor.id.contains("tim") || actor.id.contains("kepala") {
            personal.append(actor.name)
        }
        #expect(!personal.isEmpty)
        for output in outputs {
            for value in personal where output.contains(value) { Issue.record("'\(value)' appears in the report") }
        }
    }
}
