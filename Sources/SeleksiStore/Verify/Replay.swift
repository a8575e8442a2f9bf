import Crypto
import Foundation

/// The second core's half of the log walk: each row's hash checked against its encoding, and what
/// the log says the tables now hold rebuilt from the same bytes — each instance's last after-image
/// and state, its moves against its workflow, each directory entry's last image. Touched only by
/// the worker while the log is walked, and read by the checks that follow once it has finished.
final class Replay {
    // Per instance, indexed by id: the last audit row that wrote it and its after-image (32 bytes each,
    // in one flat buffer), the state it left the instance in, and the instance's workflow.
    var lastSeq: [Int64]
    var images: [UInt8]
    var lastState: [Int32]
    var workflowOf: [Int32]
    var workflowHashes: [String] = []
    /// States, events and roles, numbered as they are met.
    var names = ByteInterner()
    /// Per workflow (by index): its moves as (from, event, to) and with each role; nil when no rules were given.
    var moves: [Set<MoveKey>?] = []
    /// Rows that name an instance beyond the table's highest id (its row must have been deleted).
    var beyond: [Int64: Int64] = [:]
    /// Directory entries, definitions, settings: the last after-image each subject was given.
    var subjects = SubjectLedger()
    /// What the worker found, merged into the report when the walk ends.
    var problems = VerificationReport()

    private let row = EncodedAuditRow()

    init(instanceSlots n: Int) {
        lastSeq = [Int64](repeating: 0, count: n)
        images = [UInt8](repeating: 0, count: n * 32)
        lastState = [Int32](repeating: -1, count: n)
        workflowOf = [Int32](repeating: -1, count: n)
    }

    /// Reads every workflow's moves before the walk, so that the worker never calls back into the engine.
    func loadMoves(_ rules: ((String) -> [TransitionMove])?) {
        moves = workflowHashes.map { hash in
            guard let rules else { return nil }
            var set: Set<MoveKey> = []
            for m in rules(hash) {
                let (from, event, to) = (names.id(m.from), names.id(m.event), names.id(m.to))
                set.insert(MoveKey(from: from, event: event, to: to, role: -1))
                for role in m.roles { set.insert(MoveKey(from: from, event: event, to: to, role: names.id(role))) }
            }
            return set
        }
    }

    /// Checks one batch of rows, in order.
    func consume(_ batch: ChainBatch) {
        var start = 0
        for (i, end) in batch.ends.enumerated() {
            let bytes = UnsafeRawBufferPointer(start: batch.bytes.base + start, count: end - start)
            row.parse(bytes)
            track(seq: row.seq)
            let matches: Bool
            switch batch.verdicts[i] {
            case .skip: matches = true
            case .unmatchable: matches = false
            case .hash:
                let digest = SHA256.hash(data: bytes)
                matches = digest.withUnsafeBytes { memcmp($0.baseAddress!, batch.stored + i * 32, 32) == 0 }
            }
            if !matches { problems.add(seq: row.seq, "isinya tidak sama dengan hash-nya: baris diubah (the row was edited)") }
            start = end
        }
    }

    /// Compares a batch of instances' rows with the after-images the log left them with.
    func checkInstances(_ batch: InstanceBatch) {
        var start = 0
        for (k, end) in batch.ends.enumerated() {
            let id = batch.ids[k], i = Int(id)
            let bytes = UnsafeRawBufferPointer(start: batch.bytes.base + start, count: end - start)
            start = end
            guard id > 0, i < lastSeq.count, lastSeq[i] != 0 else {
                problems.add(record: "instances #\(id)", "tidak ada baris audit yang menulisnya (no audit row wrote it: forged)")
                continue
            }
            let digest = SHA256.hash(data: bytes)
            let matches = digest.withUnsafeBytes { d in images.withUnsafeBytes { memcmp(d.baseAddress!, $0.baseAddress! + i * 32, 32) == 0 } }
            if !matches {
                problems.add(seq: lastSeq[i], record: "instances #\(id)",
                             "tidak sama dengan yang dicatat baris audit terakhirnya (differs from its last audit row: edited)")
            }
            lastSeq[i] = 0
        }
    }

    /// Remembers what the row says the tables now hold, and checks the instance's path.
    private func track(seq: Int64) {
        let accepted = row.equals(.outcome, "accepted")
        if let subject = row.bytes(.subject) {
            if accepted {
                subjects.record(subject: subject, image: row.bytes(.afterHash), seq: seq)
            }
            return
        }
        let after = row.bytes(.afterHash)
        guard let id = row.instance, after != nil || !row.isNull(.to), !row.hasPrefix(.outcome, "refused") else { return }
        guard id > 0, id < Int64(lastSeq.count) else {
            if after != nil { beyond[id] = seq }
            return
        }
        let i = Int(id)
        if accepted, let to = row.bytes(.to) {
            let toID = names.id(to)
            let fromID = row.bytes(.from).map { names.id($0) }
            if let fromID, lastState[i] >= 0, fromID != lastState[i] {
                problems.add(seq: seq, record: "instances #\(id)",
                             "berangkat dari status '\(row.string(.from))', padahal baris sebelumnya meninggalkannya di status lain "
                             + "(the path breaks: a row before it is missing or forged)")
            }
            if row.equals(.command, "fire"), workflowOf[i] >= 0 {
                checkMove(seq: seq, instance: id, workflow: Int(workflowOf[i]), from: fromID, to: toID)
            }
            lastState[i] = toID
        }
        if let after, after.count == 32 {
            images.withUnsafeMutableBytes { UnsafeMutableRawBufferPointer(rebasing: $0[i * 32 ..< i * 32 + 32]).copyMemory(from: after) }
            lastSeq[i] = seq
        } else if after != nil {
            lastSeq[i] = seq  // a recorded image of the wrong length matches no row: reported as edited
            images.replaceSubrange(i * 32 ..< i * 32 + 32, with: repeatElement(0xFF, count: 32))
        }
    }

    /// An accepted `fire` must be a move of the instance's workflow, by one of its roles or the system.
    private func checkMove(seq: Int64, instance id: Int64, workflow w: Int, from fromID: Int32?, to: Int32) {
        guard let allowed = moves[w] else { return }
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        let from = fromID ?? names.id(empty), event = names.id(row.bytes(.event) ?? empty)
        let role = names.id(row.bytes(.role) ?? empty)
        // A log repeats the same move for many instances in a row: the last one found allowed is not looked up again.
        let move = AllowedMove(workflow: w, key: MoveKey(from: from, event: event, to: to, role: role))
        if move == lastAllowed { return }
        guard allowed.contains(MoveKey(from: from, event: event, to: to, role: -1)) else {
            problems.add(seq: seq, record: "instances #\(id)",
                         "'\(row.string(.event))' dari '\(row.string(.from))' ke '\(row.string(.to))' bukan peralihan alurnya "
                         + "(not a transition of its workflow: a forged row)")
            return
        }
        guard row.equals(.role, "system") || allowed.contains(move.key) else {
            problems.add(seq: seq, record: "instances #\(id)",
                         "peran '\(row.string(.role))' tidak boleh memicu '\(row.string(.event))' (the role may not fire this event)")
            return
        }
        lastAllowed = move
    }

    private struct AllowedMove: Equatable {
        let workflow: Int
        let key: MoveKey
    }
    private var lastAllowed: AllowedMove?
}

/// An audit row read back from its encoding (`RawAuditRow.encode`): the fields in their order, each
/// NULL, an integer, or bytes inside the batch.
final class EncodedAuditRow {
    enum Field: Int {
        case domain, seq, at, actor, osUser, role, instance, subject, command, event, from, to, outcome, reason
        case dataHash, afterHash, prevHash, signature
    }
    static let count = 18

    private let starts = UnsafeMutablePointer<UnsafeRawPointer?>.allocate(capacity: count)
    private let lengths = UnsafeMutablePointer<Int>.allocate(capacity: count)
    private let integers = UnsafeMutablePointer<Int64>.allocate(capacity: count)

    deinit {
        starts.deallocate()
        lengths.deallocate()
        integers.deallocate()
    }

    /// Splits one row's encoding into its fields (the reader wrote it: its shape is known).
    func parse(_ bytes: UnsafeRawBufferPointer) {
        var p = 0
        for f in 0..<Self.count {
            let tag = bytes[p]
            p += 1
            switch tag {
            case 0:
                lengths[f] = -1
            case 1:
                integers[f] = Int64(bitPattern: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: p, as: UInt64.self)))
                lengths[f] = 0
                p += 8
            default:
                let n = Int(UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
                p += 4
                starts[f] = bytes.baseAddress! + p
                lengths[f] = n
                p += n
            }
        }
    }

    var seq: Int64 { integers[Field.seq.rawValue] }
    var instance: Int64? { lengths[Field.instance.rawValue] < 0 ? nil : integers[Field.instance.rawValue] }

    func isNull(_ f: Field) -> Bool { lengths[f.rawValue] < 0 }

    func bytes(_ f: Field) -> UnsafeRawBufferPointer? {
        let n = lengths[f.rawValue]
        return n < 0 ? nil : UnsafeRawBufferPointer(start: n == 0 ? nil : starts[f.rawValue], count: n)
    }

    func string(_ f: Field) -> String { bytes(f).map { String(decoding: $0, as: UTF8.self) } ?? "" }

    func equals(_ f: Field, _ literal: StaticString) -> Bool { bytes(f)?.elementsEqual(literal) ?? false }
    func hasPrefix(_ f: Field, _ literal: StaticString) -> Bool { bytes(f)?.hasPrefix(literal) ?? false }
}
