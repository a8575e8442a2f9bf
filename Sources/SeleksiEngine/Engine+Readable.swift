import SeleksiCore
import SeleksiStore

/// What a person needs to read an instance rather than its JSON: the definitions it runs on (labels,
/// choices) and the machine's proposals with the label of their value (attachments: `attachments(of:)`).
extension Engine {
    /// The workflow and forms an instance runs on (the versions it started with).
    public func definitions(of id: Int64) throws -> (workflow: WorkflowDefinition, forms: [String: FormDefinition]) {
        try wrap {
            let r = try requireInstance(id)
            var forms: [String: FormDefinition] = [:]
            for (f, hash) in r.formHashes { forms[f] = try form(hash: hash) }
            return (try workflow(hash: r.workflowHash), forms)
        }
    }

    /// The workflow an instance runs on (the version it started with).
    public func workflowDefinition(of id: Int64) throws -> WorkflowDefinition {
        try wrap { try workflow(hash: try requireInstance(id).workflowHash) }
    }

    /// One form of an instance (the version it started with), or nil when its workflow uses no such form:
    /// a command that prints one form need not parse the other nine.
    public func formDefinition(_ formID: String, of id: Int64) throws -> FormDefinition? {
        try wrap { try requireInstance(id).formHashes[formID].map { try form(hash: $0) } }
    }

    /// A variable that proposes the answer to a field a person fills (`proposes="form.field"`).
    public struct Proposal: Sendable {
        public let variable: String
        public let label: LocalizedText
        public let value: Value
        /// The label of the value among the field's choices (`Tidak memenuhi syarat` for `tidak_memenuhi`).
        public let valueLabel: LocalizedText?
        public let reasons: String?
        public let form: String
        public let field: String
    }

    /// The proposals an instance carries now, in the workflow's order (none while a value is unset).
    public func proposals(of id: Int64) throws -> [Proposal] {
        try wrap {
            let r = try requireInstance(id)
            let w = try workflow(hash: r.workflowHash)
            var out: [Proposal] = []
            for v in w.variables {
                guard let target = v.proposedField, let value = r.variables[v.id], !value.isNull else { continue }
                var valueLabel: LocalizedText?
                if let hash = r.formHashes[target.form] {
                    let form = try form(hash: hash)
                    let field = form.allFields.first { $0.path == target.field }?.field
                    let list = field?.choices.flatMap { form.choiceLists[$0] }
                    valueLabel = list?.choices.first { $0.value == value.displayText }?.label
                }
                let reasons = v.because.flatMap { r.variables[$0] }.map(\.displayText).flatMap { $0.isEmpty ? nil : $0 }
                out.append(
                    Proposal(
                        variable: v.id, label: v.label ?? LocalizedText(id: v.id), value: value, valueLabel: valueLabel,
                        reasons: reasons, form: target.form, field: target.field))
            }
            return out
        }
    }
}
