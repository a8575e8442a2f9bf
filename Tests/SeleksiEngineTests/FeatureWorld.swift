import Foundation
import SeleksiCore
import SeleksiStore

@testable import SeleksiEngine

/// A small world for the engine's generic features: definitions written by the test (real XML), the
/// shipped holiday calendar, two organisations and a handful of actors, on a simulation database.
final class FeatureWorld {
    let temp = TempFolder()
    private(set) var engine: Engine!

    /// `definitions` maps `workflows/x.xml` or `forms/y.xml` to its text.
    init(_ definitions: [String: String], actors: String = FeatureWorld.actors, now: String = "2024-03-01T08:00") throws
    {
        for folder in ["forms", "workflows"] {
            try FileManager.default.createDirectory(atPath: temp.file(folder), withIntermediateDirectories: true)
        }
        for (name, text) in definitions { temp.write(name, text) }
        try FileManager.default.createDirectory(atPath: temp.file("seed/kalender"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Repo.path("seed/kalender/libur.csv"), toPath: temp.file("seed/kalender/libur.csv"))
        temp.write("seed/uji/tarif.csv", "kode,nama,hari\nbiasa,Layanan biasa,14\nkilat,Layanan kilat,3\n")
        temp.write(
            "seed/organisations.csv",
            """
            id,name,kind,parent
            dinas,Dinas Contoh (fiktif),dinas,
            bidang,Bidang Contoh (fiktif),bidang,dinas
            mitra,Lembaga Mitra (fiktif),lembaga,

            """)
        temp.write("seed/actors.csv", actors)
        engine = try Engine.initialise(
            path: temp.file("db.sqlite"), root: temp.path, seedPath: temp.file("seed"),
            options: .init(simulation: true), now: at(now)
        ).0
    }

    static let actors = """
        id,name,nip,roles
        operator1,Operator Satu (fiktif),,operator@dinas
        kepala1,Kepala Dinas (fiktif),,kepala@dinas
        mitra1,Kepala Lembaga Mitra (fiktif),,kepala@mitra
        a1,Anggota Satu (fiktif),,
        a2,Anggota Dua (fiktif),,
        a3,Anggota Tiga (fiktif),,
        a4,Anggota Empat (fiktif),,

        """

    func fire(
        _ id: Int64, _ event: String, as actor: String, forms: [String: [String: Value]] = [:], reason: String? = nil,
        at time: String
    ) throws -> FireResult {
        try engine.fire(
            FireRequest(instance: id, event: event, actor: actor, reason: reason, forms: forms), now: at(time))
    }

    func state(_ id: Int64) throws -> String { try engine.show(id).record.state }

    /// The refusal a command meets (its message in both languages), or nil when it was accepted.
    func refusal(_ body: () throws -> Void) -> (code: String, id: String, en: String)? {
        do {
            try body()
            return nil
        } catch let e as EngineError {
            if case .refused(let r, _) = e { return (r.code.rawValue, r.message.id, r.message.text(.en)) }
            return ("error", e.message(.id), e.message(.en))
        } catch {
            return ("error", "\(error)", "\(error)")
        }
    }
}

/// Roles every test workflow declares (the seed's actors hold them).
let featureRoles = """
      <roles>
        <role id="operator"><label lang="id">Operator</label></role>
        <role id="kepala"><label lang="id">Kepala</label></role>
        <role id="anggota_panitia"><label lang="id">Anggota panitia</label></role>
      </roles>
    """

/// A decree naming a committee: members by actor id, with the rules of a committee written on the form.
let skForm = """
    <?xml version="1.0" encoding="UTF-8"?>
    <form id="uji_sk" version="1">
      <title lang="id">SK panitia</title>
      <choices id="jk">
        <choice value="L"><label lang="id">Laki-laki</label></choice>
        <choice value="P"><label lang="id">Perempuan</label></choice>
      </choices>
      <repeat id="anggota" min="1">
        <label lang="id">Anggota</label>
        <field id="pelaku" type="text" required="true"><label lang="id">Id pelaku</label></field>
        <field id="jenis_kelamin" type="choice" choices="jk" required="true"><label lang="id">Jenis kelamin</label></field>
      </repeat>
      <field id="jumlah" type="integer" calculate="count(anggota)">
        <label lang="id">Jumlah anggota</label>
        <constraint test=". % 2 = 1"><message lang="id">Jumlah anggota harus ganjil</message><message lang="en">The committee must be odd</message></constraint>
      </field>
    </form>
    """

func members(_ ids: String...) -> [String: Value] {
    ["anggota": .list(ids.map { .record(["pelaku": .string($0), "jenis_kelamin": .string("P")]) })]
}
