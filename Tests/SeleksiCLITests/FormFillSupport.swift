import Foundation

/// Answers typed at `seleksi form fill`, one line each, for the applicant's forms. Everyone is synthetic.
enum Typed {
    /// The lines of one answer sheet, ending with the newline the last answer needs.
    static func lines(_ answers: [String]) -> String { answers.joined(separator: "\n") + "\n" }

    /// A synthetic NIK of a woman born 31-07-1990 (digits 7–12: 71 07 90), region 63.71.01.
    static let nik = "6371017107909001"

    static let lampiran = "examples/tutor_bantu/lampiran/"

    /// `tb_portofolio` up to (not including) the birth date: programme by its label, sex by its label.
    static let portfolioHead = ["Pendidik PAUD", "Dewi Lestari, S.Pd. (fiktif)", nik, "perempuan", "Banjarbaru"]

    /// `tb_portofolio` after the birth date: contact and NPWP, education (S1 by its number, 8), one
    /// qualification (field of study by its code), one experience, no optional rows, the six documents
    /// and the doctor's office, the declaration.
    static let portfolioTail = [
        "Jl. Contoh No. 1 (fiktif)", "0812-0000-1111", "dewi.contoh@contoh.id", "01.234.567.8-901.000", "8", "", "tidak",
        "tidak",
        "S1", "Universitas Contoh (fiktif)", "", "PG-PAUD", "paud", "2012", "tidak",
        "tidak",
        "PAUD Melati (fiktif)", "PAUD", "ya", "2013-01-07", "2019-05-31", "tidak",
        "tidak", "tidak", "tidak", "tidak", "tidak", "tidak", "tidak",
        lampiran + "ktp-contoh.txt", lampiran + "ijazah-contoh.txt", lampiran + "sertifikat_pendidik-contoh.txt",
        lampiran + "npwp-contoh.txt", "Dokter Puskesmas", lampiran + "surat_sehat-contoh.txt", lampiran + "skck-contoh.txt", "ya",
    ]

    /// `tb_pernyataan`, the date first written day first and refused.
    static let statement = ["Guru PAUD honorer", "SKB Contoh Satu (fiktif)", "ya", "11/06/2019", "2019-06-11"]
}

extension CLIRunner {
    /// `form fill FORM --out FILE --now 2019-06-11` with `input` on standard input.
    func fill(_ form: String, out: String, input: String, extra: [String] = []) throws -> Output {
        try run(["form", "fill", form, "--out", out, "--now", "2019-06-11"] + extra, input: input)
    }

    func file(_ name: String) -> String { folder + "/" + name }

    func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// A Tutor Bantu round open for registration (the setup of the README's round by hand), with
    /// applicant #2 registered at skb-1 by pelamar1.
    func openTutorBantuRound() throws {
        let at = "2019-06-03T07:00"
        for line in [
            "init --simulation --now \(at)",
            "org add skb-1 --name SKB-Contoh --kind skb --parent upt-bp-kalimantan-selatan --now \(at)",
            "actor grant operator1 operator --org upt-bp-kalimantan-selatan --now \(at)",
            "actor grant kepala1 kepala_upt --org upt-bp-kalimantan-selatan --now \(at)",
            "actor grant kepala1 tim_seleksi --org upt-bp-kalimantan-selatan --now \(at)",
            "actor add tim1 --name Tim-Satu --now \(at)",
            "actor grant tim1 tim_seleksi --org upt-bp-kalimantan-selatan --now \(at)",
            // The decree lists tim2 too: registered here, it gets tim_seleksi from the decree itself.
            "actor add tim2 --name Tim-Dua --now \(at)",
            "start tb_putaran --org upt-bp-kalimantan-selatan --as operator1 --now 2019-06-03T08:00",
            "fire 1 tetapkan_kuota --as kepala1 --form tb_kuota=examples/tutor_bantu/kuota.json --now 2019-06-03T09:00",
            "fire 1 bentuk_tim --as kepala1 --form tb_sk_tim=examples/tutor_bantu/sk_tim.json --now 2019-06-04T09:00",
            "fire 1 buka_pendaftaran --as operator1 --form tb_jadwal=examples/tutor_bantu/jadwal.json"
                + " --now 2019-06-05T09:00",
            "start tb_pelamar --org skb-1 --as pelamar1 --parent 1 --now 2019-06-10T10:00",
        ] {
            let r = try run(line)
            guard r.status == 0 else { throw SetupFailed(line: line, stderr: r.stderr) }
        }
    }

    struct SetupFailed: Error {
        let line: String
        let stderr: String
    }
}
