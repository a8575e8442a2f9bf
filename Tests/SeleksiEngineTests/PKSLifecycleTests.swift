import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiEngine

/// The shipped PKS process (workflows/pks.xml, forms/pks_*.xml) on a simulation database with the
/// shipped seed, three fictitious offices and their heads. Drafts are the example answers a user submits
/// by hand (examples/pks/*.json).
struct PKSWorld {
    let temp = TempFolder()
    let engine: Engine

    init(from: String = "2022-01-03T08:00") throws {
        engine = try Engine.initialise(
            path: temp.file("db.sqlite"), root: Repo.root, seedPath: Repo.path("seed"),
            options: .init(simulation: true), now: at(from)
        ).0
        let setup = at(from)
        for (id, name) in [
            ("dinas-contoh", "Dinas Contoh (fiktif)"), ("balai-contoh", "Balai Contoh (fiktif)"),
            ("lain-contoh", "Instansi Lain (fiktif)"),
        ] {
            try engine.addOrganisation(id: id, name: name, kind: "instansi", parent: nil, now: setup)
        }
        for (id, role, org) in [
            ("operator-dinas", "operator", "dinas-contoh"), ("kepala-dinas", "kepala", "dinas-contoh"),
            ("kepala-balai", "kepala", "balai-contoh"), ("kepala-lain", "kepala", "lain-contoh"),
        ] {
            try engine.addActor(id: id, name: "Pelaku \(id) (fiktif)", nip: nil, now: setup)
            try engine.grant(actor: id, role: role, org: org, now: setup)
        }
    }

    static func example(_ name: String) throws -> [String: Value] {
        try JSONBridge.record(
            FileManager.default.contents(atPath: Repo.path("examples/pks/\(name).json"))!, what: name)
    }

    @discardableResult
    func fire(
        _ id: Int64, _ event: String, _ actor: String, _ time: String, forms: [String: [String: Value]] = [:],
        reason: String? = nil
    ) throws -> FireResult {
        try engine.fire(
            FireRequest(instance: id, event: event, actor: actor, reason: reason, forms: forms), now: at(time))
    }

    /// A draft submitted on `day` and signed by both heads the same day (the first party's last).
    func signed(_ draft: [String: Value], on day: String) throws -> Int64 {
        let id = try engine.start(
            workflow: "pks", org: "dinas-contoh", actor: "operator-dinas", now: at("\(day)T08:00")
        ).id
        try fire(id, "ajukan", "operator-dinas", "\(day)T09:00", forms: ["pks_rancangan": draft])
        try fire(id, "tanda_tangan", "kepala-balai", "\(day)T10:00")
        try fire(id, "tanda_tangan", "kepala-dinas", "\(day)T11:00")
        return id
    }

    func state(_ id: Int64) throws -> String { try engine.show(id).record.state }
    func variable(_ id: Int64, _ name: String) throws -> String {
        try engine.show(id).record.variables[name]?.displayText ?? ""
    }
    func due(_ id: Int64) throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try engine.pendingTimers(id).map { ($0.event, Timestamp(seconds: $0.dueAt).iso) })
    }

    /// The refusal a command meets (code, and the whole message in Indonesian and English, a form's
    /// violations included), or nil when it was accepted.
    func refusal(_ body: () throws -> Void) -> (code: String, id: String, en: String)? {
        do {
            try body()
            return nil
        } catch let e as EngineError {
            if case .refused(let r, _) = e { return (r.code.rawValue, e.message(.id), e.message(.en)) }
            return ("error", e.message(.id), e.message(.en))
        } catch {
            return ("error", "\(error)", "\(error)")
        }
    }
}

@Suite("PKS: drafting, amounts, signing by both parties, the term, extension and addendum")
struct PKSLifecycleTests {
    @Test func seed000sStatedTotalIsRefusedNamingBothFiguresAndTheProductIsAccepted() throws {
        let world = try PKSWorld(from: "2025-04-28T08:00")
        let id = try world.engine.start(
            workflow: "pks", org: "dinas-contoh", actor: "operator-dinas", now: at("2025-04-30T08:00")
        ).id
        let asWritten = try PKSWorld.example("rancangan_000_seperti_tertulis")
        #expect(asWritten["biaya_total"] == .number(155_915_000))
        let refused = world.refusal {
            try world.fire(id, "ajukan", "operator-dinas", "2025-04-30T09:00", forms: ["pks_rancangan": asWritten])
        }
        #expect(refused?.code == "invalid-submission")
        #expect(
            refused?.id.contains(
                "Total biaya tertulis Rp155.915.000 tidak sama dengan 43 × Rp3.625.930 = Rp155.914.990 (selisih Rp10)")
                == true)
        #expect(refused?.en.contains("The stated total Rp155.915.000 is not 43 × Rp3.625.930 = Rp155.914.990") == true)
        #expect(try world.state(id) == "draf")
        let corrected = try PKSWorld.example("rancangan_000")
        #expect(corrected["biaya_total"] == .number(155_914_990))
        try world.fire(id, "ajukan", "operator-dinas", "2025-04-30T10:00", forms: ["pks_rancangan": corrected])
        #expect(try world.state(id) == "menunggu_tanda_tangan")
        #expect(try world.engine.show(id).forms["pks_rancangan"]?["biaya_hitung"] == .number(155_914_990))
    }

    @Test func bothPartiesHeadsSignAndNoOneElse() throws {
        let world = try PKSWorld(from: "2025-04-28T08:00")
        let id = try world.engine.start(
            workflow: "pks", org: "dinas-contoh", actor: "operator-dinas", now: at("2025-04-30T08:00")
        ).id
        // The second party must be another office.
        var own = try PKSWorld.example("rancangan_000")
        own["pihak_kedua"] = .string("dinas-contoh")
        let same = world.refusal {
            try world.fire(id, "ajukan", "operator-dinas", "2025-04-30T08:30", forms: ["pks_rancangan": own])
        }
        #expect(
            same?.code == "guard-failed"
                && same?.id.contains("PIHAK KEDUA (dinas-contoh) harus organisasi lain") == true)
        // Before the draft names it, the second party's head has no role on the instance.
        let early = world.refusal { try world.fire(id, "batalkan", "kepala-balai", "2025-04-30T08:40", reason: "uji") }
        #expect(early?.code == "role-missing")
        try world.fire(
            id, "ajukan", "operator-dinas", "2025-04-30T09:00",
            forms: ["pks_rancangan": try PKSWorld.example("rancangan_000")])
        let outsider = world.refusal { try world.fire(id, "tanda_tangan", "kepala-lain", "2025-05-02T09:00") }
        #expect(outsider?.code == "role-missing")
        let first = try world.fire(id, "tanda_tangan", "kepala-balai", "2025-05-02T09:30")
        #expect(first.kind == .pending(have: 1, need: 2))
        #expect(try world.state(id) == "menunggu_tanda_tangan")
        let second = try world.fire(id, "tanda_tangan", "kepala-dinas", "2025-05-02T10:00")
        #expect(second.kind == .moved(from: "menunggu_tanda_tangan", to: "berlaku"))
        // Seed 000 Pasal 6 (1): one year from the signing date, through the day before its anniversary.
        #expect(try world.variable(id, "mulai") == "2025-05-02")
        #expect(try world.variable(id, "akhir") == "2026-05-01")
        #expect(try world.variable(id, "batas_perpanjangan") == "2026-02-01")
    }

    @Test func aDraftCanBeReturnedOrAbandonedButNotSignedAfterItsFixedEnd() throws {
        let world = try PKSWorld(from: "2019-02-01T08:00")
        let id = try world.engine.start(
            workflow: "pks", org: "dinas-contoh", actor: "operator-dinas", now: at("2019-02-04T08:00")
        ).id
        let format1 = try PKSWorld.example("rancangan_format1")
        try world.fire(id, "ajukan", "operator-dinas", "2019-02-04T09:00", forms: ["pks_rancangan": format1])
        try world.fire(id, "kembalikan", "kepala-balai", "2019-02-05T09:00", reason: "nomor belum benar")
        #expect(try world.state(id) == "draf")
        // A second version of the draft is a correction, with its reason.
        try world.fire(
            id, "ajukan", "operator-dinas", "2019-02-06T09:00", forms: ["pks_rancangan": format1],
            reason: "nomor diperbaiki")
        // Format 1 Pasal 4: one budget year; a draft ending on a past date cannot be signed.
        let late = world.refusal { try world.fire(id, "tanda_tangan", "kepala-balai", "2020-01-02T09:00") }
        #expect(late?.code == "guard-failed" && late?.id.contains("Tanggal berakhir 2019-12-31 sudah lewat") == true)
        try world.fire(id, "batalkan", "operator-dinas", "2020-01-02T10:00", reason: "tahun anggaran lewat")
        #expect(try world.state(id) == "batal")

        let past = try world.engine.start(
            workflow: "pks", org: "dinas-contoh", actor: "operator-dinas", now: at("2020-01-03T08:00")
        ).id
        let stale = world.refusal {
            try world.fire(past, "ajukan", "operator-dinas", "2020-01-03T09:00", forms: ["pks_rancangan": format1])
        }
        #expect(stale?.code == "guard-failed")
    }

    @Test func aBudgetYearAgreementEndsOnItsDateAndFiveYearsRunFromSigning() throws {
        let world = try PKSWorld(from: "2019-02-01T08:00")
        let format1 = try world.signed(try PKSWorld.example("rancangan_format1"), on: "2019-02-04")
        #expect(try world.variable(format1, "akhir") == "2019-12-31")
        #expect(try world.variable(format1, "batas_perpanjangan") == "")  // Format 1 sets no notice
        #expect(try world.due(format1) == ["habis_masa": "2020-01-01T00:00:00+07:00"])
        _ = try world.engine.tick(now: at("2019-12-31T23:00"))
        #expect(try world.state(format1) == "berlaku")
        _ = try world.engine.tick(now: at("2020-01-01T00:30"))
        #expect(try world.state(format1) == "berakhir")

        let five = try world.signed(try PKSWorld.example("rancangan_003"), on: "2022-05-24")
        #expect(try world.variable(five, "akhir") == "2027-05-23")
    }

    @Test func anExtensionIsNotifiedThreeMonthsBeforeTheEndAndTheAddendumMovesEveryDate() throws {
        let world = try PKSWorld(from: "2025-04-28T08:00")
        let id = try world.signed(try PKSWorld.example("rancangan_000"), on: "2025-05-02")
        #expect(
            try world.due(id) == [
                "habis_masa": "2026-05-02T00:00:00+07:00", "tutup_perpanjangan": "2026-02-02T00:00:00+07:00",
            ])
        var addendum = try PKSWorld.example("addendum_perpanjangan")
        // The new end must be later than the current one.
        addendum["akhir_baru"] = .string("2026-04-01")
        let shorter = world.refusal {
            try world.fire(id, "ajukan_addendum", "kepala-balai", "2026-01-15T09:00", forms: ["pks_addendum": addendum])
        }
        #expect(
            shorter?.id.contains(
                "Tanggal berakhir baru (2026-04-01) harus setelah tanggal berakhir sekarang (2026-05-01)") == true)
        addendum["akhir_baru"] = .string("2027-05-01")
        // One day past the deadline (1 February 2026), before the timer has run: refused by the guard.
        let late = world.refusal {
            try world.fire(id, "ajukan_addendum", "kepala-balai", "2026-02-02T09:00", forms: ["pks_addendum": addendum])
        }
        #expect(late?.code == "guard-failed")
        #expect(
            late?.id
                == "ditolak [guard-failed]: Maksud perpanjangan harus diberitahukan paling lambat 3 bulan sebelum perjanjian berakhir (2026-05-01), yaitu sampai 2026-02-01; hari ini 2026-02-02"
        )
        #expect(late?.en.contains("that is by 2026-02-01; today is 2026-02-02") == true)
    }

    @Test func anAddendumSignedByBothExtendsTheTermAndItsTimersFollow() throws {
        let world = try PKSWorld(from: "2025-04-28T08:00")
        let id = try world.signed(try PKSWorld.example("rancangan_000"), on: "2025-05-02")
        let addendum = try PKSWorld.example("addendum_perpanjangan")
        try world.fire(id, "ajukan_addendum", "kepala-balai", "2026-02-01T09:00", forms: ["pks_addendum": addendum])
        #expect(try world.state(id) == "perubahan_diajukan")
        #expect(
            try world.fire(id, "tanda_tangan_addendum", "kepala-dinas", "2026-02-01T10:00").kind
                == .pending(have: 1, need: 2))
        try world.fire(id, "tanda_tangan_addendum", "kepala-balai", "2026-02-01T11:00")
        #expect(try world.state(id) == "berlaku")
        #expect(try world.variable(id, "akhir") == "2027-05-01")
        #expect(try world.variable(id, "addendum_ke") == "1")
        #expect(
            try world.due(id) == [
                "habis_masa": "2027-05-02T00:00:00+07:00", "tutup_perpanjangan": "2027-02-02T00:00:00+07:00",
            ])
        // Past the new deadline the timer closes the extension window; a change that is not an
        // extension may still be proposed, and refused.
        _ = try world.engine.tick(now: at("2027-02-02T08:00"))
        #expect(try world.state(id) == "masa_akhir")
        var change = addendum
        change["perihal"] = .string("perubahan")
        change["akhir_baru"] = nil
        // A second addendum is a new version of the addendum form: the engine asks for its reason.
        try world.fire(
            id, "ajukan_addendum", "kepala-dinas", "2027-02-03T09:00", forms: ["pks_addendum": change],
            reason: "addendum kedua")
        try world.fire(id, "tolak_addendum", "kepala-balai", "2027-02-04T09:00", reason: "tidak sepakat")
        // Back in force, and at once past the extension deadline again.
        #expect(try world.state(id) == "masa_akhir")
        #expect(try world.variable(id, "addendum_ke") == "1")
        _ = try world.engine.tick(now: at("2027-05-02T00:30"))
        #expect(try world.state(id) == "berakhir")
    }
}
