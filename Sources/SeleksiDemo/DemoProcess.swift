/// The processes `seleksi demo --process` can run: each drives the shipped definitions of one process
/// with synthetic data through the engine, as its actors would.
public enum DemoProcess: String, CaseIterable, Sendable {
    case tutorBantu = "tutor-bantu"
    case pks
}
