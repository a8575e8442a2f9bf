import SeleksiCore
import SeleksiDocuments
import SeleksiEngine

/// The documents of a season's rounds, read and composed on another thread while the rounds go on
/// (`DocumentReader`), and recorded in the audit log in the order they were asked for once every
/// round has finished, at the season's last moment.
///
/// A round asks only while it holds the baton (`TakingTurns`), so the order of the requests, and so
/// of the audit rows, is the same on every run.
final class LaterDocuments: @unchecked Sendable {
    private let reader: DocumentReader
    private var pending: [(documents: PendingDocuments, batch: DocumentBatch)] = []
    /// The latest moment any round has reached.
    private var clock = Timestamp(seconds: Int64.min)

    init(reader: DocumentReader) { self.reader = reader }

    /// Starts `jobs`, read as the database stands now (see `DocumentReader.start`).
    func ask(_ jobs: [DocumentRenderer.Job], outputFolder: String, batch: DocumentBatch) throws {
        pending.append((try reader.start(jobs, outputFolder: outputFolder, replace: true, batch: batch), batch))
    }

    func reached(_ moment: Timestamp) { clock = max(clock, moment) }

    /// Waits for every document, records them in order and gives their files their names.
    func recordAll(engine: Engine, renderer: DocumentRenderer) throws {
        for p in pending { try renderer.record(p.documents, engine: engine, now: clock) }
        var committed: Set<ObjectIdentifier> = []
        for p in pending where committed.insert(ObjectIdentifier(p.batch)).inserted { try p.batch.commit() }
        pending = []
    }
}
