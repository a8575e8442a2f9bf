import Foundation
import SeleksiCore
import SeleksiStore

/// The forms of a batch's commands, validated on a second thread while the engine works through the
/// batch (`Engine.fireBatch`).
///
/// Why: validating a form is a pure function of the form's definition, the answers, the day, the
/// reference tables and the attachments already read before the transaction; with the canonical JSON
/// and hash the store writes of the data, it was about a tenth of the national demo, all of it on the
/// engine's one thread. The engine, which is not thread-safe, is never touched here: a job carries everything it
/// needs. What is validated ahead is a guess, made before the batch runs: the form's current version,
/// filled by whoever fills most of its fields (`FormDefinition.usualFiller`: a rater for a scoring sheet).
/// The engine uses a result only when the instance's own version of the form is that one and, for a
/// form with rater-filled fields, the command's actor fills it as guessed (`Engine.validateFireForms`);
/// it validates inline otherwise, so a wrong guess costs time, never a different outcome.
final class ValidationAhead: @unchecked Sendable {
    /// One form of one request, to validate.
    struct Job: Sendable {
        let request: Int
        let formID: String
        let formHash: String
        let form: FormDefinition
        let answers: [String: Value]
        let filler: Filler
    }

    /// A form validated ahead: the outcome, and the canonical JSON of its data and that JSON's hash.
    struct Validated: Sendable {
        let formHash: String
        let filler: Filler
        let outcome: FormValidator.Outcome
        let canonical: CanonicalData
    }

    /// A request's forms validated ahead, by form id.
    struct Request: Sendable {
        var forms: [String: Validated] = [:]
        /// The hash over every form of the request as validated ahead (`ValidatedForms.dataHash`), for a
        /// command that uses each of them: a portfolio's JSON hashed again on the engine's thread was 2%
        /// of its work in the national demo.
        var dataHash: Hash256?

        /// The form as validated ahead, if the guess holds for this command: the instance's own version
        /// of it, and — where who fills it matters — the command's filler.
        func form(_ formID: String, version: String, filler: Filler, definition: FormDefinition) -> Validated? {
            guard let v = forms[formID], v.formHash == version,
                  v.filler == filler || !definition.hasRaterFields else { return nil }
            return v
        }
    }

    private let condition = NSCondition()
    private var results: [Request]
    /// How many requests, from the first, are finished; results below it are final.
    private var finished = 0
    private var cancelled = false

    /// Starts validating `jobs` (in request order) on a thread of its own.
    init(requests: Int, jobs: [Job], reference: ReferenceTables, today: CivilDate,
         resolver: @escaping FieldCoercion.AttachmentResolver) {
        results = Array(repeating: Request(), count: requests)
        let thread = Thread { [self] in
            validate(jobs, reference: reference, today: today, resolver: resolver)
            publish(upTo: requests)
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// On the thread: each job as `Engine.validateFireForms` would validate it, with the canonical JSON
    /// and hash the store writes; each request published once all its jobs are done.
    private func validate(_ jobs: [Job], reference: ReferenceTables, today: CivilDate,
                          resolver: @escaping FieldCoercion.AttachmentResolver) {
        var written: [String: String] = [:]
        for (i, job) in jobs.enumerated() {
            publish(upTo: job.request)
            if isCancelled { return }
            let outcome = FormValidator(job.form, reference: reference)
                .validate(job.answers, filler: job.filler, today: today, resolveAttachment: resolver)
            let canonical = CanonicalData(of: outcome.data)
            written[job.formID] = canonical.json
            let last = i + 1 == jobs.count || jobs[i + 1].request != job.request
            let dataHash = last ? Hash256.of(Value.canonicalRecord(ofMemberJSON: written)) : nil
            if last { written.removeAll(keepingCapacity: true) }
            store(Validated(formHash: job.formHash, filler: job.filler, outcome: outcome, canonical: canonical),
                  dataHash: dataHash, of: job)
        }
    }

    /// What was validated ahead for request `index`, once it is finished (waits for it).
    func take(_ index: Int) -> Request {
        condition.lock()
        defer { condition.unlock() }
        while finished <= index && !cancelled { condition.wait() }
        return cancelled ? Request() : results[index]
    }

    /// Stops the thread at its next form (the batch failed, or is done).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    private func store(_ validated: Validated, dataHash: Hash256?, of job: Job) {
        condition.lock()
        results[job.request].forms[job.formID] = validated
        if let dataHash { results[job.request].dataHash = dataHash }
        condition.unlock()
    }

    /// Every request before `index` is finished (woken only when that moves).
    private func publish(upTo index: Int) {
        condition.lock()
        if index > finished {
            finished = index
            condition.broadcast()
        }
        condition.unlock()
    }
}

extension Engine {
    /// The forms of `requests` to validate ahead, each at its current version. Nil when there is none (a
    /// batch without forms starts no thread).
    func validationAhead(_ requests: [FireRequest], files: PreparedAttachments,
                         now: Timestamp) throws -> ValidationAhead? {
        var jobs: [ValidationAhead.Job] = []
        for (i, request) in requests.enumerated() {
            for (formID, answers) in request.forms {
                // Both lookups are cached (the store's current hashes, the engine's forms). A definition
                // that cannot be read is not guessed at: the command that uses it says why.
                guard let hash = (try? currentHash(kind: "form", id: formID)) ?? nil,
                      let form = try? form(hash: hash) else { continue }
                jobs.append(.init(request: i, formID: formID, formHash: hash, form: form, answers: answers,
                                  filler: form.usualFiller))
            }
        }
        guard !jobs.isEmpty else { return nil }
        return ValidationAhead(requests: requests.count, jobs: jobs, reference: try referenceTables(), today: now.date,
                               resolver: files.resolver)
    }
}
