import CSQLite

/// Failures of the store that a user can act on, each with a message saying what to do.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case missingDatabase(String)
    case cannotOpen(String, String)
    case newerSchema(path: String, found: Int, known: Int)
    case foreignDatabase(path: String, applicationID: Int32)
    case notInitialised(String)
    case sqlite(code: Int32, message: String, path: String)
    /// A write that would break an invariant of the log (a time before the last row, a second claim
    /// of a unique key): the engine checks first, so this means two writers raced or a bug.
    case conflict(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .missingDatabase(let p):
            return "tidak ada basis data di \(p); buat dengan `seleksi init --db \(p)` (no database at \(p); create it with `seleksi init`)"
        case .cannotOpen(let p, let m):
            return "basis data \(p) tidak dapat dibuka: \(m) (cannot open the database)"
        case .newerSchema(let p, let found, let known):
            return "basis data \(p) dibuat oleh Seleksi yang lebih baru (skema \(found); versi ini mengenal sampai \(known)); "
                + "perbarui seleksi. Tidak ada yang diubah. (database made by a newer Seleksi; nothing was changed)"
        case .foreignDatabase(let p, let id):
            let owner = id == 0 ? "tanpa penanda aplikasi" : "application_id \(id)"
            return "\(p) bukan basis data Seleksi (\(owner)); tidak ada yang diubah. Pakai --db berkas lain. "
                + "(\(p) is not a Seleksi database; nothing was changed)"
        case .notInitialised(let p):
            return "\(p) belum diinisialisasi; jalankan `seleksi init --db \(p)` (not initialised; run seleksi init)"
        case .sqlite(let code, let message, let p):
            let primary = code & 0xff
            if primary == SQLITE_BUSY || primary == SQLITE_LOCKED {
                return "basis data \(p) sedang dikunci oleh proses lain; coba lagi sebentar lagi (database is locked by another process: \(message))"
            }
            if primary == SQLITE_NOTADB { return "\(p) bukan basis data Seleksi (SQLite): \(message)" }
            if primary == SQLITE_READONLY { return "basis data \(p) hanya dapat dibaca: \(message)" }
            if primary == SQLITE_FULL { return "disk penuh saat menulis \(p); tidak ada yang tersimpan (disk full; nothing was written)" }
            return "kesalahan basis data \(p): \(message) (SQLite code \(code))"
        case .conflict(let m), .notFound(let m):
            return m
        }
    }
}
