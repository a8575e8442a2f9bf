import SeleksiCore
import Testing

/// Whether an expression reads a sibling's forms decides whether the shell loads every sibling's
/// latest forms (one read each) or only their states and variables.
@Suite("Siblings: which predicates need the siblings' forms")
struct SiblingFormsReadTests {
    @Test func formsAreNeededOnlyWhenAPredicateNamesThemOrHandsOnTheWholeSibling() throws {
        #expect(try Expression("siblings-count(sibling.forms.f.nik = forms.f.nik) = 0").readsSiblingForms)
        #expect(try Expression("siblings-any(contains(map(list, sibling), 1))").readsSiblingForms)
        #expect(try !Expression("siblings-count(sibling.vars.sekolah = 'a' and sibling.state = 'diterima') < 3").readsSiblingForms)
        #expect(try !Expression("siblings-count(sibling.org = org)").readsSiblingForms)
        #expect(try !Expression("forms.f.nik = 'x'").readsSiblingForms)
    }
}
