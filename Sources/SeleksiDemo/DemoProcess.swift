/// The processes `seleksi demo --process` can run: each one a synthetic round through the shipped
/// definitions of that process.
public enum DemoProcess: String, CaseIterable, Sendable {
    case tutorBantu = "tutor-bantu"
    case pks
    case ppdb
}
