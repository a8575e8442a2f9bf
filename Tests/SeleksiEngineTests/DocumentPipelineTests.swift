import Foundation
import SeleksiCore
import SeleksiStore
import Testing

@testable import SeleksiDocuments
@testable import SeleksiEngine

@Suite("Many documents composed on other threads are the documents rendered one after another")
struct DocumentPipelineTests {
    /// A round's minutes (which list its children) and each contracted tutor's two agreements, twice
    /// for one tutor: what the demo renders in a row.
    func jobs(_ round: DocumentRound) throws -> [DocumentRenderer.Job] {
        let tutors = try round.engine.list(InstanceFilter(workflow: "tb_pelamar", state: "berkontrak"), limit: 4)
            .map(\.id)
        return [DocumentRenderer.Job("tutor_bantu/berita_acara", round.round)]
            + tutors.flatMap {
                [DocumentRenderer.Job("tutor_bantu/perjanjian_kerja", $0), DocumentRenderer.Job("tutor_bantu/pks", $0)]
            }
            + [DocumentRenderer.Job("tutor_bantu/pks", tutors[0])]
    }

    /// The audit rows from `seq` on: what each records (its place in the chain aside).
    func rows(_ engine: Engine, from seq: Int64) throws -> [String] {
        var out: [String] = []
        try engine.store.forEachAuditRecord(from: seq) {
            out.append("\($0.command) \($0.event) #\($0.instance ?? 0) \($0.reason ?? "") \($0.dataHash?.hex ?? "")")
        }
        return out
    }

    func files(in folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
        }
        return out
    }

    @Test func theSameFilesAndTheSameAuditRowsInTheSameOrder() throws {
        let round = try DocumentRound()
        let jobs = try jobs(round)
        #expect(jobs.count >= 4)
        let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))
        let now = at("2019-08-01T08:00")
        let start = try round.engine.verifyAudit().rows + 1
        var sequential: [DocumentRenderer.Rendered] = []
        for job in jobs {
            sequential.append(try renderer.render(
                job.template, instance: job.instance, engine: round.engine, outputFolder: round.temp.file("one-by-one"),
                replace: true, now: now))
        }
        let middle = start + Int64(jobs.count)
        let pipelined = try renderer.renderAll(
            jobs, engine: round.engine, outputFolder: round.temp.file("pipelined"), replace: true, now: now)

        // Documents change no data, so the second rendering reads the same state.
        #expect(pipelined.map(\.sha256) == sequential.map(\.sha256))
        let written = try files(in: round.temp.file("pipelined"))
        #expect(written.count == 2 * (jobs.count - 1))  // .md and .html; one document rendered twice
        #expect(written == (try files(in: round.temp.file("one-by-one"))))
        let one = try rows(round.engine, from: start), all = try rows(round.engine, from: middle)
        #expect(one.count == 2 * jobs.count && all.count == jobs.count)
        #expect(Array(one.prefix(jobs.count)) == all)
        #expect(try round.engine.verifyAudit().rows == start - 1 + 2 * Int64(jobs.count))
    }

    @Test func aDocumentRefusedStopsTheRunWhereRenderingOneByOneWouldHaveStopped() throws {
        let round = try DocumentRound()
        var jobs = try jobs(round)
        // A tutor's receipt needs a paid month: the round has none yet, so this one is refused.
        jobs.insert(DocumentRenderer.Job("tutor_bantu/kuitansi", round.contracted), at: 2)
        let renderer = DocumentRenderer(templatesFolder: Repo.path("templates"))
        let before = try round.engine.verifyAudit().rows + 1
        #expect(throws: (any Error).self) {
            try renderer.renderAll(
                jobs, engine: round.engine, outputFolder: round.temp.file("docs"), replace: true,
                now: at("2019-08-01T08:00"))
        }
        // The two before it are written and recorded; nothing composed after it is.
        #expect(try files(in: round.temp.file("docs")).count == 4)
        #expect(try rows(round.engine, from: before).count == 2)
        #expect(try round.engine.verifyAudit().rows == before + 1)
    }
}
