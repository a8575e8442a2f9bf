import SeleksiStore
import Testing

/// Values are bound in place (SQLite reads them from one buffer for the length of the statement):
/// what is stored must be exactly what was given, an empty text or blob included, and one use of a
/// statement must leave nothing bound for the next.
@Suite("Statements store the values they are given")
struct StatementBindingTests {
    private func table(in temp: TempFolder) throws -> Database {
        let db = try Database(path: temp.file("bind.sqlite"), create: true)
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a, b, c, d)")
        return db
    }

    @Test func textsAndBlobsOfEveryLengthAreStoredAsGiven() throws {
        let temp = TempFolder()
        let db = try table(in: temp)
        let long = String(repeating: "Ñandú ✓ ", count: 500)
        let insert = try db.prepare("INSERT INTO t (id, a, b, c, d) VALUES (?, ?, ?, ?, ?)")
        try insert.run(.int(1), .text(""), .blob([]), .text("a\u{0}b"), .null)
        try insert.run(.int(2), .text(long), .blob([0, 255, 7]), .double(2.5), .text("é"))
        let read = try db.prepare(
            "SELECT typeof(a), length(CAST(a AS BLOB)), typeof(b), length(b), hex(c), typeof(d) FROM t WHERE id = ?")
        let first = try read.first(.int(1)) { [$0.text(0), $0.text(1), $0.text(2), $0.text(3), $0.text(4), $0.text(5)] }
        // An empty text is an empty text, not NULL; a NUL inside a text is kept, not cut there.
        #expect(first == ["text", "0", "blob", "0", "610062", "null"])
        let second = try db.prepare("SELECT a, b, c, d FROM t WHERE id = ?").first(.int(2)) { row in
            (row.text(0), row.blob(1), row.double(2), row.text(3))
        }
        #expect(second?.0 == long)
        #expect(second?.1 == [0, 255, 7])
        #expect(second?.2 == 2.5)
        #expect(second?.3 == "é")
    }

    @Test func aTextParameterFindsItsRowsAndIsNotLeftBoundAfterwards() throws {
        let temp = TempFolder()
        let db = try table(in: temp)
        let insert = try db.prepare("INSERT INTO t (id, a) VALUES (?, ?)")
        for (id, name) in [(1, "pelamar-1"), (2, "pelamar-2"), (3, "pelamar-1")] {
            try insert.run(.int(Int64(id)), .text(name))
        }
        let byName = try db.prepare("SELECT id FROM t WHERE a = ? ORDER BY id")
        #expect(try byName.rows(.text("pelamar-1")) { $0.int(0) } == [1, 3])
        #expect(try byName.rows(.text("pelamar-2")) { $0.int(0) } == [2])
        // The same statement run again without its parameter: nothing of the last run is bound.
        #expect(try byName.rows { $0.int(0) } == [])
    }
}
