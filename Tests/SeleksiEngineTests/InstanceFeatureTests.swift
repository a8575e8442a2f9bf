import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiEngine

/// An agreement between two offices: the other party is named when it starts, and each party's head
/// holds his role on it.
let twoPartyWorkflow = """
    <?xml version="1.0" encoding="UTF-8"?>
    <workflow id="uji_dua_pihak" version="1" start-roles="operator" parties="vars.pihak">
      <title lang="id">Perjanjian dua pihak (uji)</title>
    \(featureRoles)
      <variables>
        <variable id="pihak"/>
        <variable id="nilai" initial="0"/>
      </variables>
      <states>
        <state id="draf" initial="true"><label lang="id">Draf</label></state>
        <state id="berlaku" final="true"><label lang="id">Berlaku</label></state>
      </states>
      <transitions>
        <transition event="tanda_tangan" from="draf" to="berlaku" roles="kepala" quorum="all"/>
      </transitions>
    </workflow>
    """

/// Last year's report must be accepted before this year's round opens; two guards, two messages; a
/// timer's event that no person may fire.
let yearlyWorkflows = [
    "workflows/uji_laporan.xml": """
    <?xml version="1.0" encoding="UTF-8"?>
    <workflow id="uji_laporan" version="1" start-roles="operator">
      <title lang="id">Laporan tahunan (uji)</title>
    \(featureRoles)
      <states>
        <state id="draf" initial="true"><label lang="id">Draf</label></state>
        <state id="diterima" final="true"><label lang="id">Diterima</label></state>
      </states>
      <transitions>
        <transition event="terima" from="draf" to="diterima" roles="kepala"/>
      </transitions>
    </workflow>
    """,
    "workflows/uji_tahunan.xml": """
    <?xml version="1.0" encoding="UTF-8"?>
    <workflow id="uji_tahunan" version="1" start-roles="operator">
      <title lang="id">Putaran tahunan (uji)</title>
    \(featureRoles)
      <variables>
        <variable id="anggaran" initial="0"/>
      </variables>
      <states>
        <state id="persiapan" initial="true">
          <label lang="id">Persiapan</label>
          <timer event="kedaluwarsa" after="P90D"/>
        </state>
        <state id="dibuka"><label lang="id">Dibuka</label></state>
        <state id="ditutup" final="true"><label lang="id">Ditutup</label></state>
      </states>
      <transitions>
        <transition event="buka" from="persiapan" to="dibuka" roles="operator">
          <guard test="all(instances.uji_laporan, item.state = 'diterima')">
            <message lang="id">Laporan tahun lalu belum diterima</message><message lang="en">Last year's report is not accepted</message>
          </guard>
          <guard test="vars.anggaran &gt; 0">
            <message lang="id">Anggaran belum ditetapkan</message><message lang="en">No budget yet</message>
          </guard>
        </transition>
        <transition event="revisi_anggaran" from="*" to="persiapan" roles="kepala"><set var="anggaran" value="100"/></transition>
        <transition event="kedaluwarsa" from="persiapan" to="ditutup" roles="system"/>
      </transitions>
    </workflow>
    """,
]

@Suite("Instances: parties, passed values, other workflows' instances, refusals that say everything")
struct InstanceFeatureTests {
    @Test func theOtherPartysHeadSignsAnAgreementStartedByTheFirst() throws {
        let world = try FeatureWorld(["workflows/uji_dua_pihak.xml": twoPartyWorkflow])
        let engine = world.engine!
        let unknownVariable = world.refusal {
            _ = try engine.start(
                workflow: "uji_dua_pihak", org: "dinas", actor: "operator1", variables: ["pihakk": .string("mitra")],
                now: at("2024-03-01T09:00"))
        }
        #expect(unknownVariable?.code == "not-permitted")
        let record = try engine.start(
            workflow: "uji_dua_pihak", org: "dinas", actor: "operator1",
            variables: ["pihak": .list([.string("mitra")])], now: at("2024-03-01T09:00"))
        #expect(record.variables["pihak"] == .list([.string("mitra")]) && record.variables["nilai"] == .number(0))
        let first = try world.fire(record.id, "tanda_tangan", as: "mitra1", at: "2024-03-01T10:00")
        #expect(first.kind == .pending(have: 1, need: 2))  // both heads, one per party
        let second = try world.fire(record.id, "tanda_tangan", as: "kepala1", at: "2024-03-01T11:00")
        #expect(second.kind == .moved(from: "draf", to: "berlaku"))

        let alone = try engine.start(
            workflow: "uji_dua_pihak", org: "dinas", actor: "operator1", now: at("2024-03-02T09:00"))
        let outsider = world.refusal {
            _ = try world.fire(alone.id, "tanda_tangan", as: "mitra1", at: "2024-03-02T10:00")
        }
        #expect(outsider?.code == "role-missing")
    }

    @Test func lastYearsReportBlocksThisYearsRoundAndEveryFailingGuardIsNamedAtOnce() throws {
        let world = try FeatureWorld(yearlyWorkflows)
        let engine = world.engine!
        let report = try engine.start(
            workflow: "uji_laporan", org: "dinas", actor: "operator1", now: at("2024-03-01T08:30"))
        let round = try engine.start(
            workflow: "uji_tahunan", org: "dinas", actor: "operator1", now: at("2024-03-01T09:00"))
        let both = world.refusal { _ = try world.fire(round.id, "buka", as: "operator1", at: "2024-03-01T10:00") }
        #expect(both?.code == "guard-failed")
        #expect(both?.id.contains("2 syarat tidak terpenuhi") == true)
        #expect(
            both?.id.contains("Laporan tahun lalu belum diterima") == true
                && both?.id.contains("Anggaran belum ditetapkan") == true)
        #expect(
            both?.en.contains("Last year's report is not accepted") == true
                && both?.en.contains("No budget yet") == true)

        _ = try world.fire(round.id, "revisi_anggaran", as: "kepala1", at: "2024-03-01T10:10")
        let one = world.refusal { _ = try world.fire(round.id, "buka", as: "operator1", at: "2024-03-01T10:20") }
        #expect(one?.id == "Laporan tahun lalu belum diterima")
        _ = try world.fire(report.id, "terima", as: "kepala1", at: "2024-03-01T10:30")
        _ = try world.fire(round.id, "buka", as: "operator1", at: "2024-03-01T10:40")
        #expect(try world.state(round.id) == "dibuka")

        // A budget revision is allowed in any state that is not final.
        _ = try world.fire(round.id, "revisi_anggaran", as: "kepala1", at: "2024-03-02T09:00")
        #expect(try world.state(round.id) == "persiapan")
    }

    @Test func aPersonIsOfferedOnlyTheEventsAPersonMayFire() throws {
        let world = try FeatureWorld(yearlyWorkflows)
        let engine = world.engine!
        let round = try engine.start(
            workflow: "uji_tahunan", org: "dinas", actor: "operator1", now: at("2024-03-01T09:00"))
        let wrong = world.refusal { _ = try world.fire(round.id, "terima", as: "operator1", at: "2024-03-01T10:00") }
        #expect(wrong?.code == "unknown-event")
        let notHere = world.refusal {
            _ = try world.fire(round.id, "kedaluwarsa", as: "kepala1", at: "2024-03-01T10:00")
        }
        #expect(notHere?.code == "role-missing")
        _ = try world.fire(round.id, "revisi_anggaran", as: "kepala1", at: "2024-03-01T10:05")
        _ = try world.fire(round.id, "buka", as: "operator1", at: "2024-03-01T10:10")
        let closed = world.refusal { _ = try world.fire(round.id, "buka", as: "operator1", at: "2024-03-01T10:20") }
        #expect(closed?.code == "not-allowed-in-state")
        #expect(closed?.id.hasSuffix("yang berlaku: revisi_anggaran") == true)
        #expect(try engine.show(round.id).allowedEvents.map(\.event) == ["revisi_anggaran"])
        let persiapan = try engine.start(
            workflow: "uji_tahunan", org: "dinas", actor: "operator1", now: at("2024-03-01T11:00"))
        #expect(try !engine.show(persiapan.id).allowedEvents.map(\.event).contains("kedaluwarsa"))
    }
}
