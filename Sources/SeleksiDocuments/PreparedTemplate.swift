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
        if let hit = cache.get(file, source) { return hit }
        guard !TextToken.occurs(in: source) else {
            throw DocumentError.template(id: "\(file): berisi karakter yang dicadangkan untuk teks pengguna "
                                             + "(U+F0000–U+F01FF)",
                                         en: "\(file): contains characters reserved for user text (U+F0000–U+F01FF)")
        }
        let header = try TemplateHeader.parse(source, file: file)
        let mustache: MustacheTemplate
        do { mustache = try MustacheTemplate(string: source) } catch {
            throw DocumentError.template(id: "\(file): templat tidak dapat diurai: \(error)",
                                         en: "\(file): the template does not parse: \(error)")
        }
        let prepared = PreparedTemplate(
            header: header, mustache: mustache, projection: DocumentProjection(template: source),
            children: DocumentRenderer.childrenRead(by: source))
        cache.put(file, source, prepared)
        return prepared
    }

    private static let cache = Cache()

    /// A few dozen templates at most are shipped; the bound only keeps a long-running embedder that
    /// renders ever-changing sources from growing without end.
    /// Keyed by file, holding the source it was prepared from: a hit compares the source instead of
    /// hashing it with the file's name into a new key on every rendering.
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: (source: String, prepared: PreparedTemplate)] = [:]

        func get(_ file: String, _ source: String) -> PreparedTemplate? {
            lock.withLock { entries[file].flatMap { $0.source == source ? $0.prepared : nil } }
        }

        func put(_ file: String, _ source: String, _ value: PreparedTemplate) {
            lock.withLock {
                if entries.count >= 64 { entries.removeAll() }
                entries[file] = (source, value)
            }
        }
    }
}
