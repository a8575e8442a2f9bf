import SeleksiCore
import SeleksiStore
import SeleksiXML

/// Definitions by content hash: an instance runs the versions it started on, whatever is loaded since.
extension Engine {
    func currentHash(kind: String, id: String) throws -> String? {
        try store.currentDefinitionHash(kind: kind, id: id)
    }

    func workflow(hash: String) throws -> WorkflowDefinition {
        if let w = workflowCache[DigestKey(hash)] { return w }
        guard let source = try store.definitionSource(hash: hash), source.kind == "workflow" else {
            throw EngineError.input("definisi alur \(hash) tidak ada di basis data; `seleksi audit verify` menyebut sebabnya",
                                    en: "workflow definition \(hash) is missing from the database; `seleksi audit verify` says why")
        }
        try requireContent(source.bytes, hash: hash, file: source.file)
        do {
            let w = try WorkflowLoader.load(source.bytes, file: source.file, validateSchema: false)
            workflowCache[DigestKey(hash)] = w
            return w
        } catch let list as DiagnosticList { throw EngineError.definitions(list.diagnostics) }
    }

    func form(hash: String) throws -> FormDefinition {
        if let f = formCache[DigestKey(hash)] { return f }
        guard let source = try store.definitionSource(hash: hash), source.kind == "form" else {
            throw EngineError.input("definisi formulir \(hash) tidak ada di basis data; `seleksi audit verify` menyebut sebabnya",
                                    en: "form definition \(hash) is missing from the database; `seleksi audit verify` says why")
        }
        try requireContent(source.bytes, hash: hash, file: source.file)
        do {
            let f = try FormLoader.load(source.bytes, file: source.file, validateSchema: false)
            formCache[DigestKey(hash)] = f
            return f
        } catch let list as DiagnosticList { throw EngineError.definitions(list.diagnostics) }
    }

    /// A stored definition is read back only if its bytes still have the hash it is stored under: then
    /// they are the bytes validated when it was loaded, and the XML Schema need not run again.
    private func requireContent(_ bytes: [UInt8], hash: String, file: String) throws {
        guard Hash256.of(bytes).hex == hash else {
            throw EngineError.input("definisi \(file) yang tersimpan telah diubah (hash tidak cocok); `seleksi audit verify` menjelaskan",
                                    en: "the stored definition \(file) was changed (its hash does not match); see `seleksi audit verify`")
        }
    }

    /// The current version of a form, by id (for `seleksi form` commands outside an instance).
    public func currentForm(_ id: String) throws -> FormDefinition {
        try wrap {
            guard let hash = try currentHash(kind: "form", id: id) else {
                let known = try store.currentDefinitionIDs(kind: "form")
                throw EngineError.input("tidak ada formulir '\(id)'; formulir yang ada: \(known.joined(separator: ", "))",
                                        en: "no form '\(id)'; forms: \(known.joined(separator: ", "))")
            }
            return try form(hash: hash)
        }
    }

    /// The current version of a workflow, by id.
    public func currentWorkflow(_ id: String) throws -> WorkflowDefinition {
        try wrap {
            guard let hash = try currentHash(kind: "workflow", id: id) else {
                let known = try currentWorkflowIDs().joined(separator: ", ")
                throw EngineError.input("tidak ada alur '\(id)'; alur yang ada: \(known)", en: "no workflow '\(id)'; workflows: \(known)")
            }
            return try workflow(hash: hash)
        }
    }

    public func currentWorkflowIDs() throws -> [String] {
        try wrap { try store.currentDefinitionIDs(kind: "workflow") }
    }

    /// Every role some current workflow declares (a grant of any other role is a typo).
    public func declaredRoles() throws -> Set<String> {
        var roles: Set<String> = []
        for id in try currentWorkflowIDs() { for r in try currentWorkflow(id).roles { roles.insert(r.id) } }
        return roles
    }

    /// Seed tables (`lookup()`), read once per process, with the default working-day calendar
    /// (`Engine.defaultCalendarTable`) when the seed has it.
    public func referenceTables() throws -> ReferenceTables {
        if let cached = referenceCache { return cached }
        var tables: [String: [[String: String]]] = [:]
        for (table, data) in try wrap({ try store.referenceRows() }) {
            tables[table, default: []].append(JSONBridge.storedRecord(data).mapValues(\.displayText))
        }
        let loaded = ReferenceTables(tables).withCalendar(from: Engine.defaultCalendarTable)
        referenceCache = loaded
        return loaded
    }
}
