import Testing

@testable import SeleksiStore

/// `audit verify` keeps each directory subject's last image in a ledger of fixed-size records: what
/// it answers must be what a dictionary by name would.
@Suite("The verify walk's ledger of directory subjects")
struct SubjectLedgerTests {
    static func image(_ n: UInt8) -> [UInt8] { [UInt8](repeating: n, count: 32) }

    static func note(_ ledger: inout SubjectLedger, _ subject: String, _ image: [UInt8]?, _ seq: Int64) {
        Array(subject.utf8).withUnsafeBytes { name in
            if let image {
                image.withUnsafeBytes { ledger.record(subject: name, image: $0, seq: seq) }
            } else {
                ledger.record(subject: name, image: nil, seq: seq)
            }
        }
    }

    @Test func theLastRowOfEachSubjectIsKeptAndTakenOnce() {
        var ledger = SubjectLedger()
        Self.note(&ledger, "actor:a", Self.image(1), 1)
        Self.note(&ledger, "actor:b", Self.image(2), 2)
        Self.note(&ledger, "actor:a", Self.image(3), 3)
        Self.note(&ledger, "grant:b/kepala/skb", Self.image(4), 4)
        Self.note(&ledger, "grant:b/kepala/skb", nil, 5)
        ledger.compact()
        let a = ledger.take("actor:a")
        #expect(a?.image == Hash256(bytes: Self.image(3)) && a?.seq == 3)
        #expect(ledger.take("actor:a") == nil)
        let revoked = ledger.take("grant:b/kepala/skb")
        #expect(revoked?.image == nil && revoked?.seq == 5)
        #expect(ledger.take("actor:c") == nil)
        #expect(ledger.leftovers == [2])
    }

    @Test func anImageOfTheWrongLengthMatchesNoTableRow() {
        var ledger = SubjectLedger()
        Self.note(&ledger, "setting:x", [1, 2, 3], 7)
        ledger.compact()
        let entry = ledger.take("setting:x")
        #expect(entry?.seq == 7)
        #expect(entry?.image != nil && entry?.image != Hash256(bytes: Self.image(0)))
    }

    @Test func aLogThatRewritesOneSubjectManyTimesKeepsItOnceAndInOrder() {
        var ledger = SubjectLedger()
        for seq in Int64(1)...20_000 {
            Self.note(&ledger, "setting:s\(seq % 3)", Self.image(UInt8(seq % 251)), seq)
        }
        #expect(ledger.storedRecords <= 8192)
        ledger.compact()
        #expect(ledger.storedRecords == 3)
        #expect(ledger.take("setting:s0")?.seq == 19_998)
        #expect(ledger.take("setting:s1")?.seq == 19_999)
        #expect(ledger.take("setting:s2")?.image == Hash256(bytes: Self.image(UInt8(20_000 % 251))))
        #expect(ledger.leftovers.isEmpty)
    }

    @Test func aForgedRowNumberBelowOneDoesNotTrap() {
        var ledger = SubjectLedger()
        Self.note(&ledger, "actor:x", nil, .min)
        Self.note(&ledger, "actor:y", Self.image(9), 0)
        ledger.compact()
        #expect(ledger.take("actor:x")?.seq == 1)
        #expect(ledger.leftovers == [1])
    }
}
