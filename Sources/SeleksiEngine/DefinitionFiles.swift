import CSV
import Foundation
import SeleksiCore
import SeleksiXML

/// Definition files read from disk, parsed, schema-checked and semantically checked together.
public struct DefinitionSet: Sendable {
    public var forms: [FormDefinition] = []
    public var workflows: [WorkflowDefinition] = []
    /// The exact bytes of each definition, keyed by `kind/id`, for storage by content hash.
    public var sources: [String: (file: String, bytes: [UInt8])] = [:]
    public var diagnostics: [Diagnostic] = []
    public var fileCount = 0
    /// Definitions read only for the checks: their files break the schema, so they cannot be loaded.
    public var unusable: Set<String> = []

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

public enum DefinitionFiles {
    /// Loads every `.xml` under the given paths (files or folders). With no paths: `forms/` and
    /// `workflows/` of `root`. Files are told apart by their root element. A file that breaks the
    /// schema is still read as far as it can be, so its other mistakes are reported in the same run;
    /// one that is not well-formed XML hides nothing of the others (what names it is not reported again).
    /// `seed` (default `root/seed`) gives the seed tables `lookup()` and calendars are checked against.
    public static func load(paths: [String], root: String = FileManager.default.currentDirectoryPath,
                            seed: String? = nil) -> DefinitionSet {
        var set = DefinitionSet()
        let targets = paths.isEmpty ? ["forms", "workflows"].map { (root as NSString).appendingPathComponent($0) } : paths
        var files: [String] = []
        for target in targets {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
                set.diagnostics.append(Diagnostic(file: target, line: 0, id: "berkas atau folder tidak ada", en: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
                files += names.filter { $0.hasSuffix(".xml") }.sorted().map { (target as NSString).appendingPathComponent($0) }
            } else {
                files.append(target)
            }
        }
        set.fileCount = files.count
        var unreadable: Set<String> = []
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = try SafeFile.read(file, limit: SafeXMLParser.maxBytes, what: "definisi")
            } catch let e as EngineError {
                set.diagnostics.append(Diagnostic(file: file, line: 0, id: e.message(.id), en: e.message(.en)))
                continue
            } catch {
                set.diagnostics.append(Diagnostic(file: file, line: 0, id: "berkas tidak dapat dibaca", en: "cannot read the file"))
                continue
            }
            add(bytes, file: file, to: &set, unreadable: &unreadable)
        }
        let seedFolder = seed ?? (root as NSString).appendingPathComponent("seed")
        set.diagnostics += crossCheck(set, referenceColumns: referenceColumns(seedFolder), unreadable: unreadable)
        return set
    }

    /// Checks definitions given as bytes (those stored in a database at `init`), as files are checked;
    /// `referenceColumns` are the seed tables stored with them (nil: `lookup()` is not checked).
    public static func check(sources: [(file: String, bytes: [UInt8])], referenceColumns: [String: [String]]? = nil)
        -> DefinitionSet
    {
        var set = DefinitionSet()
        set.fileCount = sources.count
        var unreadable: Set<String> = []
        for source in sources { add(source.bytes, file: source.file, to: &set, unreadable: &unreadable) }
        set.diagnostics += crossCheck(set, referenceColumns: referenceColumns, unreadable: unreadable)
        return set
    }

    /// Parses one definition into the set, told apart by its root element. A file that breaks the schema
    /// is still read as far as it can be; one that does not parse at all leaves its id in `unreadable`.
    private static func add(_ bytes: [UInt8], file: String, to set: inout DefinitionSet, unreadable: inout Set<String>) {
        if rootName(bytes) == "workflow" {
            let (w, problems) = WorkflowLoader.loadForCheck(bytes, file: file)
            set.diagnostics += problems
            if let w {
                set.workflows.append(w)
                if problems.contains(where: { $0.severity == .error }) { set.unusable.insert("workflow/\(w.id)") }
                set.sources["workflow/\(w.id)"] = (file, bytes)
            } else if let id = rootID(bytes) {
                unreadable.insert(id)
            }
        } else {
            let (f, problems) = FormLoader.loadForCheck(bytes, file: file)
            set.diagnostics += problems
            if let f {
                set.forms.append(f)
                if problems.contains(where: { $0.severity == .error }) { set.unusable.insert("form/\(f.id)") }
                set.sources["form/\(f.id)"] = (file, bytes)
            } else if let id = rootID(bytes) {
                unreadable.insert(id)
            }
        }
    }

    /// Semantic checks across files, and duplicate ids between files.
    static func crossCheck(_ set: DefinitionSet, referenceColumns: [String: [String]]? = nil, unreadable: Set<String> = [])
        -> [Diagnostic]
    {
        var out: [Diagnostic] = []
        var seen: [String: String] = [:]
        for f in set.forms {
            if let other = seen["form/\(f.id)"] {
                out.append(Diagnostic(file: f.file, line: 1, id: "id formulir '\(f.id)' juga dipakai di \(other)",
                                      en: "form id '\(f.id)' is also defined in \(other)"))
            }
            seen["form/\(f.id)"] = f.file
        }
        for w in set.workflows {
            if let other = seen["workflow/\(w.id)"] {
                out.append(Diagnostic(file: w.file, line: 1, id: "id alur '\(w.id)' juga dipakai di \(other)",
                                      en: "workflow id '\(w.id)' is also defined in \(other)"))
            }
            seen["workflow/\(w.id)"] = w.file
        }
        let checker = DefinitionChecker(forms: set.forms, workflows: set.workflows, referenceColumns: referenceColumns,
                                        defaultCalendar: Engine.defaultCalendarTable, unreadable: unreadable)
        for f in set.forms { out += checker.check(form: f) }
        for w in set.workflows { out += checker.check(workflow: w) }
        return out
    }

    /// The seed tables under `folder` (`sub/file.csv` → `sub/file`) and their columns; nil when there
    /// is no such folder (then `lookup()` is not checked).
    static func referenceColumns(_ folder: String) -> [String: [String]]? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        var out: [String: [String]] = [:]
        for sub in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
            let dir = (folder as NSString).appendingPathComponent(sub)
            guard fm.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for file in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []).sorted() where file.hasSuffix(".csv") {
                let path = (dir as NSString).appendingPathComponent(file)
                guard let bytes = try? SafeFile.read(path, limit: SeedLoader.maxFileBytes, what: "berkas seed"),
                      let reader = try? CSVReader(string: String(decoding: bytes, as: UTF8.self), hasHeaderRow: true, trimFields: true)
                else { continue }
                out["\(sub)/\(file.dropLast(4))"] = reader.headerRow ?? []
            }
        }
        return out
    }

    /// The `id` attribute of the root element, read without a parser (for a file that does not parse).
    static func rootID(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard let open = text.range(of: "<workflow") ?? text.range(of: "<form") else { return nil }
        let rest = text[open.upperBound...]
        guard let id = rest.range(of: "id=\"") else { return nil }
        let value = rest[id.upperBound...].prefix { $0 != "\"" && $0 != ">" }
        return value.isEmpty ? nil : String(value)
    }

    /// The name of the first element, without a full parse (to route the file to its loader).
    static func rootName(_ bytes: [UInt8]) -> String? {
        var i = 0
        let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
        while i < bytes.count {
            // Skip comments whole: they may mention elements.
            if i + 4 <= bytes.count, Array(bytes[i..<i + 4]) == commentOpen {
                i += 4
                while i + 3 <= bytes.count, Array(bytes[i..<i + 3]) != commentClose { i += 1 }
                i += 3
                continue
            }
            if bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "?"), bytes[i + 1] != UInt8(ascii: "!") {
                var j = i + 1
                var name: [UInt8] = []
                while j < bytes.count, ![UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[j]) {
                    name.append(bytes[j])
                    j += 1
                }
                return String(decoding: name, as: UTF8.self)
            }
            i += 1
        }
        return nil
    }
}
