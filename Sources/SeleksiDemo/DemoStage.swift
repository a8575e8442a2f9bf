/// Where `seleksi demo --until` stops the round: just before the step of that name, so that a new user
/// can take it himself (verify as a team member, score, rank as the head …).
public enum DemoStage: String, CaseIterable, Sendable {
    /// Registration open, portfolios submitted; the SKBs have not yet proposed them.
    case pendaftaran
    /// Registration closed; every portfolio proposed to the UPT, none verified.
    case verifikasi
    /// Verification done and scoring opened; no sheet given.
    case penilaian
    /// Every eligible applicant scored (disagreements discussed); the round waits for the ranking.
    case peringkat
    /// Decree, ratification and announcement done; no contract signed.
    case kontrak
    /// Contracts signed and the round closed, as the recruitment alone ends: no work phase (no budget,
    /// attendance or payment).
    case kerja

    /// What the round waits for, for the closing line of the demo.
    public var waitsFor: String {
        switch self {
        case .pendaftaran: return "usulan SKB (usulkan) dan penutupan pendaftaran (tick)"
        case .verifikasi: return "verifikasi oleh tim seleksi"
        case .penilaian: return "penilaian portofolio oleh tim seleksi"
        case .peringkat: return "pemeringkatan oleh Kepala UPT (peringkat)"
        case .kontrak: return "perjanjian kerja (Kepala SKB) dan PKS (PPK)"
        case .kerja: return "pelaksanaan: pagu dan pembekalan UPT (tb_pelaksanaan), PKS SKB (tb_skb_kerja), daftar hadir bulanan (tb_bulan)"
        }
    }
}
