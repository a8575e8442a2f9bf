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

    @Option(name: .long, help: "Waktu perintah (ISO 8601, mis. 2019-07-01T09:00 dibaca WIB); bawaan jam sistem.")
    var now: String?

    var path: String { db ?? ProcessInfo.processInfo.environment["SELEKSI_DB"] ?? "seleksi.sqlite" }

    func timestamp() throws -> Timestamp {
        guard let now else { return Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
        guard let t = Timestamp(iso: now) else {
            throw ValidationError("--now: '\(now)' is not a time; write 2019-07-01 or 2019-07-01T09:00 or 2019-07-01T02:00:00Z")
        }
        return t
    }

    func openEngine() throws -> Engine {
        try report(lang) { try Engine(path: path) }
    }
}

extension Language: ExpressibleByArgument {}

/// Runs `body`; an engine error is printed to standard error and ends the process with its exit code.
func report<T>(_ language: Language, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as EngineError {
        FileHandle.standardError.write(Data((e.message(language) + "\n").utf8))
        throw ExitCode(e.exitCode)
    }
}

func printJSON(_ value: Value) {
    print(value.canonicalJSON)
}

func readAnswers(_ path: String) throws -> [String: Value] {
    let data: Data?
    if path == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: path) }
    guard let data else { throw EngineError.input("cannot read '\(path)': no such file") }
    return try JSONBridge.record(data, what: path)
}

/// `form=path.json` pairs from `--form`.
func parseFormArguments(_ pairs: [String]) throws -> [String: [String: Value]] {
    var out: [String: [String: Value]] = [:]
    for pair in pairs {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw EngineError.input("--form '\(pair)': write FORM=FILE.json, e.g. --form demo_pendaftaran=isian.json") }
        out[parts[0]] = try readAnswers(parts[1])
    }
    return out
}

func dateTime(_ seconds: Int64) -> String { Timestamp(seconds: seconds).iso }
