import Foundation
import Ink
import Mustache
import SeleksiCore
import SeleksiEngine

/// Renders `templates/<folder>/<name>.md.mustache` against an instance's document context into
/// Markdown and print-ready HTML, writes both, and records their SHA-256 in the audit log.
/// The same state renders to the same bytes.
public struct DocumentRenderer {
    public let templatesFolder: String

    public init(templatesFolder: String) { self.templatesFolder = templatesFolder }

    public struct Rendered: Sendable {
        public let markdownPath: String
        public let htmlPath: String
        public let sha256: String
    }

    /// The templates available, as `folder/name`.
    public func templates() -> [String] {
        guard let e = FileManager.default.enumerator(atPath: templatesFolder) else { return [] }
        return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".md.mustache") }.map { String($0.dropLast(".md.mustache".count)) }.sorted()
    }

    public func render(_ template: String, instance: Int64, engine: Engine, outputFolder: String, fileName: String? = nil,
                       actor: String = Command.systemActor, now: Timestamp) throws -> Rendered {
        let path = (templatesFolder as NSString).appendingPathComponent(template + ".md.mustache")
        guard let source = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw EngineError.input("no template '\(template)' (\(path)); templates: \(templates().joined(separator: ", "))")
        }
        let mustache: MustacheTemplate
        do { mustache = try MustacheTemplate(string: source) } catch {
            throw EngineError.input("\(path): the template does not parse: \(error)")
        }
        let needs = DocumentRenderer.childrenRead(by: source)
        let context = TemplateContext.convert(try engine.documentContext(instance, childStates: needs.states, allChildren: needs.all))
        let markdown = mustache.render(context)
        let title = markdown.split(separator: "\n").first { $0.hasPrefix("#") }.map { String($0.drop { $0 == "#" || $0 == " " }) } ?? template
        let html = DocumentRenderer.page(title: title, body: MarkdownParser().html(from: markdown))
        let base = fileName ?? template.replacingOccurrences(of: "/", with: "_")
        try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
        let mdPath = (outputFolder as NSString).appendingPathComponent(base + ".md")
        let htmlPath = (outputFolder as NSString).appendingPathComponent(base + ".html")
        let mdBytes = Array(markdown.utf8), htmlBytes = Array(html.utf8)
        try Data(mdBytes).write(to: URL(fileURLWithPath: mdPath))
        try Data(htmlBytes).write(to: URL(fileURLWithPath: htmlPath))
        try engine.recordDocument(instance: instance, template: template, files: [(base + ".md", mdBytes), (base + ".html", htmlBytes)], actor: actor, now: now)
        // The audit row holds the same hash; it is repeated here for the caller.
        return Rendered(markdownPath: mdPath, htmlPath: htmlPath, sha256: sha256Hex(mdBytes))
    }

    /// Which children a template reads: the states named in `children_by_state.<state>`, and whether
    /// it walks the flat `children` list. Only those are loaded.
    static func childrenRead(by template: String) -> (states: Set<String>, all: Bool) {
        var states: Set<String> = []
        var rest = Substring(template)
        while let r = rest.range(of: "children_by_state.") {
            let name = rest[r.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty { states.insert(String(name)) }
            rest = rest[r.upperBound...]
        }
        let all = template.contains("{{#children}}") || template.contains("{{children.") || template.contains("{{^children}}")
        return (states, all)
    }

    /// An A4 page in the typeface of Indonesian official letters.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <title>\(title.replacingOccurrences(of: "<", with: "&lt;"))</title>
        <style>
        @page { size: A4; margin: 2.5cm 2cm 2cm 3cm; }
        body { font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.5; max-width: 16cm; margin: auto; }
        h1, h2, h3 { text-align: center; font-size: 12pt; margin: 0.4em 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
        th, td { border: 1px solid #000; padding: 2px 6px; vertical-align: top; }
        hr { page-break-after: always; border: 0; }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
