// libFuzzer target: the definition loaders (libxml2 parse, XSD validation, model, expressions) and the
// static checks. Any input must load or be refused with diagnostics.
import SeleksiCore
import SeleksiXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
    // One loader per input (each refuses the other's root element after a full parse): the one the
    // text names, so that mutations of a workflow stay workflows.
    let isWorkflow = String(decoding: bytes.prefix(512), as: UTF8.self).contains("<workflow")
    let form = isWorkflow ? nil : try? FormLoader.load(bytes, file: "fuzz.xml")
    let workflow = isWorkflow ? try? WorkflowLoader.load(bytes, file: "fuzz.xml") : nil
    let checker = DefinitionChecker(forms: form.map { [$0] } ?? [], workflows: workflow.map { [$0] } ?? [])
    if let form { _ = checker.check(form: form) }
    if let workflow { _ = checker.check(workflow: workflow) }
    return 0
}
