import Testing
@testable import SeleksiCore

@Suite("Indonesian amounts and dates, as the seed documents write them")
struct IndonesianFormatTests {
    @Test func rupiahHasDotsBetweenThousands() {
        #expect(IndonesianFormat.rupiah(1_500_000) == "Rp1.500.000")
        #expect(IndonesianFormat.rupiah(25_084_300_000) == "Rp25.084.300.000")
        #expect(IndonesianFormat.rupiah(6_000) == "Rp6.000")
        #expect(IndonesianFormat.rupiah(0) == "Rp0")
    }

    @Test func terbilangReadsTheBudgetAsTheGuidelineDoes() {
        // BAB III A: "Rp25.084.300.000 (Dua puluh lima miliar delapan puluh empat juta tiga ratus ribu rupiah)"
        #expect(Terbilang.rupiah(25_084_300_000)
                == "Dua puluh lima miliar delapan puluh empat juta tiga ratus ribu rupiah")
        #expect(Terbilang.words(1_500_000) == "satu juta lima ratus ribu")
        #expect(Terbilang.words(11) == "sebelas")
        #expect(Terbilang.words(19) == "sembilan belas")
        #expect(Terbilang.words(100) == "seratus")
        #expect(Terbilang.words(1_000) == "seribu")
        #expect(Terbilang.words(1_547) == "seribu lima ratus empat puluh tujuh")
        #expect(Terbilang.words(2_019) == "dua ribu sembilan belas")
        #expect(Terbilang.words(18_000_000) == "delapan belas juta")
        #expect(Terbilang.words(111_111) == "seratus sebelas ribu seratus sebelas")
    }

    @Test func everyInt64HasWords() {
        #expect(Terbilang.words(-5_000) == "minus lima ribu")
        #expect(Terbilang.rupiah(-1_500_000) == "Minus satu juta lima ratus ribu rupiah")
        #expect(Terbilang.words(1_000_000_000_000_000) == "satu kuadriliun")
        #expect(Terbilang.words(2_000_000_000_000_000_000) == "dua kuintiliun")
        let max = "sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua triliun "
            + "tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu "
        #expect(Terbilang.words(.max) == max + "delapan ratus tujuh")
        #expect(Terbilang.words(.min) == "minus " + max + "delapan ratus delapan")
        #expect(Terbilang.words(exactly: 1e300) == nil)
        #expect(Terbilang.words(exactly: .nan) == nil)
        #expect(Terbilang.words(exactly: 1.5) == nil)
        #expect(Terbilang.words(exactly: 1_500_000) == "satu juta lima ratus ribu")
        #expect(IndonesianFormat.grouped(.min) == "-9.223.372.036.854.775.808")
        #expect(IndonesianFormat.rupiah(-6_000) == "Rp-6.000")
    }

    @Test func datesInWords() {
        let d = CivilDate(iso: "2019-07-01")!
        #expect(IndonesianFormat.dayName(d) == "Senin")
        #expect(IndonesianFormat.date(d) == "1 Juli 2019")
        #expect(IndonesianFormat.dateInWords(d) == "hari Senin tanggal satu bulan Juli tahun dua ribu sembilan belas")
    }
}

@Suite("Inter-rater agreement")
struct AgreementTests {
    @Test func perfectAgreementIsOne() {
        #expect(Agreement.krippendorffAlphaInterval([[70, 70, 70], [50, 50], [90, 90, 90]]) == 1)
    }

    @Test func aSmallCaseComputedByHand() throws {
        // Units (1, 2) and (3, 4): D_o = 1, D_e = 10/3, alpha = 0.7.
        let alpha = try #require(Agreement.krippendorffAlphaInterval([[1, 2], [3, 4]]))
        #expect(abs(alpha - 0.7) < 1e-12)
    }

    @Test func unpairableUnitsAreSkippedAndNoVariationGivesNoAnswer() {
        #expect(Agreement.krippendorffAlphaInterval([[5], [7]]) == nil)
        #expect(Agreement.krippendorffAlphaInterval([[5, 5], [5, 5]]) == nil)
    }
}
