import CLibXML2
import SeleksiCore

/// A built-in XML Schema, compiled once per process and kept for every file validated after.
///
/// libxml2 does not copy the buffer it is given for a schema, so the bytes live as long as the
/// compiled schema does (a buffer released early parses in a debug build and fails in release).
final class CompiledSchema: @unchecked Sendable {
    private let bytes: UnsafeMutableBufferPointer<CChar>
    let schema: xmlSchemaPtr?
    let problem: String?

    init(_ xsd: String) {
        let utf8 = Array(xsd.utf8CString)
        bytes = .allocate(capacity: utf8.count)
        _ = bytes.initialize(from: utf8)
        let collector = XMLErrorCollector(file: "<schema>")
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        let context = xmlSchemaNewMemParserCtxt(bytes.baseAddress, Int32(utf8.count - 1))
        defer { xmlSchemaFreeParserCtxt(context) }
        xmlSchemaSetParserStructuredErrors(context, collectXMLError, box.toOpaque())
        schema = context.flatMap { xmlSchemaParse($0) }
        problem = schema == nil ? collector.diagnostics.map(\.description).joined(separator: "; ") : nil
    }

    deinit {
        if let schema { xmlSchemaFree(schema) }
        bytes.deallocate()
    }

    static let form = CompiledSchema(FormSchema.xsd)
    static let workflow = CompiledSchema(WorkflowSchema.xsd)
}

/// Validates a parsed document against a compiled schema, with libxml2's line-numbered errors.
enum SchemaValidator {
    static func validate(_ doc: xmlDocPtr, schema compiled: CompiledSchema, file: String, collector: XMLErrorCollector) throws {
        guard let schema = compiled.schema else {
            throw DiagnosticList([Diagnostic(file: file, line: 1, id: "kesalahan internal: skema bawaan tidak dapat dikompilasi: \(compiled.problem ?? "")",
                                                    en: "internal error: the built-in schema does not compile: \(compiled.problem ?? "")")])
        }
        guard let validContext = xmlSchemaNewValidCtxt(schema) else { return }
        defer { xmlSchemaFreeValidCtxt(validContext) }
        let box = Unmanaged.passUnretained(collector)
        xmlSchemaSetValidStructuredErrors(validContext, collectXMLError, box.toOpaque())
        if xmlSchemaValidateDoc(validContext, doc) != 0 {
            throw DiagnosticList(collector.diagnostics.isEmpty ? [Diagnostic(file: file, line: 1, id: "tidak sesuai skema", en: "does not match the schema")] : collector.diagnostics)
        }
    }
}
