import SeleksiCore
import Testing

/// What of the children's forms a parent's transition can read decides what the shell loads for each
/// child: no form for a count of states, one field for a ranking by a portfolio's programme, every
/// form whenever an expression may reach one it does not name.
@Suite("Children: which forms and fields a parent's transition reads")
struct ChildFormsReadTests {
    @Test func aNamedFieldReadsThatFieldAndANamedFormReadsItWhole() throws {
        #expect(try Expression("children-count('dinilai') > 0").formsRead == FormFieldReads())
        #expect(try Expression("vars.skor + 1").formsRead == FormFieldReads())
        #expect(try Expression("concat(org, '/', forms.tb_portofolio.program)").formsRead
                == FormFieldReads(fields: ["tb_portofolio": ["program"]]))
        #expect(try Expression("children-any(forms.a.x = 1) and forms.b.y.z > 0 and forms.a.w = 2").formsRead
                == FormFieldReads(fields: ["a": ["x", "w"], "b": ["y"]]))
        #expect(try Expression("count(forms.c) > 0 and forms.c.x = 1").formsRead
                == FormFieldReads(wholeForms: ["c"], fields: ["c": ["x"]]))
    }

    @Test func aWholeFormsRecordOrTheChildrenListMayReadAnything() throws {
        #expect(try Expression("count(forms) > 0").formsRead == nil)
        #expect(try Expression("count(children()) > 0").formsRead == nil)
        #expect(try Expression("children-all(. = 1)").formsRead == nil)
    }

    /// `children-count(…)` reads each child's state alone, so a round waiting on it is given the states
    /// and not 20,000 applicants' variables; a predicate in the children's scope, or the list itself,
    /// reads more of them.
    @Test func countingChildrenByStateReadsNothingOfTheirScope() throws {
        #expect(try !Expression("children-count('dinilai', 'ditolak') = children-count()").readsChildScopes)
        #expect(try !Expression("vars.kuota > 0").readsChildScopes)
        #expect(try Expression("children-all(state = 'dinilai')").readsChildScopes)
        #expect(try Expression("children-count() > 0 and children-any(vars.skor > 70)").readsChildScopes)
        #expect(try Expression("children-sum(vars.skor) > 0").readsChildScopes)
        #expect(try Expression("count(children('lulus')) > 0").readsChildScopes)
    }

    @Test func narrowingKeepsWhatIsReadAndAWholeFormWhole() {
        let reads = FormFieldReads(wholeForms: ["c"], fields: ["a": ["x"], "c": ["y"]])
        let data: [String: Value] = ["x": .number(1), "y": .string("b"), "z": .bool(true)]
        #expect(reads.narrow("a", data) == ["x": .number(1)])
        #expect(reads.narrow("c", data) == data)
        #expect(reads.narrow("d", data).isEmpty)
        #expect(reads.formIDs == ["a", "c"])
    }

    @Test func aChildReadsOfItsParentOnlyTheFormsAndFieldsItNames() throws {
        #expect(try Expression("parent.state = 'penilaian' and vars.x > parent.vars.batas").parentFormsRead
                == FormFieldReads())
        #expect(try Expression("parent.forms.tb_kontrak.program = 'kursus' and count(parent.forms.tb_rombel) > 0")
                    .parentFormsRead
                == FormFieldReads(wholeForms: ["tb_rombel"], fields: ["tb_kontrak": ["program"]]))
        #expect(try Expression("forms.tb_kontrak.program = 'paud'").parentFormsRead == FormFieldReads())
        #expect(try Expression("count(parent) > 0").parentFormsRead == nil)
        #expect(try Expression("count(parent.forms) > 0").parentFormsRead == nil)
    }
}
