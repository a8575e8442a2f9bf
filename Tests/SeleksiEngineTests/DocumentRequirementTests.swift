import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiDocuments
@testable import SeleksiEngine

@Suite("A document is made only when the instance holds its data")
struct DocumentRequirementTests {
    let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))

    func render(
        _ f: TutorBantuFixture, _ template: String, _ instance: Int64? = nil
    ) throws -> DocumentRenderer.Rendered {
        try renderer.render(
            template, instance: instance ?? f.round, engine: f.engine, outputFolder: f.temp.file("dokumen"),
            replace: true, now: f.now)
    }

    @Test func theTeamDecreeBeforeTheTeamIsFormedIsRefusedNamingTheDataAndTheStep() throws {
        let f = try TutorBantuFixture(open: false)
        do {
            _ = try render(f, "tutor_bantu/sk_tim")
            Issue.record("rendered without a team")
        } catch let e as DocumentError {
            #expect(e.exitCode == 1)
            #expect(e.description.contains("Nomor SK Tim Seleksi (forms.tb_sk_tim.nomor)"))
            #expect(e.description.contains("bentuk_tim"))
            #expect(e.description.contains("keadaan persiapan"))
        }
        #expect(!FileManager.default.fileExists(atPath: f.temp.file("dokumen/sk_tim-\(f.round).md")))
    }

    @Test func theTeamDecreeRenderedWhenIssuedCarriesItsYearAndPlaceName() throws {
        let f = try TutorBantuFixture()
        let md = try String(contentsOfFile: try render(f, "tutor_bantu/sk_tim").markdownPath, encoding: .utf8)
        #expect(md.contains("TAHUN 2019"))
        #expect(!md.contains("TAHUN \n") && !md.contains("Tahun ."))
        #expect(md.contains("Ditetapkan di : Banjarbaru"))
        #expect(
            md.contains(
                "KEPUTUSAN KEPALA BALAI PENGEMBANGAN PENDIDIKAN ANAK USIA DINI DAN PENDIDIKAN MASYARAKAT "
                    + "KALIMANTAN SELATAN"
            ))
        #expect(md.contains("Tembusan Kepada Yth:"))
    }

    @Test func aPlaceWrittenAsAnOrganisationIDIsRefused() throws {
        let f = try TutorBantuFixture(open: false)
        try f.fire(
            f.round, "tetapkan_kuota", "kepala",
            forms: [
                "tb_kuota": [
                    "rincian": .list([
                        .record([
                            "skb": .string(f.skb1), "program": .string("paud"), "jumlah": .number(1),
                            "jam_atau_bulan": .string("30 JP per bulan"),
                        ])
                    ])
                ]
            ])
        try f.fire(
            f.round, "bentuk_tim", "kepala",
            forms: [
                "tb_sk_tim": [
                    "nomor": .string("1/SK/2019"), "tanggal": .string("2019-06-10"), "tempat": .string(f.upt),
                    "anggota": TutorBantuFixture.members(["kepala", "tim1"]),
                ]
            ])
        let refusal = #expect(throws: DocumentError.self) { try render(f, "tutor_bantu/sk_tim") }
        #expect(refusal?.message(.id) == "dokumen tutor_bantu/sk_tim: tempat '\(f.upt)' (forms.tb_sk_tim.tempat) "
            + "adalah kode organisasi, bukan nama tempat; isikan nama kota atau kantor, mis. Banjarbaru")
        #expect(refusal?.message(.en).contains(
            "the place '\(f.upt)' (forms.tb_sk_tim.tempat) is an organisation's code") == true)
        #expect(refusal?.exitCode == 1)
    }

    /// An id without the hyphen that usually gives one away is still known as an organisation's when an
    /// organisation record of the context (one with `id` and `kind`, at any depth) carries it.
    @Test func anOrganisationIDIsFoundAtAnyDepthOfTheContext() {
        let org: Value = .record(["id": .string("skbdemo"), "kind": .string("skb"), "name": .string("SKB Demo")])
        let context: Value = .record([
            "children": .list([.record(["org": org]), .record(["id": .string("notanorg")])]),
            "name": .string("Banjarbaru"),
        ])
        #expect(ContextAugmentation.isOrganisationID("skbdemo", in: context))
        #expect(!ContextAugmentation.isOrganisationID("notanorg", in: context))  // an id without a kind
        #expect(!ContextAugmentation.isOrganisationID("Banjarbaru", in: context))
        #expect(!ContextAugmentation.isOrganisationID("skbdemo", in: .list([])))
    }

    @Test func aDecreeDatedOnIdulFitriIsRefused() throws {
        let f = try TutorBantuFixture(open: false)
        try f.fire(
            f.round, "tetapkan_kuota", "kepala",
            forms: [
                "tb_kuota": [
                    "rincian": .list([
                        .record([
                            "skb": .string(f.skb1), "program": .string("paud"), "jumlah": .number(1),
                            "jam_atau_bulan": .string("30 JP per bulan"),
                        ])
                    ])
                ]
            ])
        try f.fire(
            f.round, "bentuk_tim", "kepala",
            forms: [
                "tb_sk_tim": [
                    "nomor": .string("1/SK/2019"), "tanggal": .string("2019-06-05"), "tempat": .string("Banjarbaru"),
                    "anggota": TutorBantuFixture.members(["kepala", "tim1"]),
                ]
            ])
        do {
            _ = try render(f, "tutor_bantu/sk_tim")
            Issue.record("a decree dated on a holiday was rendered")
        } catch let e as DocumentError {
            #expect(e.description.contains("5 Juni 2019"))
            #expect(e.description.contains("Hari Raya Idul Fitri"))
        }
    }

    @Test func aHeaderIsReadOnlyWhereTheTemplateOpensAndAnUnknownKeyIsAnError() throws {
        let header = try TemplateHeader.parse(
            "{{% CONTENT_TYPE: TEXT}}\n{{! dokumen\nperlu: a.b || c.*.d | data A\ntempat: x\n}}\n# T\n", file: "t")
        #expect(header.requirements == [.init(path: "a.b || c.*.d", label: "data A")])
        #expect(header.places == ["x"])
        #expect(try TemplateHeader.parse("# T\n{{! dokumen\nperlu: a\n}}\n", file: "t").requirements.isEmpty)
        #expect(throws: DocumentError.self) { try TemplateHeader.parse("{{! dokumen\nsalah: x\n}}", file: "t") }
    }

    @Test func aContractTemplateForARoundIsRefused() throws {
        let f = try TutorBantuFixture()
        #expect(throws: DocumentError.self) { try render(f, "tutor_bantu/perjanjian_kerja") }
    }

    @Test func theWorkingDayCalendarKnowsWeekendsHolidaysAndCutiBersama() throws {
        let f = try TutorBantuFixture(open: false)
        let days = WorkingDays(reference: try f.engine.referenceTables())
        #expect(days.reasonNotWorking(CivilDate(iso: "2019-06-10")!) == nil)
        #expect(days.reasonNotWorking(CivilDate(iso: "2019-06-08")!) == "hari Sabtu")
        #expect(days.reasonNotWorking(CivilDate(iso: "2019-06-03")!) == "Cuti Bersama Hari Raya Idul Fitri")
        #expect(days.reasonNotWorking(CivilDate(iso: "2019-08-17")!) != nil)
        #expect(days.onOrAfter(CivilDate(iso: "2019-06-03")!) == CivilDate(iso: "2019-06-10")!)
    }
}

@Suite("Documents of a whole round read as the guideline's Formats")
struct DocumentContentTests {
    @Test func contractsAndDecreesStateTheContractsMonthsAndNameTheSkill() throws {
        let round = try DocumentRound(applicants: 40, seed: 9)
        let engine = round.engine
        for child in try engine.list(InstanceFilter(workflow: "tb_pelamar", state: "berkontrak")) {
            let program = try engine.show(child.id).forms["tb_portofolio"]?["program"]?.displayText
            let pk = try round.compose("tutor_bantu/perjanjian_kerja") { context in
                context = try! engine.documentContext(child.id, childStates: [], allChildren: false)
            }.markdown
            for pasal in 1...9 { #expect(pk.contains("### Pasal \(pasal)\n")) }
            #expect(!pk.contains("sebagaimana Format"))
            if program == "paud" {
                #expect(pk.contains("30 JP per bulan selama 6 (enam) bulan"))
                #expect(!pk.contains("12 bulan"))
            }
            if program == "kursus" {
                #expect(pk.contains("dengan jenis keterampilan") && pk.contains("Jenjang II"))
                #expect(pk.contains("per paket pembelajaran"))
            }
        }
        let pks = try round.compose("tutor_bantu/pks").markdown
        for pasal in 1...7 { #expect(pks.contains("### Pasal \(pasal)\n")) }
        let sk = try round.compose("tutor_bantu/sk_penetapan").markdown
        #expect(sk.contains("Menimbang") && sk.contains("Mengingat") && sk.contains("KEENAM"))
        #expect(sk.contains("Kursus dan Pelatihan | 1 paket"))
        let announcement = try round.compose("tutor_bantu/pengumuman").markdown
        #expect(announcement.contains("Waktu pelaksanaan") && announcement.contains("31 Desember 2019"))
        #expect(announcement.contains("30 JP per bulan") && announcement.contains("360 JP per paket"))
        // The hours are the quota's for each SKB and programme, not the programme's 12-month standard.
        #expect(!announcement.contains("12 bulan"))
    }
}
