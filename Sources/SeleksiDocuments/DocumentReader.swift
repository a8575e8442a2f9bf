import Dispatch
import Foundation
import SeleksiCore
import SeleksiEngine
import SeleksiStore

/// Documents read and composed on a thread of their own, while the engine's thread goes on with its
/// commands; the engine's thread records them in the audit log later, in the order they were asked
/// for (`DocumentRenderer.record`).
///
/// Why: in a national demo of 20,000 applicants the documents were a third of the engine's thread
/// (reading each applicant of a round for its berita acara, composing, creating the files), while
/// the second core was mostly idle.
///
/// What a document shows is the database as it stood when it was asked for: `start` returns only once
/// the reader's own connection holds a read snapshot (SQLite's WAL keeps that snapshot while the
/// writer commits more), so nothing the engine writes afterwards reaches the document. A document
/// never reads the audit rows of documents (its audit position is the last row that changed data, its
/// events are firings), so recording it later does not change it. Its files are staged in the batch
/// on this thread and take their names when the batch is committed, after they are recorded.
///
/// The readers are further engines on the same file, each used by one request at a time on a thread
/// of the system's pool. A request takes an idle one, or opens one while fewer than `maxReaders` are
/// open (a round's contracts, read in one request, must not hold up the next round's berita acara),
/// or else waits for one to be given back.
public final class DocumentReader: @unchecked Sendable {
    let renderer: DocumentRenderer
    private let databasePath: String
    private let readers = NSCondition()
    private var idle: [Engine] = []
    private var opened = 0
    /// Enough for a second core to be kept busy while a long request runs; each holds a connection
    /// and an engine's caches.
    static let maxReaders = 3

    public init(renderer: DocumentRenderer, databasePath: String) {
        self.renderer = renderer
        self.databasePath = databasePath
    }

    /// Starts reading and composing `jobs` (their files staged in `batch` under temporary names);
    /// returns when the snapshot they are read from is taken.
    public func start(
        _ jobs: [DocumentRenderer.Job], outputFolder: String, replace: Bool, batch: DocumentBatch
    ) throws -> PendingDocuments {
        // Safe to send: taken from the pool, it is used by this request alone until given back.
        nonisolated(unsafe) let engine = try takeReader()
        let pending = PendingDocuments(outputFolder: outputFolder)
        let snapshotTaken = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            var signalled = false
            let result = Result { () throws -> [PendingDocuments.Staged] in
                try engine.reading(snapshotHeld: { signalled = true; snapshotTaken.signal() }) {
                    try jobs.map { job in
                        let read = try renderer.readContext(job.template, instance: job.instance, engine: engine)
                        let files = try renderer.composeFiles(read)
                        try renderer.stage(files, of: read, outputFolder: outputFolder, replace: replace, batch: batch)
                        return PendingDocuments.Staged(
                            template: job.template, instance: job.instance, hashes: files.map { ($0.name, $0.sha256) })
                    }
                }
            }
            if !signalled { snapshotTaken.signal() }  // failed before the snapshot: `record` reports it
            giveBack(engine)
            pending.finish(result)
        }
        snapshotTaken.wait()
        return pending
    }

    private func takeReader() throws -> Engine {
        readers.lock()
        defer { readers.unlock() }
        while idle.isEmpty && opened >= Self.maxReaders { readers.wait() }
        if let engine = idle.popLast() { return engine }
        let engine = try Engine(readingBeside: databasePath)
        opened += 1
        return engine
    }

    private func giveBack(_ engine: Engine) {
        readers.lock()
        idle.append(engine)
        readers.signal()
        readers.unlock()
    }
}

/// Documents a `DocumentReader` is reading, composing and staging.
public final class PendingDocuments: @unchecked Sendable {
    struct Staged {
        let template: String
        let instance: Int64
        let hashes: [(name: String, sha256: Hash256)]
    }

    let outputFolder: String
    private var result: Result<[Staged], Error>?
    private let done = DispatchSemaphore(value: 0)

    init(outputFolder: String) { self.outputFolder = outputFolder }

    func finish(_ result: Result<[Staged], Error>) {
        // Written before the signal and read after the wait: the semaphore orders the two.
        self.result = result
        done.signal()
    }

    func wait() throws -> [Staged] {
        done.wait()
        done.signal()  // a second wait returns at once
        return try result!.get()
    }
}

extension DocumentRenderer {
    /// Records the documents of `pending` in the audit log, in order, once they are composed and their
    /// files staged; the caller then commits the batch they were staged in.
    @discardableResult
    public func record(_ pending: PendingDocuments, engine: Engine, actor: String = Command.systemActor, now: Timestamp)
        throws -> [Rendered]
    {
        try pending.wait().map { staged in
            try engine.recordDocument(
                instance: staged.instance, template: staged.template, hashes: staged.hashes, actor: actor, now: now)
            return Self.rendered(staged.template, staged.instance, in: pending.outputFolder,
                                 sha256: staged.hashes[0].sha256.hex, pdf: false)
        }
    }
}
