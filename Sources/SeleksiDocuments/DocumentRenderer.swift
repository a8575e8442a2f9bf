import Foundation
import Mustache
import SeleksiCore
import SeleksiEngine

/// Renders `templates/<folder>/<name>.md.mustache` against an instance's document context into
/// Markdown and print-ready HTML (and a PDF where Chromium is installed), writes them together, and
/// records their SHA-256 in the audit log. The same state renders to the same bytes.
///
/// Before rendering, the template's header (`TemplateHeader`) is checked against the context: a
/// document whose data the instance does not have yet is refused, naming the data and the step.
public struct DocumentRenderer: Sendable {
    public let templatesFolder: String

    public init(templatesFolder: String) { self.templatesFolder = templatesFolder }

    public struct Rendered: Sendable {
        public let markdownPath: String
        public let htmlPath: String
        public let pdfPath: String?
        /// Of the Markdown file, as recorded in the audit log.
        public let sha256: String
    }

    /// Markdown and HTML made from one template and one context, not yet written.
    public struct Output: Sendable {
        public let markdown: String
        public let html: String
    }

    /// The templates available, as `folder/name`.
    public func templates() -> [String] { TemplateFolder(path: templatesFolder).list() }

    /// Renders and writes `template` for `instance` into `outputFolder` as `<name>-<instance>.md` and
    /// `.html` (and `.pdf` with `pdf`), refusing to overwrite an earlier rendering unless `replace`.
    ///
    /// Without `batch` the files are on disk under their names when this returns. With one, they are
    /// written under temporary names and take their names at `batch.commit()`, which syncs the whole
    /// batch at once (the demo renders thousands); the audit log records the document now, so the
    /// caller commits before it treats its database as done.
    public func render(
        _ template: String, instance: Int64, engine: Engine, outputFolder: String,
        replace: Bool = false, pdf: PDFPrinter? = nil,
        actor: String = Command.systemActor, now: Timestamp, batch: DocumentBatch? = nil
    ) throws -> Rendered {
        let read = try readContext(template, instance: instance, engine: engine)
        var files = try composeFiles(read)
        if let pdf {
            files.append(DocumentFile(
                name: Self.baseName(template, instance) + ".pdf", bytes: try pdf.pdf(fromHTML: files[1].bytes)))
        }
        return try place(
            files, of: read, outputFolder: outputFolder, replace: replace, engine: engine, actor: actor, now: now,
            batch: batch)
    }

    /// Whether `template` lists the children of its instance (a round's minutes list its applicants).
    func listsChildren(_ template: String) throws -> Bool {
        let (source, file) = try TemplateFolder(path: templatesFolder).read(template)
        let children = try PreparedTemplate.prepare(source, file: file).children
        return children.all || !children.states.isEmpty
    }

    /// A document's template and the context it is rendered from: what is read from the engine.
    struct ReadContext: Sendable {
        let template: String
        let instance: Int64
        let prepared: PreparedTemplate
        let context: Value
        let reference: ReferenceTables
    }

    func readContext(_ template: String, instance: Int64, engine: Engine) throws -> ReadContext {
        let (source, file) = try TemplateFolder(path: templatesFolder).read(template)
        let prepared = try PreparedTemplate.prepare(source, file: file)
        let context = try engine.documentContext(instance, childStates: prepared.children.states,
                                                 allChildren: prepared.children.all, projection: prepared.projection)
        return ReadContext(template: template, instance: instance, prepared: prepared, context: context,
                           reference: try engine.referenceTables())
    }

    /// The document's `.md` and `.html` bytes with their hashes: pure, so it may run on another thread
    /// (`renderAll`).
    func composeFiles(_ read: ReadContext) throws -> [DocumentFile] {
        let output = try compose(
            read.prepared, template: read.template, instance: read.instance, context: read.context,
            reference: read.reference)
        let base = Self.baseName(read.template, read.instance)
        return [DocumentFile(name: base + ".md", bytes: Array(output.markdown.utf8)),
                DocumentFile(name: base + ".html", bytes: Array(output.html.utf8))]
    }

    /// Writes the files (or stages them in `batch`) and records them in the audit log. `files` are the
    /// `.md` and `.html`, and the `.pdf` when one was printed.
    func place(
        _ files: [DocumentFile], of read: ReadContext, outputFolder: String, replace: Bool,
        engine: Engine, actor: String, now: Timestamp, batch: DocumentBatch?
    ) throws -> Rendered {
        try stage(files, of: read, outputFolder: outputFolder, replace: replace, batch: batch)
        try engine.recordDocument(
            instance: read.instance, template: read.template, files: files, actor: actor, now: now)
        return Self.rendered(read.template, read.instance, in: outputFolder, sha256: files[0].sha256Hex,
                             pdf: files.count > 2)
    }

    /// Writes the files, or stages them in `batch`: the part of `place` that needs no engine.
    func stage(_ files: [DocumentFile], of read: ReadContext, outputFolder: String, replace: Bool,
               batch: DocumentBatch?) throws {
        let base = Self.baseName(read.template, read.instance)
        let names = ["md", "html", "pdf"].map { "\(base).\($0)" }
        let contents = files.map { (name: $0.name, bytes: $0.bytes) }
        if let batch {
            try batch.stage(contents, names: names, folder: outputFolder, replace: replace)
        } else {
            try DocumentFiles(folder: outputFolder, replace: replace).write(contents, names: names)
        }
    }

    /// Where a document's files are, by its template and instance.
    static func rendered(_ template: String, _ instance: Int64, in outputFolder: String, sha256: String, pdf: Bool)
        -> Rendered
    {
        let base = baseName(template, instance)
        func path(_ ext: String) -> String { (outputFolder as NSString).appendingPathComponent("\(base).\(ext)") }
        return Rendered(
            markdownPath: path("md"), htmlPath: path("html"), pdfPath: pdf ? path("pdf") : nil, sha256: sha256)
    }

    /// Where the HTML file of `template` for `instance` is written in `outputFolder`.
    public static func htmlPath(_ template: String, _ instance: Int64, in outputFolder: String) -> String {
        (outputFolder as NSString).appendingPathComponent(baseName(template, instance) + ".html")
    }

    /// `<name>-<instance>`: a document's files are named for its template (without the folder) and instance.
    static func baseName(_ template: String, _ instance: Int64) -> String {
        "\(template.split(separator: "/").last.map(String.init) ?? template)-\(instance)"
    }

    /// The pure part: checks the header against the context, renders the template with every text
    /// value as a token, and writes each token out escaped for its output.
    public func compose(
        _ source: String, file: String, template: String, instance: Int64,
        context given: Value, reference: ReferenceTables
    ) throws -> Output {
        try compose(
            try PreparedTemplate.prepare(source, file: file), template: template, instance: instance, context: given,
            reference: reference)
    }

    func compose(
        _ prepared: PreparedTemplate, template: String, instance: Int64, context given: Value,
        reference: ReferenceTables
    ) throws -> Output {
        let header = prepared.header
        var context = given
        ContextAugmentation.apply(header, to: &context, reference: reference)
        try DocumentChecks.check(
            header, template: template, instance: instance, context: context,
            workingDays: WorkingDays(reference: reference))
        let tokenised = prepared.mustache.render(TemplateContext.convert(context)) + Self.provenance(context)
        let lines = MarkdownLayout.lines(tokenised)
        let markdown = TextToken.replace(in: MarkdownLayout.markdownFile(lines: lines), TextEscaping.markdown)
        let title = Self.title(of: tokenised) ?? template
        let body = MarkdownLayout.html(lines: lines)
        let html = PrintPage.html(
            title: TextToken.replace(in: title, TextEscaping.html),
            body: TextToken.replace(in: body, TextEscaping.html))
        return Output(markdown: markdown, html: html)
    }

    /// The audit position the document was made from, printed at its end, so that a printed copy can
    /// later prove the log still holds that row (`seleksi audit verify --head SEQ:HASH`).
    static func provenance(_ context: Value) -> String {
        guard case .record(let c) = context, case .record(let audit)? = c["audit"],
              case .number(let seq)? = audit["seq"], case .string(let head)? = audit["head"],
              let row = Int64(exactly: seq), head.count == 64, head.allSatisfy(\.isHexDigit) else { return "" }
        return "\n\n::: catatan\nDibuat dari log audit Seleksi baris \(row), hash \(head). "
            + "Periksa: `seleksi audit verify --head \(row):\(head)`\n:::\n"
    }

    /// The first heading's text, without its `#` marks and emphasis. Only the lines up to it are looked
    /// at, byte by byte (splitting a whole contract into lines for its first one was 2.5% of the demo).
    static func title(of markdown: String) -> String? {
        var rest = Substring(markdown)
        while !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end]
            if line.utf8.first == UInt8(ascii: "#") {
                return String(line.drop { $0 == "#" || $0 == " " }).replacingOccurrences(of: "*", with: "")
            }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.utf8.index(after: end)...]
        }
        return nil
    }

    /// Which children a template reads: the states named in `children_by_state.<state>`, and whether
    /// it walks the flat `children` list. Only those are loaded (`children_by_state.*` in a header
    /// reaches the states loaded for the body).
    ///
    /// The template is searched as UTF-8 bytes: Foundation's `range(of:)` and `contains` here were 7% of
    /// rendering one document at the terminal (6.8 M of 90 M instructions for an agreement).
    static func childrenRead(by template: String) -> (states: Set<String>, all: Bool) {
        let bytes = Array(template.utf8)
        let marker = Array("children_by_state.".utf8)
        var states: Set<String> = []
        var from = 0
        while let at = firstIndex(of: marker, in: bytes, from: from) {
            from = at + marker.count
            // The name's bytes: ASCII letters, digits and `_`, and any non-ASCII (a letter, perhaps),
            // then cut as before at the first character that is not a letter, a digit or `_`.
            var end = from
            while end < bytes.count, Self.mayBeInName(bytes[end]) { end += 1 }
            let name = String(decoding: bytes[from..<end], as: UTF8.self)
                .prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { states.insert(String(name)) }
        }
        let all = ["{{#children}}", "{{children.", "{{^children}}"].contains {
            firstIndex(of: Array($0.utf8), in: bytes, from: 0) != nil
        }
        return (states, all)
    }

    private static func mayBeInName(_ b: UInt8) -> Bool {
        b >= 0x80 || b == UInt8(ascii: "_") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
    }

    /// Where `needle` first occurs in `bytes` at or after `from`.
    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = from
        while i <= bytes.count - needle.count {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
