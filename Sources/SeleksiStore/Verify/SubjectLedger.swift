import Crypto

/// The last after-image the log gave each directory subject (an actor, a grant, a definition, a
/// setting …), for `audit verify` to compare with the tables once the walk ends.
///
/// Kept as flat 56-byte records, not a dictionary keyed by name: 200,000 applicants with a grant each
/// are 400,000 subjects, and a `[String: Hash256?]` held each as a heap string and a heap array in a
/// table sized to the next power of two (`audit verify` peaked at 152 MiB; with the ledger, 70). A
/// subject is known by the first 16 bytes of the SHA-256 of its name (finding two names that collide
/// takes about 2^64 hashes); a leftover's name is read back from its audit row.
struct SubjectLedger {
    private struct Record {
        var key: (UInt64, UInt64)
        /// The audit row (at least 1); negative when it recorded no image (the subject was deleted), 0 once taken.
        var seq: Int64
        var image: (UInt64, UInt64, UInt64, UInt64)
    }

    private var records: [Record] = []
    /// Records up to here are sorted by key, one per subject (the last row that wrote it).
    private var compacted = 0

    /// Notes that the row `seq` gave `subject` this image (nil: the subject was deleted).
    mutating func record(subject: UnsafeRawBufferPointer, image: UnsafeRawBufferPointer?, seq: Int64) {
        let stored = image.flatMap { $0.count == 32 ? Self.words($0) : nil }
        // An image of the wrong length matches no row: kept as one that no table row can have.
        let wrongLength = image != nil && stored == nil
        // A row number below 1 is a broken chain, reported by the walk; here it only names the row.
        let row = max(seq, 1)
        if records.count == records.capacity, records.count >= 4096 { makeRoom() }
        records.append(Record(key: Self.key(subject), seq: image == nil ? -row : row,
                              image: stored ?? (wrongLength ? (.max, .max, .max, .max) : (0, 0, 0, 0))))
    }

    /// Room for the rows the log holds, so that the buffer is never copied to grow (a copy of
    /// 400,000 records held both buffers at once: the walk's peak). At most 4 Mi rows ahead of time.
    mutating func reserve(rows: Int) { records.reserveCapacity(min(max(rows, 0), 1 << 22)) }

    /// Full: forget rewritten subjects' earlier rows before growing, so that the ledger stays near the
    /// number of subjects however often the log rewrites one of them.
    private mutating func makeRoom() {
        compact()
        // Little was rewritten: grow as an array would, rather than sort again at the next row.
        if records.count > records.capacity * 3 / 4 { records.reserveCapacity(records.capacity * 2) }
    }

    /// Sorts by subject and keeps each one's last row. Called by the walk's end before `take`.
    mutating func compact() {
        records.sort { $0.key != $1.key ? $0.key < $1.key : abs($0.seq) < abs($1.seq) }
        var kept = 0
        for i in records.indices {
            if kept > 0, records[kept - 1].key == records[i].key {
                records[kept - 1] = records[i]
            } else {
                records[kept] = records[i]
                kept += 1
            }
        }
        records.removeLast(records.count - kept)
        compacted = kept
    }

    /// The subject's last image and row, once: a second call for the same subject finds nothing, and
    /// what is never taken is left over (`leftovers`). Requires `compact()` since the last `record`.
    mutating func take(_ subject: String) -> (image: Hash256?, seq: Int64)? {
        var name = subject
        let key = name.withUTF8 { Self.key(UnsafeRawBufferPointer($0)) }
        var low = 0, high = compacted
        while low < high {
            let mid = (low + high) / 2
            if records[mid].key < key { low = mid + 1 } else { high = mid }
        }
        guard low < compacted, records[low].key == key, records[low].seq != 0 else { return nil }
        let r = records[low]
        records[low].seq = 0
        guard r.seq > 0 else { return (nil, -r.seq) }
        return (Self.hash(r.image), r.seq)
    }

    /// Records held (for tests of the bound).
    var storedRecords: Int { records.count }

    /// The rows of subjects never taken whose last row gave them an image: in the log, not in the tables.
    var leftovers: [Int64] { records[..<compacted].filter { $0.seq > 0 }.map(\.seq) }

    private static func key(_ name: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        SHA256.hash(data: name).withUnsafeBytes {
            ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    private static func words(_ b: UnsafeRawBufferPointer) -> (UInt64, UInt64, UInt64, UInt64) {
        (b.loadUnaligned(as: UInt64.self), b.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
         b.loadUnaligned(fromByteOffset: 16, as: UInt64.self), b.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    private static func hash(_ w: (UInt64, UInt64, UInt64, UInt64)) -> Hash256 {
        var w = w
        return Hash256(unchecked: withUnsafeBytes(of: &w) { Array($0) })
    }
}
