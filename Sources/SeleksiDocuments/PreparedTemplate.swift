import Foundation
import Mustache
import SeleksiEngine

/// A template's source read once: its header, its compiled Mustache, the names it prints and the
/// children it walks. The demo renders the same contract for every tutor; reading the template again
/// for each of them was a twentieth of the demo's time.
struct PreparedTemplate: @unchecked Sendable {
    let header: TemplateHeader
    let mustache: MustacheTemplate
    let projection: DocumentProjection
    let children: (states: Set<String>, all: Bool)

    /// From the cache when this file held this source before; a changed file is read anew.
    static func prepare(_ source: String, file: String) throws -> PreparedTemplate {
        let key = file + "\u{0}" + source
        if let hit = cache.get(key) { return hit }
        guard !TextToken.occurs(in: source) else {
            throw DocumentError.template("\(file): contains characters reserved for user text (U+F0000–U+F01FF)")
        }
        let header = try TemplateHeader.parse(source, file: file)
        let mustache: MustacheTemplate
        do { mustache = try MustacheTemplate(string: source) } catch {
            throw DocumentError.template("\(file): the template does not parse: \(error)")
        }
        let prepared = PreparedTemplate(
            header: header, mustache: mustache, projection: DocumentProjection(template: source),
            children: DocumentRenderer.childrenRead(by: source))
        cache.put(key, prepared)
        return prepared
    }

    private static let cache = Cache()

    /// A few dozen templates at most are shipped; the bound only keeps a long-running embedder that
    /// renders ever-changing sources from growing without end.
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: PreparedTemplate] = [:]

        func get(_ key: String) -> PreparedTemplate? { lock.withLock { entries[key] } }

        func put(_ key: String, _ value: PreparedTemplate) {
            lock.withLock {
                if entries.count >= 64 { entries.removeAll() }
                entries[key] = value
            }
        }
    }
}
