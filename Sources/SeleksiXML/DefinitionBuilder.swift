import SeleksiCore

/// Shared by the form and workflow builders: collects diagnostics instead of stopping at the first,
/// so `seleksi check` reports every problem of a file in one run.
struct DefinitionBuilder {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ line: Int, id: String, en: String) {
        diagnostics.append(Diagnostic(file: file, line: line, id: id, en: en))
    }

    /// Parses an expression attribute; on failure records where, with a caret under the column.
    /// `what` names the attribute in both languages (`("syarat 'ajukan'", "guard of 'ajukan'")`).
    mutating func expression(_ source: String?, line: Int, what: (id: String, en: String)) -> Expression? {
        guard let source else { return nil }
        do {
            return try Expression(source)
        } catch {
            let pointer = error.pointer(in: source)
            self.error(line, id: "\(what.id): \(error.text(.id)) pada kolom \(error.offset + 1)\n\(pointer)",
                       en: "\(what.en): \(error.text(.en)) at column \(error.offset + 1)\n\(pointer)")
            return nil
        }
    }

    /// The same, for an attribute named alike in both languages.
    mutating func expression(_ source: String?, line: Int, what: String) -> Expression? {
        expression(source, line: line, what: (what, what))
    }

    /// `<label lang="id">…</label><label lang="en">…</label>` into one localized text.
    func text(_ elements: [XMLElement], fallback: String) -> LocalizedText {
        let id = elements.first { $0["lang"] == "id" }?.text
        let en = elements.first { $0["lang"] == "en" }?.text
        return LocalizedText(id: id ?? en ?? fallback, en: en)
    }

    func flag(_ value: String?) -> Bool { value == "true" || value == "1" }

    func finish<T>(_ value: T) throws -> T {
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return value
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
