import ArgumentParser
import SeleksiCore
import SeleksiEngine
import SeleksiStore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Daftar instans, disaring menurut alur, status, induk, organisasi atau pemilik; --counts untuk jumlah per status.")

    @OptionGroup var options: DatabaseOptions
    @Option(help: "Hanya alur ini.") var workflow: String?
    @Option(help: "Hanya status ini.") var state: String?
    @Option(help: "Hanya anak dari instans ini.") var parent: Int64?
    @Option(help: "Hanya organisasi ini.") var org: String?
    @Option(help: "Hanya milik pelaku ini.") var owner: String?
    @Option(help: "Paling banyak sekian baris (1–100000).") var limit = 1000
    @Flag(help: "Jumlah instans per alur dan status (dengan saringan yang sama).") var counts = false

    func validate() throws {
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit harus 1–100000 (got \(limit))") }
    }

    func run() throws {
        try options.reading(run)
    }

    private func run(_ engine: Engine) throws {
        let filter = InstanceFilter(workflow: workflow, state: state, parent: parent, org: org, owner: owner)
        try report(options.lang) { try checkNames(engine) }
        if counts {
            let rows = try report(options.lang) { try engine.counts(filter) }
            if options.json {
                printJSON(.list(rows.map { .record(["workflow": .string($0.workflow), "state": .string($0.state), "count": .number(Double($0.count))]) }))
            } else {
                for r in rows { sayColumns([r.workflow, r.state, "\(r.count)"]) }
                if rows.isEmpty { print("(tidak ada instans)") }
            }
            return
        }
        let rows = try report(options.lang) { try engine.listing(filter, limit: limit + 1) }
        let truncated = rows.count > limit
        let shown = Array(rows.prefix(limit))
        if options.json {
            printJSON(.list(shown.map {
                .record(["id": .number(Double($0.id)), "workflow": .string($0.workflowID), "state": .string($0.state), "org": .string($0.org),
                         "owner": .string($0.owner), "owner_name": .string($0.ownerName ?? $0.owner),
                         "parent": $0.parent.map { .number(Double($0)) } ?? .null, "updated_at": .string(dateTime($0.updatedAt))])
            }))
            return
        }
        var lines = ColumnRows()
        for r in shown {
            lines.add(["#\(r.id)", r.workflowID, r.state, r.org, "\(r.ownerName ?? r.owner) (\(r.owner))"]
                      + (r.parent.map { ["induk #\($0)"] } ?? []))
        }
        lines.print()
        if rows.isEmpty { print("(tidak ada instans)") }
        if truncated { print("(hanya \(limit) pertama; pakai --limit untuk lebih, atau --counts untuk jumlah)") }
    }

    /// A misspelt workflow or state is an error naming the valid ones, and a parent that does not exist
    /// an error naming it, not an empty list.
    private func checkNames(_ engine: Engine) throws {
        if let parent { _ = try engine.record(parent) }
        if let workflow, try !engine.currentWorkflowIDs().contains(workflow) {
            throw EngineError.input("tidak ada alur '\(workflow)'; alur yang ada: \(try engine.currentWorkflowIDs().joined(separator: ", "))")
        }
        if let state {
            let known = try engine.knownStates(workflow: workflow)
            guard known.contains(state) else {
                throw EngineError.input("tidak ada status '\(state)'\(workflow.map { " di alur \($0)" } ?? ""); status yang ada: "
                    + known.sorted().joined(separator: ", "))
            }
        }
    }
}
