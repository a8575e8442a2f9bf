import ArgumentParser
import Foundation
import SeleksiCore
import SeleksiEngine

/// Options every database command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Berkas basis data SQLite (atau env SELEKSI_DB; bawaan ./seleksi.sqlite).")
    var db: String?

    @Flag(name: .long, help: "Keluaran JSON untuk skrip.")
    var json = false

    @Option(name: .long, help: "Bahasa pesan: id atau en.")
    var lang: Language = .id

    @Option(name: .long, help: ArgumentHelp(
        "Waktu perintah (ISO 8601, mis. 2019-07-01T09:00 dibaca WIB); hanya untuk basis data simulasi (init --simulation).",
        valueName: "WAKTU"))
    var now: String?

    /// An empty path is refused while the command line is parsed, so that the usage printed with the
    /// error is the command's own, not the root's.
    func validate() throws { _ = try path }

    var path: String {
        get throws {
            let chosen = db ?? environmentValue("SELEKSI_DB") ?? "seleksi.sqlite"
            // Not `trimmingCharacters(in:)`: its character sets cost every command a third of a millisecond.
            guard !chosen.allSatisfy(\.isWhitespace) else {
                throw ValidationError(lang == .en ? "--db / SELEKSI_DB is empty; give the database file's path"
                                                  : "--db / SELEKSI_DB kosong; beri jalur berkas basis data")
            }
            return chosen
        }
    }

    /// The command's time: the system clock, or `--now` on a simulation database (the engine refuses
    /// it on any other, so a real log's times are the machine's).
    func timestamp() throws -> Timestamp {
        guard let now else { return Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
        guard let t = Timestamp(iso: now) else {
            throw ValidationError(lang == .en ? "--now: '\(now)' is not a time; write 2019-07-01, 2019-07-01T09:00 or 2019-07-01T02:00:00Z"
                                              : "--now: '\(now)' bukan waktu; tulis 2019-07-01, 2019-07-01T09:00 atau 2019-07-01T02:00:00Z")
        }
        return t
    }

    /// Text in the user's language.
    func t(_ id: String, _ en: String) -> String { lang == .en ? en : id }

    func openEngine() throws -> Engine {
        let engine = try report(lang) { try Engine(path: try path) }
        if now != nil, try !report(lang, { try engine.isSimulation() }) {
            fail(lang, "--now hanya untuk basis data simulasi (dibuat dengan `seleksi init --simulation`); \(try path) memakai jam sistem",
                 "--now works only on a simulation database (created with `seleksi init --simulation`); \(try path) uses the system clock")
            throw ExitCode(2)
        }
        return engine
    }

    /// Opens the engine and runs a command that only reads on one snapshot of the database
    /// (`Engine.reading`): what it prints agrees with itself while another process writes.
    func reading(_ body: (Engine) throws -> Void) throws {
        let engine = try openEngine()
        try report(lang) { try engine.reading { try body(engine) } }
    }
}

/// Options of commands that act as someone.
struct ActorOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "Pelaku yang bertindak (id pelaku).")
    var actor: String

    @Option(name: .long, help: ArgumentHelp("Tandatangani perintah dengan kunci pelaku (berkas dari `seleksi key generate`).",
                                            valueName: "BERKAS"))
    var sign: String?

    @Option(name: .long, help: ArgumentHelp("Folder lampiran: jalur berkas dibaca relatif terhadapnya dan harus di dalamnya (bawaan: folder ini).",
                                            valueName: "FOLDER"))
    var attachments: String?

    func signer(_ language: Language) throws -> SigningKey? {
        guard let sign else { return nil }
        return try report(language) { try SigningKey(file: sign) }
    }

    func configure(_ engine: Engine) {
        if let attachments { engine.attachments = Attachments(folder: attachments) }
    }
}

extension Language: ExpressibleByArgument {}

/// Runs `body`; an engine error is printed to standard error and ends the process with its exit code.
func report<T>(_ language: Language, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as EngineError {
        FileHandle.standardError.write(Data((TerminalText.safeLines(e.message(language)) + "\n").utf8))
        throw ExitCode(e.exitCode)
    }
}

/// A message to standard error in the user's language.
func fail(_ language: Language, _ id: String, _ en: String) {
    FileHandle.standardError.write(Data((TerminalText.safeLines(language == .en ? en : id) + "\n").utf8))
}

func printJSON(_ value: Value) {
    print(value.canonicalJSON)
}

/// Prints a line of text that may hold what users typed, neutralised for the terminal.
func say(_ line: String) {
    print(TerminalText.safe(line))
}

/// Prints one row of a listing: each field neutralised, the fields separated by real tabs (so a tab
/// typed into a name cannot start a column of its own).
func sayColumns(_ fields: [String]) {
    var rows = ColumnRows()
    rows.add(fields)
    rows.print()
}

/// The rows of a listing gathered as bytes and printed with one write (a `print` per row of a thousand
/// was a fifth of what `list` does after its query), each row as `sayColumns` prints it.
struct ColumnRows {
    private var bytes: [UInt8] = []

    mutating func add(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: "\t")) }
            TerminalText.appendSafe(field, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    func print() { Swift.print(String(decoding: bytes, as: UTF8.self), terminator: "") }
}

/// The largest answers file read (a form's answers are a few kilobytes; attachments are files of their own).
let maxAnswerFileBytes = 8 * 1024 * 1024

func readAnswers(_ path: String) throws -> [String: Value] {
    let bytes: [UInt8]
    if path == "-" {
        let data = FileHandle.standardInput.readData(ofLength: maxAnswerFileBytes + 1)
        guard data.count <= maxAnswerFileBytes else {
            throw EngineError.input("masukan standar lebih dari \(ByteCount.text(maxAnswerFileBytes)); tidak dibaca",
                                    en: "standard input is larger than \(ByteCount.text(maxAnswerFileBytes)); not read")
        }
        bytes = [UInt8](data)
    } else {
        bytes = try SafeFile.read(path, limit: maxAnswerFileBytes, what: "berkas isian")
    }
    return try JSONBridge.record(Data(bytes), what: path)
}

/// `form=path.json` pairs from `--form`; a form given twice is refused.
func parseFormArguments(_ pairs: [String]) throws -> [String: [String: Value]] {
    var out: [String: [String: Value]] = [:]
    for pair in pairs {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw EngineError.input("--form '\(pair)': tulis FORMULIR=BERKAS.json, mis. --form demo_pendaftaran=isian.json",
                                    en: "--form '\(pair)': write FORM=FILE.json, e.g. --form demo_pendaftaran=isian.json")
        }
        guard out[parts[0]] == nil else { throw EngineError.input("--form \(parts[0]) diberikan dua kali", en: "--form \(parts[0]) is given twice") }
        out[parts[0]] = try readAnswers(parts[1])
    }
    return out
}

func dateTime(_ seconds: Int64) -> String { Timestamp(seconds: seconds).iso }

extension TerminalText {
    /// Like `safe`, but keeps the line breaks of a multi-line message the program itself composed.
    static func safeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.safe(String($0)) }.joined(separator: "\n")
    }
}

/// `--root`, for the commands that read the project's files (init, check, document, demo).
struct RootOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Folder proyek berisi forms/, workflows/, seed/ dan templates/ (atau env SELEKSI_ROOT; bawaan: folder kerja bila berisi itu, lalu folder tempat seleksi dibangun).",
        valueName: "FOLDER"))
    var root: String?

    /// The project folder holding `needs`, or nil when none is found (and none was asked for).
    func find(_ needs: [String]) -> ProjectRoot? { ProjectRoot.find(option: root, needs: needs) }

    /// The project folder holding `needs`; a bad input (exit 2) naming what is missing otherwise.
    func require(_ needs: [String], _ language: Language) throws -> ProjectRoot {
        try report(language) {
            guard let found = find(needs) else {
                let m = ProjectRoot.missing(needs)
                throw EngineError.input(m.id, en: m.en)
            }
            if let lacking = found.lacking(needs) {
                let place = found.source == .option ? "--root" : (found.source == .environment ? "SELEKSI_ROOT" : "")
                throw EngineError.input("\(place) \(found.path) tidak berisi \(lacking)/", en: "\(place) \(found.path) holds no \(lacking)/")
            }
            return found
        }
    }
}
