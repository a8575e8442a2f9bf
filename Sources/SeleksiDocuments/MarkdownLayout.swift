import Foundation

/// Layout the Markdown of a template cannot say by itself (a letterhead, a signature block beside
/// another, an attachment on a new page) is marked with fenced blocks, as Pandoc writes them:
///
///     ::: ttd kanan
///     Kepala …,
///     :::
///
/// In the HTML each block is a `<div class="ttd kanan">` around the Markdown inside it; in the `.md`
/// file the fence lines are left out and the content reads on as plain Markdown. Fences come only from
/// a template's own text: user text is a token at this stage and cannot start a line with `:::`.
enum MarkdownLayout {
    indirect enum Node {
        case markdown(String)
        case block(classes: [String], children: [Node])
    }

    static func markdownFile(_ source: String) -> String { markdownFile(lines: Self.lines(source)) }

    /// The same from the source's lines (the renderer splits a document once for both outputs).
    static func markdownFile(lines source: [Substring]) -> String {
        // Fence lines become one empty line, runs of empty lines one, and the file has none at either
        // end: one pass over the lines (a contract is rendered once per tutor).
        var lines: [Substring] = []
        for line in source {
            let kept: Substring = fence(line) == nil ? line : ""
            if kept.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(kept)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    static func html(_ source: String) -> String { html(lines: Self.lines(source)) }

    static func html(lines: [Substring]) -> String {
        render(parse(lines: lines))
    }

    /// The lines of `text`, split at its "\n" bytes: a split by characters walked every grapheme cluster
    /// of a contract, twice per rendering (a tenth of the documents' time once the parser was cmark).
    /// The line ends are found with `memchr` over the bytes: a generic split of the UTF-8 view stepped
    /// its indices byte by byte, 2% of a national demo's instructions.
    static func lines(_ text: String) -> [Substring] {
        var text = text
        var ends: [Int] = []
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var i = 0
            while i < bytes.count, let hit = memchr(base + i, 0x0A, bytes.count - i) {
                let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                ends.append(end)
                i = end + 1
            }
        }
        let utf8 = text.utf8
        var out: [Substring] = []
        out.reserveCapacity(ends.count + 1)
        var start = utf8.startIndex, position = 0
        for end in ends {
            let stop = utf8.index(start, offsetBy: end - position)
            out.append(Substring(utf8[start..<stop]))
            start = utf8.index(after: stop)
            position = end + 1
        }
        out.append(Substring(utf8[start...]))
        return out
    }

    /// The classes a fence line opens (empty for a closing `:::`), or nil for any other line.
    static func fence(_ line: Substring) -> [String]? {
        let bytes = line.utf8
        // Nearly every line is text: its first byte after the indent settles it without the generic
        // search below (asked twice per line of every document, it was 5% of composing one).
        var i = bytes.startIndex
        while i != bytes.endIndex, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") {
            bytes.formIndex(after: &i)
        }
        guard i != bytes.endIndex, bytes[i] == UInt8(ascii: ":") else { return nil }
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
              bytes[first...].starts(with: ":::".utf8) else { return nil }
        let trimmed = line[first...]
        let classes = trimmed.dropFirst(3).split { $0 == " " || $0 == "\t" }.map(String.init)
        return classes.allSatisfy { $0.utf8.allSatisfy(isClassByte) } ? classes : nil
    }

    /// A class name's bytes: a–z, 0–9 and `-` (a set of them built per fence line was 5% of a document).
    private static func isClassByte(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            || b == UInt8(ascii: "-")
    }

    static func parse(lines: [Substring]) -> [Node] {
        var stack: [(classes: [String], children: [Node])] = [([], [])]
        var pending: [Substring] = []
        func flush() {
            if !pending.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
                stack[stack.count - 1].children.append(.markdown(pending.joined(separator: "\n")))
            }
            pending.removeAll()
        }
        for line in lines {
            guard let classes = fence(line) else {
                pending.append(line)
                continue
            }
            flush()
            if !classes.isEmpty {
                stack.append((classes, []))
            } else if stack.count > 1 {
                let done = stack.removeLast()
                stack[stack.count - 1].children.append(.block(classes: done.classes, children: done.children))
            }
        }
        flush()
        while stack.count > 1 {
            let done = stack.removeLast()
            stack[stack.count - 1].children.append(.block(classes: done.classes, children: done.children))
        }
        return stack[0].children
    }

    static func render(_ nodes: [Node]) -> String {
        nodes.map { node -> String in
            switch node {
            case .markdown(let text):
                // cmark ends every block with a line break; the blocks are joined with one below.
                var html = CommonMark.html(text)
                if html.hasSuffix("\n") { html.removeLast() }
                return html
            case .block(let classes, let children):
                return "<div class=\"\(classes.joined(separator: " "))\">\n\(render(children))\n</div>"
            }
        }.joined(separator: "\n")
    }
}
