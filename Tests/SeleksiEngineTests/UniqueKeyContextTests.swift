import Foundation
import SeleksiCore
import Testing

@testable import SeleksiEngine

/// A unique key reads the names a guard reads: `org` in a key makes it one per organisation (before,
/// `org` was silently null there and the key one per database).
@Suite("Unique keys read the instance's context")
struct UniqueKeyContextTests {
    static let form = """
        <?xml version="1.0" encoding="UTF-8"?>
        <form id="uji_kunci" version="1">
          <title lang="id">Kunci</title>
          <field id="kode" type="text" required="true"><label lang="id">Kode</label></field>
        </form>
        """
    static let workflow = """
        <?xml version="1.0" encoding="UTF-8"?>
        <workflow id="uji_kunci_org" version="1" start-roles="operator">
          <title lang="id">Kunci per organisasi</title>
        \(featureRoles)
          <unique name="kode_per_org" key="concat(forms.uji_kunci.kode, '/', org)" on="ajukan" within="all">
            <message lang="id">Kode sudah dipakai di organisasi ini</message><message lang="en">Code already used in this organisation</message>
          </unique>
          <states>
            <state id="draf" initial="true"><label lang="id">Draf</label></state>
            <state id="diajukan" final="true"><label lang="id">Diajukan</label></state>
          </states>
          <transitions>
            <transition event="ajukan" from="draf" to="diajukan" roles="operator"><requires form="uji_kunci"/></transition>
          </transitions>
        </workflow>
        """

    @Test func aKeyWithTheOrganisationIsOnePerOrganisation() throws {
        let world = try FeatureWorld(["forms/uji_kunci.xml": Self.form, "workflows/uji_kunci_org.xml": Self.workflow])
        let engine = world.engine!
        func submit(_ org: String, _ time: String) -> (code: String, id: String, en: String)? {
            world.refusal {
                let id = try engine.start(workflow: "uji_kunci_org", org: org, actor: "operator1", now: at(time)).id
                try world.fire(id, "ajukan", as: "operator1", forms: ["uji_kunci": ["kode": .string("A-1")]], at: time)
            }
        }
        #expect(submit("dinas", "2024-03-01T09:00") == nil)
        #expect(submit("bidang", "2024-03-01T09:05") == nil)
        #expect(submit("dinas", "2024-03-01T09:10")?.id.contains("Kode sudah dipakai") == true)
    }
}
