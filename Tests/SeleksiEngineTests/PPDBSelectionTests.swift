import Foundation
import SeleksiCore
import SeleksiDocuments
import Testing

@testable import SeleksiEngine

/// Selection by channel (Pasal 21, 23, 24, 30, 31), seats left moving to the achievement channel
/// (Pasal 13 ayat (4)), the office's placements (Pasal 33), the announcement (Pasal 34) and
/// re-registration (Pasal 35), on the shipped XML.
@Suite("PPDB: ranking, seats left, placement, announcement, re-registration")
struct PPDBSelectionTests {
    /// Registers and verifies each (school, form, distance); closes registration; ranks.
    func ranked(_ f: inout PPDBFixture, _ entries: [(String, [String: Value], Int)]) throws -> [Int64] {
        try f.open()
        let ids = try entries.map { try f.admit($0.0, $0.1) }
        try f.closeRegistration()
        for (id, e) in zip(ids, entries) { try f.verify(id, e.0, distance: e.2) }
        try f.select()
        return ids
    }

    @Test func sdZoningRanksByAgeThenDistance() throws {
        var f = try PPDBFixture()
        let ids = try ranked(&f, [
            ("sdn-contoh-1", PPDBFixture.form(born: "2018-03-01"), 300),  // 6, near
            ("sdn-contoh-1", PPDBFixture.form(born: "2017-02-01"), 2500),  // 7, far
            ("sdn-contoh-1", PPDBFixture.form(born: "2017-05-01"), 900),  // 7, nearer
        ])
        // Pasal 30 ayat (1)–(2): age first (7 before 6), distance when the age is the same.
        #expect(try ids.map { try f.rank($0) } == [3, 2, 1])
        #expect(try f.state(ids[0]) == "diterima")
        #expect(try f.variable(ids[0], "jalur_diterima") == .string("zonasi"))
    }

    @Test func smpZoningRanksByDistanceThenTheOlderForTheLastSeat() throws {
        var f = try PPDBFixture()
        let ids = try ranked(&f, [
            ("smpn-contoh-1", PPDBFixture.form(level: "SMP", born: "2011-09-01"), 700),
            ("smpn-contoh-1", PPDBFixture.form(level: "SMP", born: "2012-01-01"), 400),
            ("smpn-contoh-1", PPDBFixture.form(level: "SMP", born: "2011-03-01"), 700),  // same distance, older
        ])
        // Pasal 31: nearest first; at equal distance the older child.
        #expect(try ids.map { try f.rank($0) } == [3, 1, 2])
    }

    @Test func affirmationRanksByDistanceAndTransferPutsParentsTransfersBeforeTeachersChildren() throws {
        var f = try PPDBFixture()
        var teacher = PPDBFixture.form(level: "SMP", channel: "perpindahan")
        teacher["dasar_perpindahan"] = .string("anak_guru")
        teacher["sekolah_tempat_mengajar"] = .string("smpn-contoh-1")
        let ids = try ranked(&f, [
            ("smpn-contoh-1", PPDBFixture.form(level: "SMP", channel: "afirmasi"), 5000),
            ("smpn-contoh-1", PPDBFixture.form(level: "SMP", channel: "afirmasi"), 1200),
            ("smpn-contoh-1", teacher, 100),
            ("smpn-contoh-1", PPDBFixture.form(level: "SMP", channel: "perpindahan"), 3000),
        ])
        #expect(try f.rank(ids[0]) == 2)  // Pasal 21 ayat (3)
        #expect(try f.rank(ids[1]) == 1)
        #expect(try f.rank(ids[3]) == 1)  // Pasal 23 ayat (2): the teacher's child takes only what is left
        #expect(try f.rank(ids[2]) == 2)
    }

    @Test func theAchievementChannelTakesTheSeatsTheOthersLeftAndOverflowIsPlaced() throws {
        var f = try PPDBFixture()
        // smpn-contoh-2: 32 seats, quota 16/5/1. Three admitted by zoning: 29 seats for achievement.
        var entries: [(String, [String: Value], Int)] = (0..<3).map { i in ("smpn-contoh-2", PPDBFixture.form(level: "SMP"), 100 * (i + 1)) }
        entries.append(("smpn-contoh-2", PPDBFixture.form(level: "SMP", channel: "prestasi"), 900))
        // sman-contoh-1: 36 seats, affirmation quota 6; seven apply: the farthest is over.
        entries += (0..<7).map { i in ("sman-contoh-1", PPDBFixture.form(level: "SMA", channel: "afirmasi"), 1000 + 10 * i) }
        let ids = try ranked(&f, entries)
        #expect(try f.state(f.round) == "penyaluran")  // the achievement ranking followed by itself
        #expect(try f.variable(ids[3], "peringkat_kuota") == .number(29))
        #expect(try f.state(ids[3]) == "diterima")
        #expect(try f.state(ids[10]) == "belum_diterima")
        #expect(try f.variable(ids[10], "peringkat") == .number(7))
    }

    @Test func theOfficePlacesOverflowInTheSameZoneFirstAndNeverBeyondCapacity() throws {
        var f = try PPDBFixture()
        // sdn-contoh-1 takes 9 by affirmation; ten apply from the north zone.
        let ids = try ranked(&f, (0..<10).map { i in ("sdn-contoh-1", PPDBFixture.form(channel: "afirmasi"), 100 + i) })
        let over = ids[9]
        #expect(try f.state(over) == "belum_diterima")
        func place(_ school: String, _ event: String = "salurkan", reason: String? = nil, at time: String = "2024-06-13T09:00") -> String? {
            f.refusal {
                try f.fire(over, event, "operator", time, reason: reason,
                           forms: ["ppdb_penyaluran": ["sekolah_tujuan": .string(school), "jarak_meter": .number(1500)]])
            }
        }
        // Pasal 33 ayat (3): outside the zone only when no school of the zone has room.
        #expect(place("sdn-contoh-3", "salurkan_luar_zona", reason: "uji")?.contains("Pasal 33 ayat (3)") == true)
        #expect(place("sdn-contoh-3")?.contains("wilayah zonasi yang sama") == true)
        #expect(place("sdn-contoh-2") == nil)
        #expect(try f.variable(over, "sekolah_penempatan") == .string("sdn-contoh-2"))
        #expect(try f.variable(over, "disalurkan") == .bool(true))
        #expect(try f.state(over) == "diterima")
    }

    @Test func placementIsRefusedAtAFullSchool() throws {
        var f = try PPDBFixture()
        // sdn-contoh-2 (28 seats) fills by zoning and affirmation from 28 applicants; a 29th at sdn-contoh-1
        // is over its affirmation quota of 9 by one.
        var entries: [(String, [String: Value], Int)] = (0..<22).map { i in ("sdn-contoh-2", PPDBFixture.form(), 100 + i) }
        entries += (0..<5).map { i in ("sdn-contoh-2", PPDBFixture.form(channel: "afirmasi"), 100 + i) }
        entries.append(("sdn-contoh-2", PPDBFixture.form(channel: "perpindahan"), 50))
        entries += (0..<10).map { i in ("sdn-contoh-1", PPDBFixture.form(channel: "afirmasi"), 100 + i) }
        let ids = try ranked(&f, entries)
        let over = ids.last!
        let full = f.refusal {
            try f.fire(over, "salurkan", "operator", "2024-06-13T09:00",
                       forms: ["ppdb_penyaluran": ["sekolah_tujuan": .string("sdn-contoh-2"), "jarak_meter": .number(800)]])
        }
        #expect(full?.contains("sudah penuh") == true)
    }

    @Test func theAnnouncementNeedsEverySchoolsDecreeAndClosesTheRest() throws {
        var f = try PPDBFixture()
        let ids = try ranked(&f, (0..<10).map { i in ("sdn-contoh-1", PPDBFixture.form(channel: "afirmasi"), 100 + i) })
        func decrees(_ schools: [String]) -> [String: [String: Value]] {
            ["ppdb_penetapan": ["keputusan": .list(schools.map {
                .record(["sekolah": .string($0), "nomor_keputusan": .string("1/\($0)"), "tanggal": .string("2024-06-19"),
                         "tanggal_rapat_dewan_guru": .string("2024-06-18"), "penetap": .string("kepala_sekolah"),
                         "nama_penetap": .string("Kepala (fiktif)")])
            })]]
        }
        let early = f.refusal { try f.fire(f.round, "umumkan_hasil", "operator", "2024-06-19T09:00", forms: decrees(f.schools)) }
        #expect(early?.contains("Pasal 28 ayat (4) huruf e") == true)
        let missing = f.refusal { try f.fire(f.round, "umumkan_hasil", "operator", "2024-06-20T09:00", forms: decrees(Array(f.schools.dropLast()))) }
        #expect(missing?.contains("Pasal 34 ayat (2)") == true)
        // Placement is over once the results are out (Pasal 33 ayat (6)).
        try f.fire(f.round, "umumkan_hasil", "operator", "2024-06-20T09:00", forms: decrees(f.schools))
        #expect(try f.state(ids[9]) == "tidak_diterima")
        #expect(try f.state(f.round) == "daftar_ulang")
    }

    @Test func reRegistrationOnceAfterTheAnnouncementAndTheDeadlineClosesTheRest() throws {
        var f = try PPDBFixture()
        let nik = PPDBFixture.nik("2017-03-10")
        let ids = try ranked(&f, [
            ("sdn-contoh-1", PPDBFixture.form(nik: nik), 300),
            ("sdn-contoh-3", PPDBFixture.form(channel: "afirmasi", nik: nik), 4000),  // the same child, another zone
            ("sdn-contoh-1", PPDBFixture.form(), 500),
        ])
        let sheet: [String: [String: Value]] = ["ppdb_daftar_ulang": ["dokumen_asli": .bool(true)]]
        let before = f.refusal { try f.fire(ids[0], "daftar_ulang", "sdn-contoh-1-panitia", "2024-06-13T09:00", forms: sheet) }
        #expect(before?.contains("setelah pengumuman") == true)
        try f.fire(f.round, "umumkan_hasil", "operator", "2024-06-20T09:00", forms: ["ppdb_penetapan": ["keputusan": .list(f.schools.map {
            .record(["sekolah": .string($0), "nomor_keputusan": .string("1/\($0)"), "tanggal": .string("2024-06-19"),
                     "tanggal_rapat_dewan_guru": .string("2024-06-18"), "penetap": .string("kepala_sekolah"), "nama_penetap": .string("K (fiktif)")])
        })]])
        let noOriginals = f.refusal {
            try f.fire(ids[0], "daftar_ulang", "sdn-contoh-1-panitia", "2024-06-21T09:00", forms: ["ppdb_daftar_ulang": ["dokumen_asli": .bool(false)]])
        }
        #expect(noOriginals?.contains("Pasal 35 ayat (2)") == true)
        try f.fire(ids[0], "daftar_ulang", "sdn-contoh-1-panitia", "2024-06-21T09:00", forms: sheet)
        let twice = f.refusal { try f.fire(ids[1], "daftar_ulang", "sdn-contoh-3-panitia", "2024-06-21T10:00", forms: sheet) }
        #expect(twice?.contains("sudah daftar ulang") == true)
        _ = try f.engine.tick(now: at("2024-06-27T01:00"))
        #expect(try f.state(ids[0]) == "peserta_didik")
        #expect(try f.state(ids[1]) == "tidak_daftar_ulang")
        #expect(try f.state(ids[2]) == "tidak_daftar_ulang")
        #expect(try f.state(f.round) == "selesai")
        #expect(try f.engine.verifyAudit().rows > 0)
    }

    @Test func whatParentsTypedIsPrintedAsTextInTheAnnouncement() throws {
        var f = try PPDBFixture()
        var form = PPDBFixture.form()
        form["nama"] = .string(DocumentEscapingTests.attack)
        _ = try ranked(&f, [("sdn-contoh-1", form, 300)])
        try f.fire(f.round, "umumkan_hasil", "operator", "2024-06-20T09:00", forms: ["ppdb_penetapan": ["keputusan": .list(f.schools.map {
            .record(["sekolah": .string($0), "nomor_keputusan": .string("1|\($0)"), "tanggal": .string("2024-06-19"),
                     "tanggal_rapat_dewan_guru": .string("2024-06-18"), "penetap": .string("kepala_sekolah"),
                     "nama_penetap": .string(DocumentEscapingTests.attack)])
        })]])
        let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))
        for template in ["ppdb/pengumuman_pendaftaran", "ppdb/pengumuman_hasil"] {
            let rendered = try renderer.render(template, instance: f.round, engine: f.engine, outputFolder: f.temp.file("dokumen"),
                                               replace: true, now: at("2024-06-20T10:00"))
            let html = try String(contentsOfFile: rendered.htmlPath, encoding: .utf8).lowercased()
            #expect(!html.contains("<img") && !html.contains("<script") && !html.contains("<a "), "\(template)")
            let markdown = try String(contentsOfFile: rendered.markdownPath, encoding: .utf8)
            // Every table row keeps its header's number of cells: a typed `|` adds none.
            var width: Int?
            for line in markdown.split(separator: "\n") {
                guard line.hasPrefix("|") else { width = nil; continue }
                let cells = line.replacingOccurrences(of: #"\|"#, with: "").filter { $0 == "|" }.count
                if let width { #expect(cells == width, "\(template): \(line)") } else { width = cells }
            }
        }
    }

    @Test func theAnnouncementsRenderFromTheRound() throws {
        var f = try PPDBFixture()
        let ids = try ranked(&f, [("sdn-contoh-1", PPDBFixture.form(), 300)])
        try f.fire(f.round, "umumkan_hasil", "operator", "2024-06-20T09:00", forms: ["ppdb_penetapan": ["keputusan": .list(f.schools.map {
            .record(["sekolah": .string($0), "nomor_keputusan": .string("421/\($0)"), "tanggal": .string("2024-06-19"),
                     "tanggal_rapat_dewan_guru": .string("2024-06-18"), "penetap": .string("kepala_sekolah"), "nama_penetap": .string("K (fiktif)")])
        })]])
        let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))
        let out = f.temp.file("dokumen")
        let registration = try renderer.render("ppdb/pengumuman_pendaftaran", instance: f.round, engine: f.engine, outputFolder: out,
                                               replace: true, now: at("2024-06-20T10:00"))
        let text = try String(contentsOfFile: registration.markdownPath, encoding: .utf8)
        #expect(text.contains("3 Juni 2024 sampai dengan 7 Juni 2024"))
        #expect(text.contains("| 1 | SD Negeri Contoh 1 (fiktif) | SD | 56 | 45 | 9 | 2 | 0 |"))
        let results = try renderer.render("ppdb/pengumuman_hasil", instance: f.round, engine: f.engine, outputFolder: out,
                                          replace: true, now: at("2024-06-20T10:00"))
        let list = try String(contentsOfFile: results.markdownPath, encoding: .utf8)
        #expect(list.contains("| 1 | SD Negeri Contoh 1 (fiktif) | zonasi | 1 | \(ids[0]) | Anak Contoh (fiktif) |"))
        #expect(list.contains("421/sdn-contoh-1"))
        #expect(!list.contains("637101"))  // no NIK is published
    }
}
