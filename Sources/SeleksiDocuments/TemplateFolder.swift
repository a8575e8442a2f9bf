import Foundation

/// The folder of templates, read so that a template can only come from inside it: a name with `..` or a
/// symlink leading out of the folder (to `/etc/passwd`, say) is refused, and listing it looks at a
/// bounded number of entries, so `--templates /` cannot walk the whole file system.
public struct TemplateFolder: Sendable {
    public let path: String
    public static let suffix = ".md.mustache"
    static let maxDepth = 4, maxEntries = 2000, maxBytes = 1 << 20
    static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-/")

    public init(path: String) { self.path = path }

    /// The source of `name` (`tutor_bantu/sk_tim`) and the file it was read from.
    func read(_ name: String) throws -> (source: String, file: String) {
        guard !name.isEmpty, name.allSatisfy(Self.nameCharacters.contains), !name.hasPrefix("/"),
            !name.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
        else {
            throw DocumentError.template(id: "nama templat '\(name)': tulis folder/nama, "
                                             + "dengan huruf, angka, _ dan - saja",
                                         en: "template name '\(name)': use folder/name, letters, digits, _ and - only")
        }
        let file = (path as NSString).appendingPathComponent(name + Self.suffix)
        guard let root = Self.realPath(path) else {
            throw DocumentError.template(id: "folder templat '\(path)' tidak ada",
                                         en: "templates folder '\(path)' does not exist")
        }
        guard let real = Self.realPath(file), Self.isRegularFile(real) else {
            let known = list().joined(separator: ", ")
            throw DocumentError.template(id: "tidak ada templat '\(name)' (\(file)); templat yang ada: \(known)",
                                         en: "no template '\(name)' (\(file)); templates: \(known)")
        }
        guard Self.isInside(real, root) else {
            throw DocumentError.template(id: "\(file) mengarah ke luar folder templat (ke \(real)); ditolak",
                                         en: "\(file) leads outside the templates folder (to \(real)); refused")
        }
        guard let data = FileManager.default.contents(atPath: real), data.count <= Self.maxBytes,
            let source = String(data: data, encoding: .utf8)
        else {
            throw DocumentError.template(id: "\(file): bukan berkas teks UTF-8 paling besar \(Self.maxBytes) bita",
                                         en: "\(file): not a UTF-8 text file of at most \(Self.maxBytes) bytes")
        }
        return (source, file)
    }

    /// The templates, as `folder/name`, sorted; at most `maxDepth` folders deep and `maxEntries` entries
    /// looked at. Symlinked folders are not entered; a symlinked template is listed only if it resolves
    /// inside the folder.
    public func list() -> [String] {
        guard let root = Self.realPath(path) else { return [] }
        var found: [String] = []
        var seen = 0
        var queue: [(relative: String, depth: Int)] = [("", 0)]
        let fm = FileManager.default
        while !queue.isEmpty, seen < Self.maxEntries {
            let (relative, depth) = queue.removeFirst()
            let folder = relative.isEmpty ? path : (path as NSString).appendingPathComponent(relative)
            for entry in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                seen += 1
                if seen > Self.maxEntries { break }
                let child = relative.isEmpty ? entry : relative + "/" + entry
                let full = (path as NSString).appendingPathComponent(child)
                guard let attributes = try? fm.attributesOfItem(atPath: full) else { continue }
                let type = attributes[.type] as? FileAttributeType
                if type == .typeDirectory, depth + 1 < Self.maxDepth, !entry.hasPrefix(".") {
                    queue.append((child, depth + 1))
                } else if entry.hasSuffix(Self.suffix), type == .typeRegular || type == .typeSymbolicLink,
                    let real = Self.realPath(full), Self.isInside(real, root), Self.isRegularFile(real)
                {
                    found.append(String(child.dropLast(Self.suffix.count)))
                }
            }
        }
        return found.sorted()
    }

    static func isInside(_ real: String, _ root: String) -> Bool {
        real.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func realPath(_ p: String) -> String? {
        guard let resolved = realpath(p, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isRegularFile(_ p: String) -> Bool {
        var info = stat()
        return stat(p, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
