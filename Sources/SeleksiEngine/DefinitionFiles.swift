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

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}

public enum DefinitionFiles {
    /// Loads every `.xml` under the given paths (files or folders). With no paths: `forms/` and
    /// `workflows/` of `root`. Files are told apart by their root element.
    public static func load(paths: [String], root: String = FileManager.default.currentDirectoryPath) -> DefinitionSet {
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
            add(bytes, file: file, to: &set)
        }
        set.diagnostics += crossCheck(set)
        return set
    }

    /// Checks definitions given as bytes (those stored in a database at `init`), as files are checked.
    public static func check(sources: [(file: String, bytes: [UInt8])]) -> DefinitionSet {
        var set = DefinitionSet()
        set.fileCount = sources.count
        for source in sources { add(source.bytes, file: source.file, to: &set) }
        set.diagnostics += crossCheck(set)
        return set
    }

    /// Parses one definition into the set, told apart by its root element.
    private static func add(_ bytes: [UInt8], file: String, to set: inout DefinitionSet) {
        do {
            if rootName(bytes) == "workflow" {
                let w = try WorkflowLoader.load(bytes, file: file)
                set.workflows.append(w)
                set.sources["workflow/\(w.id)"] = (file, bytes)
            } else {
                let f = try FormLoader.load(bytes, file: file)
                set.forms.append(f)
                set.sources["form/\(f.id)"] = (file, bytes)
            }
        } catch let list as DiagnosticList {
            set.diagnostics += list.diagnostics
        } catch {
            set.diagnostics.append(Diagnostic(file: file, line: 0, id: "\(error)", en: "\(error)"))
        }
    }

    /// Semantic checks across files, and duplicate ids between files.
    static func crossCheck(_ set: DefinitionSet) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: [String: String] = [:]
        for f in set.forms {
            if let other = seen["form/\(f.id)"] {
                out.append(Diagnostic(file: f.file, line: 1, id: "id formulir '\(f.id)' juga didefinisikan di \(other)", en: "form id '\(f.id)' is also defined in \(other)"))
            }
            seen["form/\(f.id)"] = f.file
        }
        for w in set.workflows {
            if let other = seen["workflow/\(w.id)"] {
                out.append(Diagnostic(file: w.file, line: 1, id: "id alur '\(w.id)' juga didefinisikan di \(other)", en: "workflow id '\(w.id)' is also defined in \(other)"))
            }
            seen["workflow/\(w.id)"] = w.file
        }
        let checker = DefinitionChecker(forms: set.forms, workflows: set.workflows)
        for f in set.forms { out += checker.check(form: f) }
        for w in set.workflows { out += checker.check(workflow: w) }
        return out
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
