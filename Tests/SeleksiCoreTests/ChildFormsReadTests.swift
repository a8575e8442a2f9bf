import SeleksiCore
import Testing

/// Which of the children's forms a parent's transition can read decides which forms the shell loads
/// for each child: none for a count of states, one for a ranking by a portfolio's field, every one
/// whenever an expression may reach a form it does not name.
@Suite("Children: which forms a parent's transition reads")
struct ChildFormsReadTests {
    @Test func aNamedFieldReadsItsFormAndNothingElseReadsAny() throws {
        #expect(try Expression("children-count('dinilai') > 0").formsRead == [])
        #expect(try Expression("vars.skor + 1").formsRead == [])
        #expect(try Expression("concat(org, '/', forms.tb_portofolio.program)").formsRead == ["tb_portofolio"])
        #expect(try Expression("children-any(forms.a.x = 1) and forms.b.y > 0").formsRead == ["a", "b"])
    }

    @Test func aWholeFormsRecordOrTheChildrenListMayReadAnyForm() throws {
        #expect(try Expression("count(forms) > 0").formsRead == nil)
        #expect(try Expression("forms['tb_portofolio'].program = 'x'").formsRead == nil)
        #expect(try Expression("count(children()) > 0").formsRead == nil)
        #expect(try Expression("children-all(. = 1)").formsRead == nil)
    }
}
