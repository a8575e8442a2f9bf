import CCMark
import Foundation

/// Markdown to HTML through cmark-gfm, the CommonMark reference parser GitHub uses, with GitHub's pipe
/// tables (the only extension the templates use: lists, emphasis, headings, backslash line breaks and
/// block quotes are CommonMark itself).
///
/// Raw HTML stays off (no `CMARK_OPT_UNSAFE`): no template writes any (their layout is fenced blocks,
/// `MarkdownLayout`), and user text is a token here, escaped only after this step. With it off, an HTML
/// tag or a `javascript:` link written into a template by mistake is dropped rather than printed live.
enum CommonMark {
    static func html(_ markdown: String) -> String {
        lock.withLock {
            guard let parser = cmark_parser_new(options) else { return "" }
            defer { cmark_parser_free(parser) }
            cmark_parser_attach_syntax_extension(parser, table)
            var source = markdown
            source.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            guard let document = cmark_parser_finish(parser) else { return "" }
            defer { cmark_node_free(document) }
            guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    private static let options = CMARK_OPT_DEFAULT

    /// cmark-gfm's extension registry is a process-wide list filled by an unguarded check-then-set: two
    /// threads registering at once abort the process. A Swift static is initialised exactly once. The
    /// extension it finds lives as long as the process and is used only under `lock`.
    nonisolated(unsafe) private static let table: OpaquePointer = {
        cmark_gfm_core_extensions_ensure_registered()
        return cmark_find_syntax_extension("table")!
    }()

    /// Attaching an extension writes its characters into a table the parsers share, so renderings are
    /// taken one at a time (a contract takes a fraction of a millisecond; tests render in parallel).
    private static let lock = NSLock()
}
