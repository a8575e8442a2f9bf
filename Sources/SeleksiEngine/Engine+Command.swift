import Foundation
import SeleksiCore
import SeleksiStore

/// A refusal on its way out of a transaction, with what its audit row needs.
struct CommandRefused: Error {
    let refusal: Refusal
    var violations: [Violation] = []
    var instance: Int64?
    var subject: String?
    var from: String?
    var dataHash: Hash256?

    init(_ code: Refusal.Code, _ id: String, _ en: String, instance: Int64? = nil, from: String? = nil) {
        refusal = Refusal(code, LocalizedText(id: id, en: en))
        self.instance = instance
        self.from = from
    }

    init(refusal: Refusal, violations: [Violation] = [], instance: Int64? = nil, from: String? = nil, dataHash: Hash256? = nil) {
        self.refusal = refusal
        self.violations = violations
        self.instance = instance
        self.from = from
        self.dataHash = dataHash
    }

    /// What the audit row keeps of a refusal: the code and the paths at fault, never the refused values.
    var auditReason: String {
        let paths = violations.map(\.path)
        let children = refusal.blockingChildren
        return ([refusal.message.id] + (paths.isEmpty ? [] : ["kolom: " + paths.joined(separator: ", ")])
            + (children.isEmpty ? [] : ["\(children.count) instans anak: " + children.prefix(Engine.blockingNamed).map { "#\($0)" }.joined(separator: ", ")
                                        + (children.count > Engine.blockingNamed ? " …" : "")])).joined(separator: "; ")
    }
}

extension Engine {
    /// Runs one command in its own transaction. A refusal rolls everything back and is then audited
    /// alone (dated no earlier than the log's last row), and thrown as `EngineError.refused`.
    func runCommand<T>(_ name: String, actor: String, event: String? = nil, now: Timestamp,
                       _ body: (Timestamp) throws -> T) throws -> T {
        try wrap {
            do {
                return try store.transaction {
                    try requireTime(now)
                    return try body(now)
                }
            } catch let refused as CommandRefused {
                try auditRefusal(refused, command: name, actor: actor, event: event, now: now)
                throw EngineError.refused(naming(refused.refusal), violations: refused.violations)
            }
        }
    }

    func auditRefusal(_ refused: CommandRefused, command: String, actor: String, event: String?, now: Timestamp) throws {
        try store.transaction { try auditRefusalRow(refused, command: command, actor: actor, event: event, now: now) }
    }

    /// The refusal's row, in the caller's transaction. A command dated before the last row is recorded
    /// at the last row's time, so the log's clock never goes back.
    func auditRefusalRow(_ refused: CommandRefused, command: String, actor: String, event: String?, now: Timestamp) throws {
        let at = max(now.seconds, try store.auditHead()?.at ?? now.seconds)
        var row = AuditRecord(at: at, actor: actor, osUser: osUser, instance: refused.instance, subject: refused.subject,
                              command: command, event: event, from: refused.from, outcome: "refused:\(refused.refusal.code.rawValue)",
                              reason: refused.auditReason, dataHash: refused.dataHash)
        row.instance = refused.instance
        try store.commit(.refusal(row))
    }

    // MARK: Time

    /// Whether this database takes simulated times (`init --simulation`: the demo's, a test's).
    public func isSimulation() throws -> Bool { try store.settings()["simulation"] == "1" }

    /// How far a real database lets a command's time stray from the system clock.
    static let clockTolerance: Int64 = 300

    /// Refuses a command dated before the log's last row, and, on a real database, a command whose
    /// time is not the system clock's (only a simulation may be told what time it is).
    func requireTime(_ now: Timestamp) throws {
        if try !isSimulation() {
            let system = Int64(Date().timeIntervalSince1970)
            if abs(now.seconds - system) > Engine.clockTolerance {
                throw EngineError.input("waktu perintah \(now.iso) bukan waktu sistem; --now hanya untuk basis data simulasi (`seleksi init --simulation`)",
                                        en: "the command's time \(now.iso) is not the system clock's; --now works only on a simulation database (`seleksi init --simulation`)")
            }
        }
        if let head = try store.auditHead(), now.seconds < head.at {
            throw CommandRefused(.clockBehind,
                "perintah bertanggal \(now.iso) sebelum baris audit terakhir (\(Timestamp(seconds: head.at).iso)); waktu tidak boleh mundur",
                "the command is dated \(now.iso), before the last audit row (\(Timestamp(seconds: head.at).iso)); time may not go back")
        }
    }
}
