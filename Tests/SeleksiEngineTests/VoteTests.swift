import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiEngine

/// A committee named by a decree votes on a proposal: the members get their role from the decree, vote
/// in secret, may change a ballot until the round closes, and the result moves the instance on.
let committeeWorkflow = """
    <?xml version="1.0" encoding="UTF-8"?>
    <workflow id="uji_panitia" version="1" start-roles="operator">
      <title lang="id">Panitia (uji)</title>
    \(featureRoles)
      <votes>
        <vote id="putusan" roles="anggota_panitia" states="sidang" rule="majority" quorum="2/3" secret="true"
              choices="setuju tolak abstain" abstain="abstain">
          <label lang="id">Putusan panitia</label><label lang="en">The committee's decision</label>
        </vote>
      </votes>
      <states>
        <state id="draf" initial="true"><label lang="id">Draf</label></state>
        <state id="sidang"><label lang="id">Sidang</label></state>
        <state id="diterima" final="true"><label lang="id">Diterima</label></state>
        <state id="ditolak" final="true"><label lang="id">Ditolak</label></state>
      </states>
      <transitions>
        <transition event="tetapkan_sk" from="draf" to="sidang" roles="kepala">
          <requires form="uji_sk"/>
          <guard test="actors-exist(forms.uji_sk.anggota.pelaku)">
            <message lang="id">SK menyebut orang yang bukan pelaku terdaftar</message>
            <message lang="en">The decree names someone who is not a registered actor</message>
          </guard>
          <grant role="anggota_panitia" actors="forms.uji_sk.anggota.pelaku" until="instance-end"/>
        </transition>
        <transition event="putuskan" from="sidang" to="diterima" roles="system" auto="true">
          <guard test="votes.putusan.result = 'setuju'"><message lang="id">Belum diputuskan setuju</message></guard>
        </transition>
        <transition event="putuskan" from="sidang" to="ditolak" roles="system" auto="true">
          <guard test="votes.putusan.result = 'tolak'"><message lang="id">Belum diputuskan tolak</message></guard>
        </transition>
        <transition event="batalkan" from="*" to="ditolak" roles="kepala" reason="required"/>
      </transitions>
    </workflow>
    """

/// An election among candidates by plurality; a tie sends the two leaders to a second round.
let electionWorkflow = """
    <?xml version="1.0" encoding="UTF-8"?>
    <workflow id="uji_pemilihan" version="1" start-roles="operator">
      <title lang="id">Pemilihan ketua (uji)</title>
    \(featureRoles)
      <variables>
        <variable id="calon_ulang"/>
        <variable id="ketua"/>
      </variables>
      <votes>
        <vote id="ketua" roles="anggota_panitia" states="pemilihan pemilihan_ulang" rule="plurality" quorum="all"
              candidates="if(filled(vars.calon_ulang), vars.calon_ulang, forms.uji_calon.calon.nama)"/>
      </votes>
      <states>
        <state id="pencalonan" initial="true"><label lang="id">Pencalonan</label></state>
        <state id="pemilihan"><label lang="id">Pemilihan</label></state>
        <state id="pemilihan_ulang"><label lang="id">Pemilihan putaran kedua</label></state>
        <state id="terpilih" final="true"><label lang="id">Terpilih</label></state>
      </states>
      <transitions>
        <transition event="buka" from="pencalonan" to="pemilihan" roles="operator"><requires form="uji_calon"/></transition>
        <transition event="ulang" from="pemilihan" to="pemilihan_ulang" roles="system" auto="true">
          <guard test="votes.ketua.quorum_met and votes.ketua.tied"><message lang="id">Tidak seri</message></guard>
          <set var="calon_ulang" value="votes.ketua.leaders"/>
        </transition>
        <transition event="tetapkan" from="pemilihan pemilihan_ulang" to="terpilih" roles="system" auto="true">
          <guard test="votes.ketua.decided"><message lang="id">Belum terpilih</message></guard>
          <set var="ketua" value="votes.ketua.result"/>
        </transition>
      </transitions>
    </workflow>
    """

let candidatesForm = """
    <?xml version="1.0" encoding="UTF-8"?>
    <form id="uji_calon" version="1">
      <title lang="id">Daftar calon</title>
      <repeat id="calon" min="2">
        <label lang="id">Calon</label>
        <field id="nama" type="text" required="true"><label lang="id">Nama</label></field>
      </repeat>
    </form>
    """

@Suite("Votes: who may vote, quorum, rule, secrecy, changed ballots, rounds")
struct VoteTests {
    func committee() throws -> FeatureWorld {
        let world = try FeatureWorld(["workflows/uji_panitia.xml": committeeWorkflow, "forms/uji_sk.xml": skForm])
        _ = try world.engine.start(
            workflow: "uji_panitia", org: "dinas", actor: "operator1", now: at("2024-03-01T09:00"))
        _ = try world.fire(
            1, "tetapkan_sk", as: "kepala1", forms: ["uji_sk": members("a1", "a2", "a3")], at: "2024-03-01T10:00")
        return world
    }

    @Test func aSecretMajorityDecidesOnceTwoThirdsHaveVotedAndABallotMayChangeUntilThen() throws {
        let world = try committee()
        let engine = world.engine!
        #expect(try world.state(1) == "sidang")
        let outsider = world.refusal {
            try engine.vote(instance: 1, vote: "putusan", choice: "setuju", actor: "a4", now: at("2024-03-01T11:00"))
        }
        #expect(outsider?.code == "role-missing")

        try engine.vote(instance: 1, vote: "putusan", choice: "setuju", actor: "a1", now: at("2024-03-01T11:00"))
        let hidden = try engine.show(1, viewer: "kepala1", now: at("2024-03-01T11:05")).votes[0]
        #expect(
            hidden.tally == nil && hidden.ballots == nil && hidden.voters == ["a1"] && hidden.cast == 1
                && hidden.needed == 2)
        #expect(try engine.show(1, viewer: "a1", now: at("2024-03-01T11:05")).votes[0].mine == "setuju")
        let again = world.refusal {
            try engine.vote(instance: 1, vote: "putusan", choice: "setuju", actor: "a1", now: at("2024-03-01T11:10"))
        }
        #expect(again?.code == "already-confirmed")

        try engine.vote(instance: 1, vote: "putusan", choice: "tolak", actor: "a2", now: at("2024-03-01T11:20"))
        #expect(try world.state(1) == "sidang")  // one each: no majority yet
        let changed = try engine.vote(
            instance: 1, vote: "putusan", choice: "setuju", actor: "a2", reason: "setelah diskusi",
            now: at("2024-03-01T11:30"))
        #expect(changed.changed)
        #expect(try world.state(1) == "diterima")

        let closed = try engine.show(1, viewer: "kepala1", now: at("2024-03-01T12:00")).votes[0]
        #expect(!closed.isOpen && closed.result == "setuju")
        #expect(closed.ballots?.map(\.choice) == ["setuju", "setuju"])
        let history = try engine.history(1).filter { $0.command == "vote" }
        #expect(history.filter { $0.outcome == "accepted" }.count == 3)
        #expect(
            history.filter { $0.outcome.hasPrefix("refused") }.map(\.outcome) == [
                "refused:role-missing", "refused:already-confirmed",
            ])
        #expect(try engine.verifyAudit().isIntact)
    }

    @Test func theDecreesMembersHoldTheirRoleUntilTheInstanceEnds() throws {
        let world = try committee()
        let engine = world.engine!
        #expect(try engine.roles(of: "a3", in: "dinas", at: at("2024-03-01T10:30")).contains("anggota_panitia"))
        #expect(try engine.roles(of: "a3", in: "bidang", at: at("2024-03-01T10:30")).contains("anggota_panitia"))  // below it too
        #expect(try !engine.roles(of: "a4", in: "dinas", at: at("2024-03-01T10:30")).contains("anggota_panitia"))
        _ = try world.fire(1, "batalkan", as: "kepala1", reason: "SK dicabut", at: "2024-03-02T09:00")
        #expect(try !engine.roles(of: "a3", in: "dinas", at: at("2024-03-02T09:30")).contains("anggota_panitia"))
        let grants = try engine.history(1)
        #expect(grants.contains { $0.command == "fire" && $0.event == "batalkan" })
    }

    @Test func aDecreeNamingAStrangerOrAnEvenCommitteeIsRefused() throws {
        let world = try FeatureWorld(["workflows/uji_panitia.xml": committeeWorkflow, "forms/uji_sk.xml": skForm])
        _ = try world.engine.start(
            workflow: "uji_panitia", org: "dinas", actor: "operator1", now: at("2024-03-01T09:00"))
        let stranger = world.refusal {
            _ = try world.fire(
                1, "tetapkan_sk", as: "kepala1", forms: ["uji_sk": members("a1", "a2", "zz9")], at: "2024-03-01T10:00")
        }
        #expect(stranger?.id == "SK menyebut orang yang bukan pelaku terdaftar")
        let even = world.refusal {
            _ = try world.fire(
                1, "tetapkan_sk", as: "kepala1", forms: ["uji_sk": members("a1", "a2")], at: "2024-03-01T10:05")
        }
        #expect(even?.code == "invalid-submission")
        do {
            _ = try world.fire(
                1, "tetapkan_sk", as: "kepala1", forms: ["uji_sk": members("a1", "a2")], at: "2024-03-01T10:10")
        } catch let EngineError.refused(_, violations) {
            #expect(violations.map(\.path) == ["uji_sk.jumlah"])
            #expect(violations.first?.message.id == "Jumlah anggota harus ganjil")
        }
        #expect(try world.state(1) == "draf")
    }

    @Test func aTieAmongCandidatesGoesToASecondRoundBetweenTheLeaders() throws {
        let actors = FeatureWorld.actors.replacingOccurrences(
            of: "a1,Anggota Satu (fiktif),,", with: "a1,Anggota Satu (fiktif),,anggota_panitia@dinas"
        )
        .replacingOccurrences(of: "a2,Anggota Dua (fiktif),,", with: "a2,Anggota Dua (fiktif),,anggota_panitia@dinas")
        .replacingOccurrences(of: "a3,Anggota Tiga (fiktif),,", with: "a3,Anggota Tiga (fiktif),,anggota_panitia@dinas")
        .replacingOccurrences(
            of: "a4,Anggota Empat (fiktif),,", with: "a4,Anggota Empat (fiktif),,anggota_panitia@dinas")
        let world = try FeatureWorld(
            ["workflows/uji_pemilihan.xml": electionWorkflow, "forms/uji_calon.xml": candidatesForm], actors: actors)
        let engine = world.engine!
        _ = try engine.start(workflow: "uji_pemilihan", org: "dinas", actor: "operator1", now: at("2024-03-01T09:00"))
        let names: [String: Value] = ["calon": .list(["ani", "budi", "cici"].map { .record(["nama": .string($0)]) })]
        _ = try world.fire(1, "buka", as: "operator1", forms: ["uji_calon": names], at: "2024-03-01T09:10")
        for (voter, choice) in [("a1", "ani"), ("a2", "ani"), ("a3", "budi"), ("a4", "budi")] {
            try engine.vote(instance: 1, vote: "ketua", choice: choice, actor: voter, now: at("2024-03-01T10:00"))
        }
        #expect(try world.state(1) == "pemilihan_ulang")
        let notACandidate = world.refusal {
            try engine.vote(instance: 1, vote: "ketua", choice: "cici", actor: "a1", now: at("2024-03-01T11:00"))
        }
        #expect(notACandidate?.code == "invalid-submission" && notACandidate?.id.contains("ani, budi") == true)
        for (voter, choice) in [("a1", "ani"), ("a2", "ani"), ("a3", "ani")] {
            try engine.vote(instance: 1, vote: "ketua", choice: choice, actor: voter, now: at("2024-03-01T11:00"))
        }
        #expect(try world.state(1) == "pemilihan_ulang")  // the quorum is every member
        try engine.vote(instance: 1, vote: "ketua", choice: "budi", actor: "a4", now: at("2024-03-01T11:30"))
        let done = try engine.show(1)
        #expect(done.record.state == "terpilih" && done.record.variables["ketua"] == .string("ani"))
        #expect(done.votes[0].round == 2 && done.votes[0].tally?.map(\.count) == [3, 1])
        #expect(try engine.verifyAudit().isIntact)
    }
}

@Suite("Roles from a decree that end at a date")
struct GrantUntilDateTests {
    @Test func aDecreeForThirtyDaysGivesTheRoleForThirtyDaysInTheOrganisationItNames() throws {
        let workflow = committeeWorkflow
            .replacingOccurrences(of: "until=\"instance-end\"", with: "org=\"'bidang'\" until=\"add-days(today(), 30)\"")
        let world = try FeatureWorld(["workflows/uji_panitia.xml": workflow, "forms/uji_sk.xml": skForm])
        let engine = world.engine!
        _ = try engine.start(workflow: "uji_panitia", org: "dinas", actor: "operator1", now: at("2024-03-01T09:00"))
        _ = try world.fire(1, "tetapkan_sk", as: "kepala1", forms: ["uji_sk": members("a1", "a2", "a3")], at: "2024-03-01T10:00")
        #expect(try engine.roles(of: "a1", in: "bidang", at: at("2024-03-31T23:59")).contains("anggota_panitia"))
        #expect(try !engine.roles(of: "a1", in: "dinas", at: at("2024-03-02T09:00")).contains("anggota_panitia"))
        #expect(try !engine.roles(of: "a1", in: "bidang", at: at("2024-04-01T00:00")).contains("anggota_panitia"))
        let rows = try engine.actors().first { $0.id == "a1" }?.grants ?? []
        #expect(rows.map(\.role) == ["anggota_panitia"] && rows.first?.untilInstance == nil)
    }
}
