import Foundation
import SeleksiStore
import Testing

/// One exit code per kind of fault, whatever the command (the rule `seleksi --help` and the README
/// state): 1 refused by the rules, 2 bad input (something named does not exist, a bad file), 3 the
/// database, 64 the command line. A table of faults × commands.
@Suite("The same fault gives the same exit code in every command")
struct ExitCodeTests {
    /// A database with the demo round #1 open and applicant #2 registered (seed actors of upt-demo).
    func prepared() throws -> CLIRunner {
        let cli = CLIRunner()
        for line in [
            "init --simulation --now 2026-01-05T08:00",
            "start demo_putaran --org upt-demo --as operator1 --now 2026-01-05T08:10",
            "fire 1 buka --as operator1 --now 2026-01-05T08:20",
            "start demo_pelamar --org skb-demo --as pelamar1 --parent 1 --now 2026-01-05T08:30",
        ] {
            let r = try cli.run(line)
            guard r.status == 0 else { throw CLIRunner.SetupFailed(line: line, stderr: r.stderr) }
        }
        return cli
    }

    @Test func anUnknownInstanceIsBadInputInEveryCommand() throws {
        let cli = try prepared()
        let now = "--now 2026-01-05T09:00"
        for line in [
            "show 99", "history 99", "report 99", "list --parent 99", "fire 99 ajukan --as pelamar1 \(now)",
            "start demo_pelamar --org skb-demo --as pelamar1 --parent 99 \(now)",
            "submit 99 demo_pendaftaran examples/demo/isian_pelamar.json --as pelamar1 \(now)",
            "withdraw 99 demo_penilaian --as penilai1 --reason salah-instans \(now)",
            "document render 99 tutor_bantu/sk_tim --out \(cli.folder)/dok",
        ] {
            let r = try cli.run(line)
            #expect(r.status == 2, "seleksi \(line) → \(r.status): \(r.stderr)")
            #expect(r.stderr.contains("#99"), "seleksi \(line) names the instance: \(r.stderr)")
        }
    }

    @Test func otherNamesThatDoNotExistAreBadInputToo() throws {
        let cli = try prepared()
        let now = "--now 2026-01-05T09:00"
        for line in [
            "fire 2 ajukan --as hantu \(now)",  // an unknown actor
            "fire 2 terbang --as pelamar1 \(now)",  // an unknown event
            "start tidak_ada --org skb-demo --as pelamar1 \(now)",  // an unknown workflow
            "start demo_pelamar --org tidak-ada --as pelamar1 --parent 1 \(now)",  // an unknown organisation
            "actor grant hantu operator --org upt-demo \(now)",
            "actor grant operator1 peran_karangan --org upt-demo \(now)",
            "form show tidak_ada", "form validate tidak_ada examples/demo/isian_pelamar.json",
            "fire 2 ajukan --as pelamar1 --form demo_pendaftaran=tidak-ada.json \(now)",  // a missing file
            "form validate demo_pendaftaran README.md",  // not JSON
            "document render 1 tutor_bantu/tidak_ada --out \(cli.folder)/dok",
            "check \(cli.folder)/tidak-ada.xml",
        ] {
            let r = try cli.run(line)
            #expect(r.status == 2, "seleksi \(line) → \(r.status): \(r.stderr)")
        }
    }

    @Test func whatTheRulesRefuseIsOneInEveryCommand() throws {
        let cli = try prepared()
        let now = "--now 2026-01-05T09:00"
        for line in [
            "fire 2 nilai --as penilai1 \(now)",  // not allowed in this state
            "fire 2 ajukan --as penilai1 --form demo_pendaftaran=examples/demo/isian_pelamar.json \(now)",  // not his role
            "fire 2 ajukan --as pelamar1 --form demo_pendaftaran=examples/demo/isian_salah.json \(now)",  // answers break the form
            "form validate demo_pendaftaran examples/demo/isian_salah.json \(now)",  // the same answers, checked alone
            "org add upt-demo --name Ganda --kind upt \(now)",  // an id already used
            "document render 1 tutor_bantu/sk_tim --out \(cli.folder)/dok",  // a document of another kind of instance
        ] {
            let r = try cli.run(line)
            #expect(r.status == 1, "seleksi \(line) → \(r.status): \(r.stderr)")
        }
    }

    /// A row edited with SQL between two commands: the next command that would change it is refused
    /// with 4, as `audit verify` answers for the same file, in the language asked for; nothing is written.
    @Test func aRowEditedOutsideSeleksiIsFourForTheNextCommandAsForVerify() throws {
        let cli = try prepared()
        let db = try Database(path: cli.db, create: false)
        try db.execute("UPDATE instances SET vars = json_set(vars, '$.skor', 100) WHERE id = 2")
        let rows = try db.prepare("SELECT count(*) FROM audit_log").first { $0.int(0) }
        let fire = "fire 2 ajukan --as pelamar1 --form demo_pendaftaran=examples/demo/isian_pelamar.json "
            + "--now 2026-01-05T09:00"
        let refused = try cli.run(fire)
        #expect(refused.status == 4, "\(refused.stderr)")
        #expect(refused.stderr.contains("instans #2"), "\(refused.stderr)")
        #expect(refused.stderr.contains("di luar Seleksi"), "\(refused.stderr)")
        let english = try cli.run(fire + " --lang en")
        #expect(english.status == 4 && english.stderr.contains("changed outside Seleksi"), "\(english.stderr)")
        #expect(try db.prepare("SELECT count(*) FROM audit_log").first { $0.int(0) } == rows)
        let verify = try cli.run("audit verify")
        #expect(verify.status == 4 && (verify.stdout + verify.stderr).contains("instances #2"),
                "\(verify.stdout)\(verify.stderr)")
    }

    @Test func aMissingDatabaseIsThreeAndAWrongCommandLineIs64() throws {
        let cli = CLIRunner()
        for line in [
            "show 1", "fire 1 ajukan --as pelamar1", "list", "report 1", "form show demo_pendaftaran", "audit verify",
            "actor list",
        ] {
            let r = try cli.run(line)
            #expect(r.status == 3, "seleksi \(line) → \(r.status): \(r.stderr)")
        }
        for line in ["show", "show satu", "fire 1", "terbang", "report 1 --format pdf", "list --limit 0"] {
            let r = try cli.run(line)
            #expect(r.status == 64, "seleksi \(line) → \(r.status): \(r.stderr)")
        }
    }

    @Test func anEmptyDatabasePathIs64WithTheCommandsOwnUsage() throws {
        let cli = CLIRunner()
        for command in ["list", "show 1", "history 1"] {
            let r = try cli.run(command.split(separator: " ").map(String.init) + ["--db", "  "])
            #expect(r.status == 64, "seleksi \(command) --db '  ' → \(r.status): \(r.stderr)")
            #expect(r.stderr.contains("--db / SELEKSI_DB kosong"), "\(r.stderr)")
            #expect(r.stderr.contains("Usage: seleksi \(command.split(separator: " ")[0])"), "\(r.stderr)")
        }
    }

    @Test func aSimulatedTimeOnARealDatabaseAndAnOutputThatExistsAreBadInput() throws {
        let cli = CLIRunner()
        #expect(try cli.run("init").status == 0)
        let r = try cli.run("show 1 --now 2019-07-01")
        #expect(r.status == 2, "\(r.stderr)")
        let sim = try prepared()
        let out = sim.folder + "/laporan.html"
        #expect(try sim.run(["report", "1", "--format", "html", "--out", out]).status == 0)
        let again = try sim.run(["report", "1", "--format", "html", "--out", out])
        #expect(again.status == 2 && again.stderr.contains("--replace"))
        #expect(try sim.run(["report", "1", "--format", "html", "--out", out, "--replace"]).status == 0)
    }

    @Test func helpListsTheRuleAndTheCompletionScriptIsGenerated() throws {
        let cli = CLIRunner()
        let help = try cli.run("--help")
        for line in [
            "  1  ditolak oleh aturan", "  2  masukan salah", "  3  masalah basis data", "  4  log audit tidak utuh",
            "  64 baris perintah salah",
        ] {
            #expect(help.stdout.contains(line), "\(line)")
        }
        let bash = try cli.run("--generate-completion-script bash")
        #expect(bash.status == 0 && bash.stdout.contains("_seleksi"))
    }
}
