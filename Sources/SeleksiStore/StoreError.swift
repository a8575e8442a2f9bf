import CSQLite
import SeleksiCore

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
    /// An instance's row is not what the audit row that last wrote it recorded (`seq`, nil when no row
    /// did): it was edited outside Seleksi, and a command built on it would take the edit into its own
    /// after-image, where `audit verify` could no longer see it.
    case rowDiffersFromLog(instance: Int64, seq: Int64?)

    public var description: String { message(.id) }

    /// What went wrong and what to do, in the reader's language.
    public func message(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case .missingDatabase(let p):
            return en ? "no database at \(p); create it with `seleksi init --db \(p)`"
                      : "tidak ada basis data di \(p); buat dengan `seleksi init --db \(p)`"
        case .cannotOpen(let p, let m):
            return en ? "the database \(p) cannot be opened: \(m)" : "basis data \(p) tidak dapat dibuka: \(m)"
        case .newerSchema(let p, let found, let known):
            return en ? "the database \(p) was made by a newer Seleksi (schema \(found); this version knows up to \(known)); update seleksi. Nothing was changed."
                      : "basis data \(p) dibuat oleh Seleksi yang lebih baru (skema \(found); versi ini mengenal sampai \(known)); perbarui seleksi. Tidak ada yang diubah."
        case .foreignDatabase(let p, let id):
            let owner = id == 0 ? (en ? "no application mark" : "tanpa penanda aplikasi") : "application_id \(id)"
            return en ? "\(p) is not a Seleksi database (\(owner)); nothing was changed. Use another --db file."
                      : "\(p) bukan basis data Seleksi (\(owner)); tidak ada yang diubah. Pakai --db berkas lain."
        case .notInitialised(let p):
            return en ? "\(p) is not initialised; run `seleksi init --db \(p)`" : "\(p) belum diinisialisasi; jalankan `seleksi init --db \(p)`"
        case .sqlite(let code, let message, let p):
            let primary = code & 0xff
            if primary == SQLITE_BUSY || primary == SQLITE_LOCKED {
                return en ? "the database \(p) is locked by another process; try again in a moment (\(message))"
                          : "basis data \(p) sedang dikunci oleh proses lain; coba lagi sebentar lagi (\(message))"
            }
            if primary == SQLITE_NOTADB { return en ? "\(p) is not a Seleksi database (SQLite): \(message)" : "\(p) bukan basis data Seleksi (SQLite): \(message)" }
            if primary == SQLITE_READONLY { return en ? "the database \(p) is read-only: \(message)" : "basis data \(p) hanya dapat dibaca: \(message)" }
            if primary == SQLITE_FULL { return en ? "disk full while writing \(p); nothing was written" : "disk penuh saat menulis \(p); tidak ada yang tersimpan" }
            return en ? "database error in \(p): \(message) (SQLite code \(code))" : "kesalahan basis data \(p): \(message) (kode SQLite \(code))"
        case .conflict(let m), .notFound(let m):
            return m
        case .rowDiffersFromLog(let id, let seq):
            let row = seq.map { "#\($0)" } ?? (en ? "none" : "tidak ada")
            if en {
                return "instance #\(id) in the database is not what the audit log last recorded for it (row \(row)): "
                    + "it was changed outside Seleksi. Nothing was written; `seleksi audit verify` names what differs."
            }
            return "instans #\(id) di basis data tidak sama dengan yang terakhir dicatat log audit (baris \(row)): "
                + "barisnya diubah di luar Seleksi. Tidak ada yang ditulis; `seleksi audit verify` menunjukkan bedanya."
        }
    }
}
