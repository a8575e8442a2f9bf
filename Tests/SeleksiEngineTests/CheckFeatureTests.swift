import Foundation
import SeleksiCore
import Testing

@testable import SeleksiEngine
@testable import SeleksiXML

/// Every case `seleksi check` used to accept and the run then silently ignored, in both languages.
@Suite("seleksi check catches what used to run silently")
struct CheckFeatureTests {
    /// The repository's definitions and seed in a temp folder, with `edits` applied to one file.
    func check(_ file: String, _ edits: [(String, String)], extra: [String: String] = [:]) throws -> [Diagnostic] {
        let temp = TempFolder()
        temp.copyDefinitions()
        let path = temp.file(file)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (from, to) in edits {
            guard text.contains(from) else {
                Issue.record("\(file) has no '\(from)'")
                return []
            }
            text = text.replacingOccurrences(of: from, with: to)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for (name, body) in extra { temp.write(name, body) }
        return DefinitionFiles.load(paths: [], root: temp.path).errors
    }

    func expectOne(_ errors: [Diagnostic], id: String, en: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            errors.contains { $0.text.text(.id).contains(id) && $0.text.text(.en).contains(en) },
            "\(errors.map { $0.description(.en) })", sourceLocation: sourceLocation)
    }

    @Test func aTypoInParentVarsOfAChildThatNamesItsParent() throws {
        let errors = try check(
            "workflows/tb_pelamar.xml", [("parent.vars.tanggal_acuan)\"/>", "parent.vars.tanggal_acuann)\"/>")])
        expectOne(
            errors, id: "parent.vars.tanggal_acuann, padahal alur 'tb_putaran' tidak punya variabel itu",
            en: "names parent.vars.tanggal_acuann, but workflow 'tb_putaran' has no such variable")
    }

    @Test func aTreeFunctionNamesAWorkflowThatExistsAndItsVariables() throws {
        let errors = try check(
            "workflows/tb_upt_bulan.xml",
            [
                ("tree-count('tb_bulan', other.vars.tahun = vars.tahun and other.vars.bulan = vars.bulan)",
                 "tree-count('tb_bulann', other.vars.tahun = vars.tahun)"),
                ("if(other.vars.tahun = vars.tahun and other.vars.bulan = vars.bulan, other.vars.jumlah_peserta, 0)",
                 "if(other.vars.tahun = vars.tahun, other.vars.jumlah_pesertaa, 0)"),
            ])
        expectOne(errors, id: "tree-count() menyebut alur 'tb_bulann' yang tidak ada", en: "tree-count() names workflow 'tb_bulann', which does not exist")
        expectOne(
            errors, id: "other.vars.jumlah_pesertaa, padahal alur 'tb_bulan' tidak punya variabel itu",
            en: "other.vars.jumlah_pesertaa, but workflow 'tb_bulan' has no such variable")
    }

    @Test func aParentStateThatDoesNotExist() throws {
        let errors = try check(
            "workflows/tb_pelamar.xml", [("parent.state = 'pendaftaran'", "parent.state = 'pendaftran'")])
        expectOne(
            errors, id: "'pendaftran', yang bukan status alur 'tb_putaran'",
            en: "'pendaftran', which is not a state of workflow 'tb_putaran'")
    }

    @Test func aChildStateInChildrenCountNotifyAndRank() throws {
        let errors = try check(
            "workflows/tb_putaran.xml",
            [
                ("children-count('diajukan', 'diusulkan')", "children-count('diajukan', 'diusulkann')"),
                ("<notify state=\"terdaftar\" event=\"tutup\"/>", "<notify state=\"terdaftarr\" event=\"tutup\"/>"),
                ("<notify state=\"cadangan\" event=\"akhiri\"/>", "<notify state=\"cadangan\" event=\"akhirii\"/>"),
                ("<rank state=\"dinilai\"", "<rank state=\"dinilaii\""),
            ])
        expectOne(errors, id: "status anak 'diusulkann'", en: "names child state 'diusulkann'")
        expectOne(
            errors, id: "notify: status anak 'terdaftarr' tidak ada",
            en: "notify: child state 'terdaftarr' is not a state")
        expectOne(
            errors, id: "notify: anak pada status 'cadangan' tidak menerima peristiwa 'akhirii'",
            en: "notify: a child in state 'cadangan' takes no event 'akhirii'")
        expectOne(
            errors, id: "rank: status anak 'dinilaii' tidak ada", en: "rank: child state 'dinilaii' is not a state")
    }

    @Test func aLookupOfATableOrColumnThatDoesNotExist() throws {
        let errors = try check(
            "workflows/tb_putaran.xml",
            [
                (
                    "filled(lookup('tutor_bantu/alokasi_2019', 'id', org, 'jumlah_tenaga'))",
                    "filled(lookup('tutor_bantu/alokasi_2091', 'id', org, 'jumlah_tenaga'))"
                ),
                (
                    "<set var=\"alokasi_upt\" value=\"lookup('tutor_bantu/alokasi_2019', 'id', org, 'jumlah_tenaga')\"/>",
                    "<set var=\"alokasi_upt\" value=\"lookup('tutor_bantu/alokasi_2019', 'id', org, 'jumlah_tenagaa')\"/>"
                ),
            ])
        expectOne(
            errors, id: "lookup() menyebut tabel 'tutor_bantu/alokasi_2091' yang tidak ada di seed/",
            en: "lookup() names table 'tutor_bantu/alokasi_2091', which is not in seed/")
        expectOne(
            errors, id: "tabel 'tutor_bantu/alokasi_2019' tidak punya kolom 'jumlah_tenagaa'",
            en: "table 'tutor_bantu/alokasi_2019' has no column 'jumlah_tenagaa'")
    }

    @Test func aTimerReadingAParentVariableOrASeedTableIsChecked() throws {
        let errors = try check(
            "workflows/tb_usulan_skb.xml", [],
            extra: [
                "workflows/uji_anak.xml": childWorkflow.replacingOccurrences(
                    of: "parent.vars.mulai", with: "parent.vars.mula"),
                "workflows/uji_induk.xml": parentWorkflow,
                "workflows/uji_t.xml": """
                <?xml version="1.0" encoding="UTF-8"?>
                <workflow id="uji_t" version="1" start-roles="operator" calendar="kalender/libur_lama">
                  <title lang="id">T</title>
                \(featureRoles)
                  <states>
                    <state id="a" initial="true"><label lang="id">A</label>
                      <timer event="b" at="add-working-days(today(), lookup('uji/tarif', 'kode', 'kilat', 'hari'))"/></state>
                    <state id="b" final="true"><label lang="id">B</label></state>
                  </states>
                  <transitions><transition event="b" from="a" to="b" roles="system"/></transitions>
                </workflow>
                """,
            ])
        expectOne(
            errors, id: "parent.vars.mula, padahal alur 'uji_induk' tidak punya variabel itu", en: "parent.vars.mula")
        expectOne(errors, id: "lookup() menyebut tabel 'uji/tarif'", en: "lookup() names table 'uji/tarif'")
        expectOne(
            errors, id: "calendar=\"kalender/libur_lama\": tidak ada tabel seed",
            en: "calendar=\"kalender/libur_lama\": no seed table")
    }

    @Test func twoTransitionsThatDifferOnlyByRoleAreNotDuplicates() throws {
        let errors = try check(
            "workflows/demo_pelamar.xml",
            [
                (
                    "<transition event=\"tolak\" from=\"diajukan\" to=\"tidak_layak\" roles=\"penilai\"",
                    "<transition event=\"tolak\" from=\"diajukan\" to=\"tidak_layak\" roles=\"kepala\" reason=\"required\"/>\n"
                        + "    <transition event=\"tolak\" from=\"diajukan\" to=\"tidak_layak\" roles=\"penilai\""
                )
            ])
        #expect(errors.isEmpty, "\(errors.map { $0.description(.en) })")
    }

    @Test func aTypoInAListPredicateAndInAVote() throws {
        let errors = try check(
            "workflows/tb_usulan_skb.xml", [],
            extra: [
                "workflows/uji_panitia.xml":
                    committeeWorkflow
                    .replacingOccurrences(
                        of: "actors-exist(forms.uji_sk.anggota.pelaku)",
                        with:
                            "actors-exist(forms.uji_sk.anggota.pelaku) and all(forms.uji_sk.anggota, item.jeniskelamin != '')"
                    )
                    .replacingOccurrences(
                        of: "votes.putusan.result = 'setuju'", with: "votes.putusann.result = 'setuju'"
                    )
                    .replacingOccurrences(of: "votes.putusan.result = 'tolak'", with: "votes.putusan.hasil = 'tolak'")
                    .replacingOccurrences(of: "abstain=\"abstain\"", with: "abstain=\"golput\""),
                "forms/uji_sk.xml": skForm,
            ])
        expectOne(
            errors, id: "item.jeniskelamin, padahal baris ulangan 'anggota' tidak punya kolom itu",
            en: "reads item.jeniskelamin")
        expectOne(
            errors, id: "pemungutan suara 'putusann' yang tidak ada", en: "names vote 'putusann', which is not declared"
        )
        expectOne(errors, id: "votes.putusan tidak punya 'hasil'", en: "votes.putusan has no 'hasil'")
        expectOne(
            errors, id: "abstain=\"golput\" bukan salah satu pilihan",
            en: "abstain=\"golput\" is not one of the choices")
    }

    @Test func oneBrokenFileHidesNothingAndASchemaErrorDoesNotHideTheSameFilesMistakes() throws {
        let temp = TempFolder()
        temp.copyDefinitions()
        // Not well-formed: its id is still known, so the workflows that use the form are not blamed for it.
        let form = temp.file("forms/tb_kuota.xml")
        try (try String(contentsOfFile: form, encoding: .utf8)).replacingOccurrences(of: "</title>", with: "</titel>")
            .write(toFile: form, atomically: true, encoding: .utf8)
        // Breaks the schema (an unknown attribute) and names an unknown state: both reported.
        let workflow = temp.file("workflows/demo_pelamar.xml")
        try (try String(contentsOfFile: workflow, encoding: .utf8))
            .replacingOccurrences(
                of: "<transition event=\"ajukan\" from=\"draf\" to=\"diajukan\" roles=\"pelamar\">",
                with: "<transition event=\"ajukan\" from=\"draf\" to=\"diajukann\" roles=\"pelamar\" warna=\"merah\">"
            )
            .write(toFile: workflow, atomically: true, encoding: .utf8)
        let errors = DefinitionFiles.load(paths: [], root: temp.path).errors
        #expect(errors.contains { $0.file.hasSuffix("tb_kuota.xml") && $0.text.text(.id).hasPrefix("XML tidak sah") })
        #expect(
            errors.contains {
                $0.file.hasSuffix("demo_pelamar.xml") && $0.text.text(.id).hasPrefix("tidak sesuai skema")
                    && $0.text.text(.en).contains("warna")
            })
        expectOne(errors, id: "status 'diajukann' pada to tidak ada", en: "unknown state 'diajukann' in to")
        #expect(
            !errors.contains {
                $0.text.text(.en).contains("unknown form 'tb_kuota'") || $0.text.text(.en).contains("form 'tb_kuota', which")
            })
    }

    @Test func theShippedDefinitionsDeclareTheirParentsAndPassWithoutWarnings() {
        let set = DefinitionFiles.load(paths: [], root: Repo.root)
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics.map { $0.description(.en) })")
        #expect(set.workflows.first { $0.id == "tb_pelamar" }?.parentWorkflow == "tb_putaran")
    }
}
