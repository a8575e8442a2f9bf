import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiEngine

/// Force majeure notified within the days each agreement states, counted as it writes them (working
/// days over the holiday calendar, or calendar days), and the early end by written notice.
@Suite("PKS: force majeure deadlines in working and calendar days, suspension, early end")
struct PKSForceMajeureTests {
    /// Seed 003 shape, signed 24 May 2022; the event on Monday 17 April 2023, just before Lebaran
    /// (cuti bersama 19–21 and 24–25 April, Idul Fitri 22–23 April, Hari Buruh 1 May).
    func agreement003() throws -> (PKSWorld, Int64) {
        let world = try PKSWorld(from: "2022-05-20T08:00")
        return (world, try world.signed(try PKSWorld.example("rancangan_003"), on: "2022-05-24"))
    }

    @Test func theFirstNoticeCountsSevenWorkingDaysPastLebaran() throws {
        let (world, id) = try agreement003()
        let other = try world.signed(try PKSWorld.example("rancangan_003"), on: "2022-05-25")
        let event = try PKSWorld.example("kahar")
        // 4 May is the 7th working day after 17 April, seventeen calendar days on: accepted.
        try world.fire(id, "beritahu_kahar", "kepala-balai", "2023-05-04T09:00", forms: ["pks_kahar": event])
        #expect(try world.state(id) == "kahar_diberitahukan")
        // 5 May 2023 is the 8th: refused, naming the deadline.
        let late = world.refusal {
            try world.fire(other, "beritahu_kahar", "kepala-balai", "2023-05-05T09:00", forms: ["pks_kahar": event])
        }
        #expect(late?.code == "guard-failed")
        #expect(
            late?.id.contains(
                "Keadaan kahar harus diberitahukan paling lambat 7 hari kerja sejak terjadinya (2023-04-17), yaitu sampai 2023-05-04; hari ini 2023-05-05"
            ) == true)
        // The written notice's deadline: 14 working days after the event.
        #expect(try world.variable(id, "kahar_tenggat") == "2023-05-15")
        #expect(try world.due(id)["kahar_lewat"] == "2023-05-16T00:00:00+07:00")
        // The written notice must be about the event notified.
        var otherEvent = event
        otherEvent["tanggal_kejadian"] = .string("2023-04-18")
        let different = world.refusal {
            try world.fire(
                id, "kahar_tertulis", "kepala-balai", "2023-05-08T09:00", forms: ["pks_kahar": otherEvent],
                reason: "tertulis")
        }
        #expect(
            different?.id.contains("harus tentang keadaan kahar yang sudah diberitahukan (terjadi 2023-04-17)") == true)
        try world.fire(id, "kahar_tertulis", "kepala-balai", "2023-05-15T16:00")
        #expect(try world.state(id) == "ditangguhkan")
        // Performance resumes when the force majeure is over.
        try world.fire(id, "kahar_selesai", "kepala-dinas", "2023-08-01T09:00", reason: "gedung pulih")
        #expect(try world.state(id) == "berlaku")
        #expect(try world.variable(id, "kahar_kejadian") == "")
    }

    @Test func aNotificationNotFollowedInWritingLapsesWhenItsDeadlinePasses() throws {
        let (world, id) = try agreement003()
        try world.fire(
            id, "beritahu_kahar", "kepala-balai", "2023-04-27T09:00",
            forms: ["pks_kahar": try PKSWorld.example("kahar")])
        _ = try world.engine.tick(now: at("2023-05-15T23:00"))
        #expect(try world.state(id) == "kahar_diberitahukan")
        _ = try world.engine.tick(now: at("2023-05-16T00:30"))
        #expect(try world.state(id) == "berlaku")
        let lapsed = try world.engine.show(id).decisions.filter { $0.name == "kahar_tidak_ditindaklanjuti" }
        #expect(lapsed.map(\.value.displayText) == ["2023-05-15"])
        // Too late now for the written notice: 15 working days after the event.
        let late = world.refusal { try world.fire(id, "kahar_tertulis", "kepala-balai", "2023-05-16T09:00") }
        #expect(
            late?.id.contains("paling lambat 14 hari kerja sejak terjadinya (2023-04-17), yaitu sampai 2023-05-15")
                == true)
    }

    @Test func seed000CountsThirtyCalendarDaysAndHasNoSeparateFirstNotice() throws {
        let world = try PKSWorld(from: "2025-04-28T08:00")
        let id = try world.signed(try PKSWorld.example("rancangan_000"), on: "2025-05-02")
        let other = try world.signed(try PKSWorld.example("rancangan_000"), on: "2025-05-06")
        var event = try PKSWorld.example("kahar")
        event["perkiraan_pulih"] = .string("2025-10-01")
        // An event before the agreement was signed is no reason to suspend it.
        event["tanggal_kejadian"] = .string("2025-04-30")
        let early = world.refusal {
            try world.fire(id, "kahar_tertulis", "kepala-dinas", "2025-05-07T09:00", forms: ["pks_kahar": event])
        }
        #expect(
            early?.id.contains("Keadaan kahar (2025-04-30) terjadi sebelum perjanjian berlaku (2025-05-02)") == true)
        event["tanggal_kejadian"] = .string("2025-08-01")
        let first = world.refusal {
            try world.fire(id, "beritahu_kahar", "kepala-dinas", "2025-08-04T09:00", forms: ["pks_kahar": event])
        }
        #expect(first?.id.contains("Perjanjian ini tidak mengatur pemberitahuan pertama") == true)
        // 30 calendar days: accepted; 31 (though only 21 working days): refused.
        try world.fire(id, "kahar_tertulis", "kepala-dinas", "2025-08-31T09:00", forms: ["pks_kahar": event])
        #expect(try world.state(id) == "ditangguhkan")
        let late = world.refusal {
            try world.fire(other, "kahar_tertulis", "kepala-dinas", "2025-09-01T09:00", forms: ["pks_kahar": event])
        }
        #expect(
            late?.id.contains(
                "paling lambat 30 hari sejak terjadinya (2025-08-01), yaitu sampai 2025-08-31; hari ini 2025-09-01")
                == true)
        // Seed 000 Pasal 8 (4): force majeure suspends, it is no reason to end.
        var notice = try PKSWorld.example("pengakhiran")
        notice["alasan"] = .string("keadaan_kahar")
        notice["tanggal_berakhir"] = .string("2026-01-31")
        let noReason = world.refusal {
            try world.fire(
                id, "ajukan_pengakhiran", "kepala-dinas", "2025-09-02T09:00", forms: ["pks_pengakhiran": notice])
        }
        #expect(noReason?.id.contains("keadaan kahar bukan alasan pengakhiran") == true)
        // Refusing an early end notified while suspended leaves the agreement suspended.
        notice["alasan"] = .string("kesepakatan")
        try world.fire(
            id, "ajukan_pengakhiran", "kepala-dinas", "2025-09-02T10:00", forms: ["pks_pengakhiran": notice],
            reason: "alasan lain")
        try world.fire(id, "tolak_pengakhiran", "kepala-balai", "2025-09-03T09:00", reason: "tetap dilanjutkan")
        #expect(try world.state(id) == "ditangguhkan")
    }

    @Test func anAgreementWithoutAForceMajeureClauseRefusesTheNotice() throws {
        let world = try PKSWorld(from: "2019-02-01T08:00")
        let id = try world.signed(try PKSWorld.example("rancangan_format1"), on: "2019-02-04")
        var event = try PKSWorld.example("kahar")
        event["tanggal_kejadian"] = .string("2019-03-01")
        event["perkiraan_pulih"] = .string("2019-04-01")
        let none = world.refusal {
            try world.fire(id, "kahar_tertulis", "kepala-dinas", "2019-03-04T09:00", forms: ["pks_kahar": event])
        }
        #expect(none?.id.contains("Perjanjian ini tidak mengatur keadaan kahar") == true)
    }

    @Test func anEarlyEndIsNotifiedThreeMonthsAheadAgreedByBothAndTakesEffectAtItsDate() throws {
        let (world, id) = try agreement003()
        var notice = try PKSWorld.example("pengakhiran")
        // Not after the term's end.
        notice["tanggal_berakhir"] = .string("2027-06-30")
        let after = world.refusal {
            try world.fire(
                id, "ajukan_pengakhiran", "kepala-dinas", "2023-07-04T09:00", forms: ["pks_pengakhiran": notice])
        }
        #expect(after?.id.contains("harus sebelum akhir jangka waktu (2027-05-23)") == true)
        // Notified 5 July 2023 for 30 September: less than three months. Refused, naming both dates.
        notice["tanggal_berakhir"] = .string("2023-09-30")
        let short = world.refusal {
            try world.fire(
                id, "ajukan_pengakhiran", "kepala-dinas", "2023-07-05T09:00", forms: ["pks_pengakhiran": notice])
        }
        #expect(
            short?.id.contains(
                "untuk 2023-09-30 paling lambat 2023-06-30; paling awal 2023-10-05 bila diberitahukan hari ini") == true
        )
        notice["tanggal_berakhir"] = .string("2023-10-31")
        // Seed 003 lets force majeure end the agreement (Pasal 9 (4), 10 (1) e), unlike seed 000.
        notice["alasan"] = .string("keadaan_kahar")
        try world.fire(id, "ajukan_pengakhiran", "kepala-dinas", "2023-07-06T10:00", forms: ["pks_pengakhiran": notice])
        #expect(try world.state(id) == "pengakhiran_diajukan")
        #expect(
            try world.fire(id, "setujui_pengakhiran", "kepala-balai", "2023-07-12T09:00").kind
                == .pending(have: 1, need: 2))
        try world.fire(id, "setujui_pengakhiran", "kepala-dinas", "2023-07-12T10:00")
        #expect(try world.state(id) == "akan_berakhir")
        #expect(try world.due(id) == ["pengakhiran_berlaku": "2023-11-01T00:00:00+07:00"])
        _ = try world.engine.tick(now: at("2023-10-31T23:00"))
        #expect(try world.state(id) == "akan_berakhir")
        _ = try world.engine.tick(now: at("2023-11-01T00:30"))
        #expect(try world.state(id) == "diakhiri")
    }

    @Test func anEndAgreedAfterItsDateTakesEffectOnSigningAndARefusalKeepsItInForce() throws {
        let world = try PKSWorld(from: "2019-02-01T08:00")
        let id = try world.signed(try PKSWorld.example("rancangan_format1"), on: "2019-02-04")
        var notice = try PKSWorld.example("pengakhiran")
        notice["tanggal_berakhir"] = .string("2019-03-01")  // Format 1 sets no notice period
        try world.fire(id, "ajukan_pengakhiran", "kepala-balai", "2019-02-20T09:00", forms: ["pks_pengakhiran": notice])
        try world.fire(id, "tolak_pengakhiran", "kepala-dinas", "2019-02-21T09:00", reason: "program berjalan")
        #expect(try world.state(id) == "berlaku")
        try world.fire(
            id, "ajukan_pengakhiran", "kepala-balai", "2019-02-22T09:00", forms: ["pks_pengakhiran": notice],
            reason: "diajukan lagi")
        try world.fire(id, "setujui_pengakhiran", "kepala-balai", "2019-03-04T09:00")
        try world.fire(id, "setujui_pengakhiran", "kepala-dinas", "2019-03-04T10:00")
        // Signed after the date asked for: effective on signing, so it ends with no timer to wait for.
        #expect(try world.variable(id, "tanggal_pengakhiran") == "2019-03-04")
        _ = try world.engine.tick(now: at("2019-03-05T00:30"))
        #expect(try world.state(id) == "diakhiri")
    }
}
