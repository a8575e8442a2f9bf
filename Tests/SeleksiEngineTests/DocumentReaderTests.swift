import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiDocuments
@testable import SeleksiEngine

@Suite("Documents read on another thread show the database as it stood when they were asked for")
struct DocumentReaderTests {
    @Test func theEngineWritesOnWhileTheyAreReadAndTheyAreRecordedLater() throws {
        let round = try DocumentRound()
        let jobs = try DocumentPipelineTests().jobs(round)
        let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))
        let now = at("2019-08-01T08:00")
        // The reference: each document rendered where it is asked for, before anything else is written.
        let before = try jobs.map {
            try renderer.render($0.template, instance: $0.instance, engine: round.engine,
                                outputFolder: round.temp.file("before"), replace: true, now: now)
        }

        let batch = DocumentBatch()
        let reader = DocumentReader(renderer: renderer, databasePath: round.temp.file("demo.sqlite"))
        let pending = try reader.start(jobs, outputFolder: round.temp.file("later"), replace: true, batch: batch)
        // The engine goes on at once, while they are read: a change of data that every document prints
        // (the audit position it was made from).
        try round.engine.addActor(id: "saksi-baru", name: "Saksi Baru (fiktif)", nip: nil, now: now)
        let firstRow = try round.engine.verifyAudit().rows + 1
        let later = try renderer.record(pending, engine: round.engine, now: at("2019-08-02T08:00"))
        try batch.commit()

        #expect(later.map(\.sha256) == before.map(\.sha256))
        let written = try DocumentPipelineTests().files(in: round.temp.file("later"))
        #expect(written.count == 2 * (jobs.count - 1))  // .md and .html; one document asked for twice
        #expect(written == (try DocumentPipelineTests().files(in: round.temp.file("before"))))
        // Recorded in the order asked, after the change, and the log still verifies.
        let rows = try DocumentPipelineTests().rows(round.engine, from: firstRow)
        #expect(rows.count == jobs.count)
        #expect(zip(rows, jobs).allSatisfy { row, job in
            row.hasPrefix("document ") && row.contains(job.template) && row.contains("#\(job.instance) ")
        })
        #expect(try round.engine.verifyAudit().rows == firstRow - 1 + Int64(jobs.count))
        // Read now, the minutes show the change: the reader's documents did not, though read after it.
        let after = try renderer.render(
            jobs[0].template, instance: jobs[0].instance, engine: round.engine,
            outputFolder: round.temp.file("after"), replace: true, now: at("2019-08-02T08:00"))
        #expect(after.sha256 != before[0].sha256)
    }

    /// Lists are read one at a time and contracts beside them; more requests than readers wait for one.
    @Test func requestsBeyondTheReadersWaitAndAreRecordedInTheOrderAsked() throws {
        let round = try DocumentRound()
        let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))
        let minutes = DocumentRenderer.Job("tutor_bantu/berita_acara", round.round)
        let contract = DocumentRenderer.Job("tutor_bantu/perjanjian_kerja", round.contracted)
        let asked = [minutes, contract, minutes, contract, contract, minutes]
        #expect(asked.count > DocumentReader.maxReaders)
        let batch = DocumentBatch()
        let reader = DocumentReader(renderer: renderer, databasePath: round.temp.file("demo.sqlite"))
        let pending = try asked.map {
            try reader.start([$0], outputFolder: round.temp.file("docs"), replace: true, batch: batch)
        }
        let firstRow = try round.engine.verifyAudit().rows + 1
        let now = at("2019-08-01T08:00")
        let rendered = try pending.flatMap { try renderer.record($0, engine: round.engine, now: now) }
        try batch.commit()
        #expect(rendered.map { ($0.htmlPath as NSString).lastPathComponent } == asked.map {
            DocumentRenderer.baseName($0.template, $0.instance) + ".html"
        })
        // The same state, the same bytes, every time it was asked.
        #expect(Set(rendered.filter { $0.htmlPath.contains("berita_acara") }.map(\.sha256)).count == 1)
        #expect(try DocumentPipelineTests().rows(round.engine, from: firstRow).count == asked.count)
        #expect(try round.engine.verifyAudit().rows == firstRow - 1 + Int64(asked.count))
    }

    @Test func aDocumentRefusedOnTheReaderIsReportedWhenRecordedAndNothingOfItIsRecorded() throws {
        let round = try DocumentRound()
        let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))
        let before = try round.engine.verifyAudit().rows
        let batch = DocumentBatch()
        let reader = DocumentReader(renderer: renderer, databasePath: round.temp.file("demo.sqlite"))
        // A tutor's receipt needs a paid month: the round has none yet.
        let pending = try reader.start(
            [DocumentRenderer.Job("tutor_bantu/perjanjian_kerja", round.contracted),
             DocumentRenderer.Job("tutor_bantu/kuitansi", round.contracted)],
            outputFolder: round.temp.file("docs"), replace: true, batch: batch)
        #expect(throws: (any Error).self) {
            try renderer.record(pending, engine: round.engine, now: at("2019-08-01T08:00"))
        }
        batch.discard()
        #expect(try round.engine.verifyAudit().rows == before)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: round.temp.file("docs"))) ?? []
        #expect(left.isEmpty)
    }
}
