import Dispatch
import SeleksiCore
import SeleksiEngine

extension DocumentRenderer {
    /// One document of `renderAll`: a template and the instance it is about.
    public struct Job: Sendable {
        public let template: String
        public let instance: Int64

        public init(_ template: String, _ instance: Int64) {
            self.template = template
            self.instance = instance
        }
    }

    /// How many documents may be composed ahead of the one being written: enough to keep a second core
    /// busy, few enough that their contexts stay small beside a round's.
    static let composedAhead = 4

    /// Renders `jobs` as `render` would one after another: the same files, and the same audit rows in
    /// the same order. Only the composing (Mustache, Markdown, HTML, the files' hashes: pure) runs on
    /// other threads, while this one reads the next documents' contexts from the engine, which is not
    /// thread-safe and so is used here only. Each document is written and recorded in order once composed.
    ///
    /// Why the outcome is the same: a context never reads a document's audit row (its audit position
    /// is the last row that changed data, and its events are firings), so reading the next context
    /// before this document is recorded reads the same. A test renders both ways and compares.
    ///
    /// On the first failure (in job order) it stops and throws; documents composed after it are
    /// dropped unwritten, as `render` would never have reached them.
    public func renderAll(
        _ jobs: [Job], engine: Engine, outputFolder: String, replace: Bool = false,
        actor: String = Command.systemActor, now: Timestamp, batch: DocumentBatch? = nil
    ) throws -> [Rendered] {
        var rendered: [Rendered] = []
        rendered.reserveCapacity(jobs.count)
        var inFlight: [(read: ReadContext, composed: Composed)] = []
        func placeOldest() throws {
            let (read, composed) = inFlight.removeFirst()
            rendered.append(
                try place(
                    try composed.wait(), of: read, outputFolder: outputFolder, replace: replace, engine: engine,
                    actor: actor, now: now, batch: batch))
        }
        for job in jobs {
            let read: ReadContext
            do {
                read = try readContext(job.template, instance: job.instance, engine: engine)
            } catch {
                // The documents before this one are written first, as one after another they would be.
                while !inFlight.isEmpty { try placeOldest() }
                throw error
            }
            inFlight.append((read, Composed(start: { try composeFiles(read) })))
            if inFlight.count > Self.composedAhead { try placeOldest() }
        }
        while !inFlight.isEmpty { try placeOldest() }
        return rendered
    }

    /// A document's files being composed on a thread of the system's pool.
    final class Composed: @unchecked Sendable {
        private var result: Result<[DocumentFile], Error>?
        private let done = DispatchSemaphore(value: 0)

        init(start work: @escaping @Sendable () throws -> [DocumentFile]) {
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                // Written before the signal and read after the wait: the semaphore orders the two.
                result = Result { try work() }
                done.signal()
            }
        }

        func wait() throws -> [DocumentFile] {
            done.wait()
            return try result!.get()
        }
    }
}
