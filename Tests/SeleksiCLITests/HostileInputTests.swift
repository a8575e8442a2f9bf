import Foundation
import Testing

/// Input that would fool a user or hurt the machine, given to the CLI as a stranger would.
@Suite("The CLI refuses hostile input with a clear message and never crashes")
struct HostileInputTests {
    @Test func namesAndReasonsCannotDriveTheTerminalOrForgeARow() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation --now 2026-01-05T08:00").status == 0)
        let evil = "Budi\u{1B}[2J\u{1B}[31mDIBERSIHKAN\u{07}"
        #expect(try cli.run(["actor", "add", "budi", "--name", evil, "--now", "2026-01-05T08:10"]).status == 0)
        let listed = try cli.run("actor list")
        #expect(!listed.stdout.contains("\u{1B}") && listed.stdout.contains("\\u{1b}[2J"))
        #expect(try cli.run("start demo_pelamar --org skb-demo --as pelamar1 --now 2026-01-06T09:00").status == 0)
        let forged = "pindah\n999\t2026-01-06T09:00:00+07:00\tkepala1\tfire terima\tdraf → diterima\taccepted"
        #expect(try cli.run(["fire", "1", "tarik", "--as", "pelamar1", "--reason", forged, "--now", "2026-01-06T10:00"]).status == 0)
        let history = try cli.run("history 1")
        #expect(history.stdout.split(separator: "\n").count == 2)
        #expect(!history.stdout.contains("\n999\t"))
    }

    @Test func aNationalSeasonWithFewerApplicantsThanUPTsSaysHowManyAndLeavesNothing() throws {
        let cli = CLIRunner()
        let out = cli.folder + "/musim"
        let r = try cli.run(
            ["demo", "--upt", "all", "--applicants", "10", "--db", cli.db, "--out", out, "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("give --applicants 29 or more (given 10)"))
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: cli.db))
    }

    @Test func aUPTNamedByItsProvinceAloneIsRefusedWithTheIdsThatHoldIt() throws {
        let cli = CLIRunner()
        let out = cli.folder + "/aceh"
        let r = try cli.run(["demo", "--upt", "aceh", "--applicants", "5", "--db", cli.db, "--out", out])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--upt aceh: bukan UPT alokasi 2019 (upt-bp-aceh?); pilih salah satu, atau all:"))
        #expect(!FileManager.default.fileExists(atPath: cli.db))
    }

    @Test func anEmptyDatabasePathIsAnErrorNotASuccess() throws {
        let cli = CLIRunner()
        let r = try cli.run(["init"], environment: ["SELEKSI_DB": ""])
        #expect(r.status == 64)
        #expect(r.stderr.contains("kosong"))
    }

    @Test func aNegativeLimitIsAnArgumentError() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let r = try cli.run(["list", "--limit=-1"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--limit"))
    }

    @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
        let cli = CLIRunner()
        let other = cli.folder + "/lain.sqlite"
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["python3", "-c", "import sqlite3; c = sqlite3.connect('\(other)'); c.execute('create table catatan (x)'); c.commit()"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        let r = try cli.run(["init", "--db", other])
        #expect(r.status == 3)
        #expect(r.stderr.contains("bukan basis data Seleksi"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    }

    @Test func theDatabaseIsReadableByItsOwnerOnly() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: cli.db)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func simulatedTimeIsRefusedOnARealDatabase() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        let r = try cli.run("start demo_pelamar --org skb-demo --as pelamar1 --now 2019-01-01")
        #expect(r.status == 2)
        #expect(r.stderr.contains("--now hanya untuk basis data simulasi"))
    }

    @Test func hugeFilesAreRefusedBeforeTheyAreRead() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        // Sparse files: a 1 GB definition and a 500 MB answers file cost no disk and must cost no time.
        let definition = cli.folder + "/besar.xml"
        let answers = cli.folder + "/besar.json"
        for (path, size) in [(definition, Int64(1) << 30), (answers, Int64(500) << 20)] {
            #expect(FileManager.default.createFile(atPath: path, contents: nil) && truncate(path, off_t(size)) == 0)
        }
        let started = Date()
        let check = try cli.run(["check", definition])
        #expect(check.status == 2 && check.stderr.contains("lebih dari 4 MB"))
        let validate = try cli.run(["form", "validate", "demo_pendaftaran", answers])
        #expect(validate.status == 2 && validate.stderr.contains("lebih dari 8 MB"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func theDemoChecksEveryArgumentBeforeItReplacesAnything() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let r = try cli.run(["demo", "--db", cli.db, "--replace", "--applicants", "0", "--out", cli.folder + "/out"])
        #expect(r.status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
    }
}

@Suite("A printed document proves the log it was made from")
struct DocumentHeadTests {
    @Test func theHeadPrintedOnADocumentIsCheckedByVerify() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init --simulation --now 2026-01-05T08:00").status == 0)
        #expect(try cli.run("start demo_putaran --org upt-demo --as operator1 --now 2026-01-05T08:00").status == 0)
        let log = try cli.run("audit log --json")
        let last = try #require(log.stdout.split(separator: "\n").last)
        let seq = String(last[last.range(of: "\"seq\":")!.upperBound...].prefix { $0.isNumber })
        let hash = String(last[last.range(of: "\"hash\":\"")!.upperBound...].prefix(64))
        #expect(try cli.run(["audit", "verify", "--head", "\(seq):\(hash)"]).status == 0)
        let wrong = try cli.run(["audit", "verify", "--head", "\(seq):" + String(repeating: "0", count: 64)])
        #expect(wrong.status == 4 && wrong.stderr.contains("rewritten"))
        let gone = try cli.run(["audit", "verify", "--head", "99999:\(hash)"])
        #expect(gone.status == 4 && gone.stderr.contains("removed"))
    }
}
