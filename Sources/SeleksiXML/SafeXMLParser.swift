import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SeleksiCore

/// Parses definition files with libxml2, refusing what could make a parser fetch or explode.
///
/// A DOCTYPE is refused before libxml2 sees the bytes: definitions need no DTD, and refusing it
/// closes external entities (XXE) and entity-expansion bombs ("billion laughs") at once. libxml2 is
/// also told never to touch the network (`XML_PARSE_NONET`) and is not asked to substitute entities.
public enum SafeXMLParser {
    public static let maxBytes = 4 * 1024 * 1024

    /// Parses `bytes` (read from `file`), validates it against `xsd`, and hands the root element to
    /// `build`. Every problem found is returned with its line.
    /// `validateSchema: false` is for bytes already validated, found again by their content hash (the
    /// definitions a database stores): the refusals of DOCTYPE and entities still run.
    static func withValidatedRoot<T>(_ bytes: [UInt8], file: String, schema: @autoclosure () -> CompiledSchema, rootName: String,
                                     validateSchema: Bool = true, build: (XMLElement) throws -> T) throws -> T {
        let collector = XMLErrorCollector(file: file)
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        let doc = try parse(bytes, file: file, collector: collector)
        defer { xmlFreeDoc(doc) }
        let root = try rootElement(doc, file: file, rootName: rootName)
        if validateSchema { try SchemaValidator.validate(doc, schema: schema(), file: file, collector: collector) }
        return try build(root)
    }

    /// For `seleksi check`: a well-formed document is handed to `build` even when it breaks the schema,
    /// so the file's semantic mistakes are reported with its schema errors; a document that is not
    /// well-formed gives its syntax errors alone.
    static func checkRoot<T>(_ bytes: [UInt8], file: String, schema: CompiledSchema, rootName: String,
                             build: (XMLElement) -> (T?, [Diagnostic])) -> (T?, [Diagnostic]) {
        let collector = XMLErrorCollector(file: file)
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        do {
            let doc = try parse(bytes, file: file, collector: collector)
            defer { xmlFreeDoc(doc) }
            let root = try rootElement(doc, file: file, rootName: rootName)
            var schemaErrors: [Diagnostic] = []
            do {
                try SchemaValidator.validate(doc, schema: schema, file: file, collector: collector)
            } catch let list as DiagnosticList {
                schemaErrors = list.diagnostics
            }
            let (value, more) = build(root)
            return (value, schemaErrors + more)
        } catch let list as DiagnosticList {
            return (nil, list.diagnostics)
        } catch {
            return (nil, [Diagnostic(file: file, line: 1, id: "\(error)", en: "\(error)")])
        }
    }

    private static func parse(_ bytes: [UInt8], file: String, collector: XMLErrorCollector) throws -> xmlDocPtr {
        guard bytes.count <= maxBytes else {
            throw DiagnosticList([Diagnostic(file: file, line: 1,
                id: "berkas \(bytes.count) bita; definisi paling besar \(maxBytes) bita",
                en: "file is \(bytes.count) bytes; definitions are limited to \(maxBytes) bytes")])
        }
        if let line = lineOfDeclaration(in: bytes) {
            throw DiagnosticList([Diagnostic(file: file, line: line,
                id: "deklarasi DOCTYPE dan ENTITY tidak diizinkan dalam berkas definisi (dapat membaca berkas lain atau mengembang "
                    + "tanpa batas); hapus deklarasinya",
                en: "DOCTYPE and ENTITY declarations are not allowed in definition files (they can read other files or expand "
                    + "without bound); remove the declaration")])
        }
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque(), collectXMLError)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        // COMPACT keeps small texts inside their nodes (fewer allocations); the tree is only read.
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOCDATA.rawValue)
            | Int32(XML_PARSE_COMPACT.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), file, "UTF-8", options)
            }
        }
        guard let doc else {
            throw DiagnosticList(collector.diagnostics.isEmpty
                ? [Diagnostic(file: file, line: 1, id: "bukan XML yang tersusun baik", en: "not well-formed XML")]
                : collector.diagnostics)
        }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            xmlFreeDoc(doc)
            throw DiagnosticList([Diagnostic(file: file, line: 1, id: "deklarasi DOCTYPE tidak diizinkan dalam berkas definisi",
                                             en: "DOCTYPE declarations are not allowed in definition files")])
        }
        return doc
    }

    private static func rootElement(_ doc: xmlDocPtr, file: String, rootName: String) throws -> XMLElement {
        guard let rootNode = xmlDocGetRootElement(doc) else {
            throw DiagnosticList([Diagnostic(file: file, line: 1, id: "dokumen tidak punya elemen akar", en: "the document has no root element")])
        }
        let root = XMLElement(rootNode)
        guard root.name == rootName else {
            throw DiagnosticList([Diagnostic(file: file, line: root.line,
                id: "elemen akarnya <\(root.name)>; berkas di sini harus diawali <\(rootName)>",
                en: "root element is <\(root.name)>; a file here must start with <\(rootName)>")])
        }
        return root
    }

    /// The line of a `<!DOCTYPE` or `<!ENTITY`, if the bytes contain one. It runs on every definition
    /// a command reads: `!` (rare: comments and declarations) is looked for with memchr, and lines are
    /// counted only up to a declaration, which a definition never has.
    static func lineOfDeclaration(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            guard let base = b.baseAddress else { return nil }
            var i = 1
            while i < b.count, let hit = memchr(base + i, Int32(UInt8(ascii: "!")), b.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - 1
                let rest = b[at...]
                if rest.starts(with: "<!DOCTYPE".utf8) || rest.starts(with: "<!ENTITY".utf8) {
                    return 1 + b[..<at].lazy.filter { $0 == UInt8(ascii: "\n") }.count
                }
                i = at + 2
            }
            return nil
        }
    }
}

/// Collects libxml2's structured errors for one parse, with their lines.
final class XMLErrorCollector {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }
}

func collectXMLError(_ userData: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let userData, let error else { return }
    let collector = Unmanaged<XMLErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    var message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
    while message.last == "\n" || message.last == " " { message.removeLast() }
    // libxml2 speaks English; say in Indonesian what kind of problem it is, and keep its words.
    let isSchema = error.pointee.domain == Int32(XML_FROM_SCHEMASV.rawValue)
    collector.diagnostics.append(Diagnostic(
        file: collector.file, line: max(1, Int(error.pointee.line)),
        id: (isSchema ? "tidak sesuai skema: " : "XML tidak sah: ") + message, en: message))
}
