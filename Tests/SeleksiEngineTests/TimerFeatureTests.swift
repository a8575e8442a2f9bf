import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiEngine

/// An agreement whose term ends at a date written in it: one timer for several states, another three
/// months before the end, both following the end date when an addendum moves it.
let agreementWorkflow = """
    <?xml version="1.0" encoding="UTF-8"?>
    <workflow id="uji_kontrak" version="1" start-roles="operator">
      <title lang="id">Perjanjian (uji)</title>
    \(featureRoles)
      <variables>
        <variable id="akhir"/>
        <variable id="diingatkan" initial="false"/>
        <variable id="batas_layanan" initial="add-working-days(date('2024-04-05'), lookup('uji/tarif', 'kode', 'kilat', 'hari'))"/>
      </variables>
      <states>
        <state id="draf" initial="true"><label lang="id">Draf</label></state>
        <state id="berlaku"><label lang="id">Berlaku</label></state>
        <state id="diperpanjang"><label lang="id">Perpanjangan diminta</label></state>
        <state id="selesai" final="true"><label lang="id">Selesai</label></state>
      </states>
      <timers>
        <timer states="berlaku diperpanjang" event="berakhir" at="vars.akhir"/>
        <timer states="berlaku" event="ingatkan" at="add-months(vars.akhir, -3)"/>
      </timers>
      <transitions>
        <transition event="tandatangani" from="draf" to="berlaku" roles="operator">
          <requires form="uji_pks"/>
          <set var="akhir" value="forms.uji_pks.akhir"/>
        </transition>
        <transition event="addendum" from="berlaku" to="berlaku" roles="operator">
          <requires form="uji_addendum"/>
          <set var="akhir" value="forms.uji_addendum.akhir_baru"/>
        </transition>
        <transition event="ingatkan" from="berlaku" to="berlaku" roles="system"><set var="diingatkan" value="true"/></transition>
        <transition event="perpanjang" from="berlaku" to="diperpanjang" roles="operator"/>
        <transition event="berakhir" from="berlaku diperpanjang" to="selesai" roles="system"/>
      </transitions>
    </workflow>
    """

let agreementForm = """
    <?xml version="1.0" encoding="UTF-8"?>
    <form id="uji_pks" version="1">
      <title lang="id">PKS</title>
      <field id="tanggal_ttd" type="date" required="true">
        <label lang="id">Tanggal tanda tangan</label>
        <constraint test="is-working-day(.)"><message lang="id">Ditandatangani pada hari kerja</message></constraint>
      </field>
      <field id="akhir" type="date" required="true"><label lang="id">Berakhir</label></field>
    </form>
    """

let addendumForm = """
    <?xml version="1.0" encoding="UTF-8"?>
    <form id="uji_addendum" version="1">
      <title lang="id">Addendum</title>
      <field id="akhir_baru" type="date" required="true"><label lang="id">Berakhir (baru)</label></field>
    </form>
    """

/// A parent whose start date its children's deadlines count from (in working days), which closes itself
/// once no child is waiting.
let parentWorkflow = """
    <?xml version="1.0" encoding="UTF-8"?>
    <workflow id="uji_induk" version="1" start-roles="operator">
      <title lang="id">Induk (uji)</title>
    \(featureRoles)
      <variables>
        <variable id="mulai"/>
        <variable id="kode" initial="'K-01'"/>
      </variables>
      <states>
        <state id="siap" initial="true"><label lang="id">Siap</label></state>
        <state id="berjalan"><label lang="id">Berjalan</label></state>
        <state id="tuntas" final="true"><label lang="id">Tuntas</label></state>
      </states>
      <transitions>
        <transition event="jadwalkan" from="siap" to="berjalan" roles="operator">
          <set var="mulai" value="date('2024-04-05')"/>
          <create workflow="uji_anak" count="2">
            <pass var="kode" value="concat(vars.kode, '/a')"/>
            <pass var="batas" value="add-working-days(vars.mulai, 7)"/>
          </create>
        </transition>
        <transition event="geser" from="berjalan" to="berjalan" roles="operator"><set var="mulai" value="date('2024-04-22')"/></transition>
        <transition event="tutup" from="berjalan" to="tuntas" roles="system" auto="true">
          <guard test="children-count() &gt; 0 and children-count('menunggu') = 0"><message lang="id">Masih ada yang menunggu</message></guard>
        </transition>
        <transition event="batalkan" from="*" to="tuntas" roles="kepala"/>
      </transitions>
    </workflow>
    """

let childWorkflow = """
    <?xml version="1.0" encoding="UTF-8"?>
    <workflow id="uji_anak" version="1" start-roles="operator" parent="uji_induk">
      <title lang="id">Anak (uji)</title>
    \(featureRoles)
      <variables>
        <variable id="kode"/>
        <variable id="batas"/>
      </variables>
      <states>
        <state id="menunggu" initial="true">
          <label lang="id">Menunggu</label>
          <timer event="lewat" at="add-working-days(parent.vars.mulai, 7)"/>
        </state>
        <state id="selesai" final="true"><label lang="id">Selesai</label></state>
        <state id="terlambat" final="true"><label lang="id">Terlambat</label></state>
      </states>
      <transitions>
        <transition event="kerjakan" from="menunggu" to="selesai" roles="operator"/>
        <transition event="lewat" from="menunggu" to="terlambat" roles="system"/>
      </transitions>
    </workflow>
    """

@Suite("Timers on any date the instance knows, declared once, following their dates")
struct TimerFeatureTests {
    func due(_ engine: Engine, _ id: Int64) throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try engine.pendingTimers(id).map { ($0.event, Timestamp(seconds: $0.dueAt).iso) })
    }

    @Test func anAgreementsTimersFollowItsEndDateAndAnInitialValueReadsSeedTablesAndTheCalendar() throws {
        let world = try FeatureWorld([
            "workflows/uji_kontrak.xml": agreementWorkflow, "forms/uji_pks.xml": agreementForm,
            "forms/uji_addendum.xml": addendumForm,
        ])
        let engine = world.engine!
        let record = try engine.start(
            workflow: "uji_kontrak", org: "dinas", actor: "operator1", now: at("2024-03-01T09:00"))
        // 3 working days after Friday 5 April 2024, across Lebaran: 16, 17, 18 April.
        #expect(record.variables["batas_layanan"] == .date(CivilDate(iso: "2024-04-18")!))

        let saturday = world.refusal {
            _ = try world.fire(
                1, "tandatangani", as: "operator1",
                forms: [
                    "uji_pks": [
                        "tanggal_ttd": .string("2024-03-02"),
                        "akhir": .string("2025-06-30"),
                    ]
                ], at: "2024-03-04T09:00")
        }
        #expect(saturday?.code == "invalid-submission")
        _ = try world.fire(
            1, "tandatangani", as: "operator1",
            forms: [
                "uji_pks": [
                    "tanggal_ttd": .string("2024-03-04"),
                    "akhir": .string("2025-06-30"),
                ]
            ], at: "2024-03-04T09:05")
        #expect(
            try due(engine, 1) == ["berakhir": "2025-07-01T00:00:00+07:00", "ingatkan": "2025-03-31T00:00:00+07:00"])

        _ = try world.fire(
            1, "addendum", as: "operator1", forms: ["uji_addendum": ["akhir_baru": .string("2025-12-31")]],
            at: "2024-06-01T09:00")
        #expect(
            try due(engine, 1) == ["berakhir": "2026-01-01T00:00:00+07:00", "ingatkan": "2025-10-01T00:00:00+07:00"])

        let reminded = try engine.tick(now: at("2025-10-02T08:00"))
        #expect(reminded.fired.map(\.event) == ["ingatkan"])
        #expect(try engine.show(1).record.variables["diingatkan"] == .bool(true))
        #expect(try engine.tick(now: at("2025-10-03T08:00")).fired.isEmpty)  // a timer fires once

        _ = try world.fire(1, "perpanjang", as: "operator1", at: "2025-10-05T09:00")
        #expect(try due(engine, 1) == ["berakhir": "2026-01-01T00:00:00+07:00"])  // the shared timer, in the next state too
        _ = try engine.tick(now: at("2026-01-01T00:30"))
        #expect(try world.state(1) == "selesai")
        #expect(try engine.verifyAudit().isIntact)
    }

    @Test func childrenCountTheirDeadlineFromTheParentAndFollowItWhenItMoves() throws {
        let world = try FeatureWorld([
            "workflows/uji_induk.xml": parentWorkflow, "workflows/uji_anak.xml": childWorkflow,
        ])
        let engine = world.engine!
        _ = try engine.start(workflow: "uji_induk", org: "dinas", actor: "operator1", now: at("2024-04-01T09:00"))
        let started = try world.fire(1, "jadwalkan", as: "operator1", at: "2024-04-01T10:00")
        #expect(started.createdChildren == [2, 3])
        let child = try engine.show(2).record
        #expect(child.variables["kode"] == .string("K-01/a"))
        #expect(child.variables["batas"] == .string("2024-04-24"))  // 7 working days after 5 April 2024, as stored
        #expect(try due(engine, 2) == ["lewat": "2024-04-25T00:00:00+07:00"])

        _ = try world.fire(1, "geser", as: "operator1", at: "2024-04-02T09:00")
        // From Monday 22 April: 23–26, 29, 30 April, then 1 May (Labour Day) is skipped: 2 May.
        #expect(try due(engine, 2) == ["lewat": "2024-05-03T00:00:00+07:00"])
        #expect(try due(engine, 3) == ["lewat": "2024-05-03T00:00:00+07:00"])

        _ = try world.fire(2, "kerjakan", as: "operator1", at: "2024-04-30T09:00")
        #expect(try world.state(1) == "berjalan")  // one child still waits
        _ = try engine.tick(now: at("2024-05-03T01:00"))
        #expect(try world.state(3) == "terlambat")
        #expect(try world.state(1) == "tuntas")  // the parent saw its last child move and closed itself
        #expect(try engine.verifyAudit().isIntact)
    }

    @Test func aTimerWhoseDateFailsIsAnErrorNamingTheFileNotASilentNothing() throws {
        let broken = childWorkflow.replacingOccurrences(
            of: "add-working-days(parent.vars.mulai, 7)",
            with: "add-working-days(parent.vars.mulai, 7000)")
        let world = try FeatureWorld(["workflows/uji_induk.xml": parentWorkflow, "workflows/uji_anak.xml": broken])
        _ = try world.engine.start(workflow: "uji_induk", org: "dinas", actor: "operator1", now: at("2024-04-01T09:00"))
        let failed = world.refusal { _ = try world.fire(1, "jadwalkan", as: "operator1", at: "2024-04-01T10:00") }
        #expect(failed?.code == "error")
        #expect(
            failed?.en.contains("uji_anak.xml") == true
                && failed?.en.contains("outside the working-day calendar") == true)
        #expect(try world.state(1) == "siap")  // nothing half-written
    }
}
