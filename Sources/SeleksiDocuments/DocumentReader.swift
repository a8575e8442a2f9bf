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
/// What a document shows is the database as it stood when it was asked for: `start` takes a read
/// snapshot on a connection of its own before it returns (SQLite's WAL keeps that snapshot while the
/// writer commits more), so nothing the engine writes afterwards reaches the document. A document
/// never reads the audit rows of documents (its audit position is the last row that changed data, its
/// events are firings), so recording it later does not change it. Its files are staged in the batch
/// on the reader's thread and take their names when the batch is committed, after they are recorded.
///
/// The connections are further engines on the same file, each used by one request at a time on a
/// thread of the system's pool, and given back when it is read. A request takes an idle one, or opens
/// one while fewer than `maxReaders` are open (a round's contracts, read in one request, must not hold
/// up the next round's minutes), or else waits for one to be given back.
public final class DocumentReader: @unchecked Sendable {
    let renderer: DocumentRenderer
    private let databasePath: String
    private let readers = NSCondition()
    private var idle: [Engine] = []
    private var open = 0
    /// How many requests that list an instance's children (a round's minutes list every applicant of
    /// the round) are being read: at most `maxListing`, since each holds its whole context.
    private var listing = 0
    static let maxListing = 1
    /// Measured on a national season (20,000 and 200,000 applicants): a single reader made the rounds
    /// wait for it (28.2 s against 25.7 s with three), and the waiting requests could not each hold a
    /// snapshot of their own instead: read one at a time they fell behind, and their connections held
    /// 460 MiB. Three readers reading lists at once took a season of 200,000 applicants to 350 MiB, two
    /// to 323 MiB, one to 267 MiB (the target is under 300), hence one list at a time beside the
    /// contracts; that one costs the 20,000 season some 2 s against three.
    static let maxReaders = 3

    public init(renderer: DocumentRenderer, databasePath: String) {
        self.renderer = renderer
        self.databasePath = databasePath
    }

    /// Starts reading and composing `jobs` (their files staged in `batch` under temporary names) from
    /// the data as it stands now; returns once the snapshot is taken (after waiting for a reader, when
    /// all are busy).
    public func start(
        _ jobs: [DocumentRenderer.Job], outputFolder: String, replace: Bool, batch: DocumentBatch
    ) throws -> PendingDocuments {
        let lists = try jobs.contains { try renderer.listsChildren($0.template) }
        // Safe to send: taken from the pool, it is used by this request alone until given back.
        nonisolated(unsafe) let engine = try takeReader(lists: lists)
        do {
            try engine.holdSnapshot()
        } catch {
            giveBack(engine, lists: lists)
            throw error
        }
        let pending = PendingDocuments(outputFolder: outputFolder)
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = Result { () throws -> [PendingDocuments.Staged] in
                try jobs.map { job in
                    let read = try renderer.readContext(job.template, instance: job.instance, engine: engine)
                    let files = try renderer.composeFiles(read)
                    try renderer.stage(files, of: read, outputFolder: outputFolder, replace: replace, batch: batch)
                    return PendingDocuments.Staged(
                        template: job.template, instance: job.instance, hashes: files.map { ($0.name, $0.sha256) })
                }
            }
            engine.releaseSnapshot()
            giveBack(engine, lists: lists)
            pending.finish(result)
        }
        return pending
    }

    private func takeReader(lists: Bool) throws -> Engine {
        readers.lock()
        defer { readers.unlock() }
        while (idle.isEmpty && open >= Self.maxReaders) || (lists && listing >= Self.maxListing) {
            readers.wait()
        }
        let engine: Engine
        if let reused = idle.popLast() {
            engine = reused
        } else {
            engine = try Engine(readingBeside: databasePath)
            open += 1
        }
        if lists { listing += 1 }
        return engine
    }

    private func giveBack(_ engine: Engine, lists: Bool) {
        readers.lock()
        idle.append(engine)
        if lists { listing -= 1 }
        readers.broadcast()
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
