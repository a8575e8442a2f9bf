import Foundation
import SeleksiCore

/// The checks a template's header asks for, made on the context before anything is rendered; each
/// failure is a sentence naming the data and, for missing data, the step that provides it.
enum DocumentChecks {
    static func check(
        _ header: TemplateHeader, template: String, instance: Int64, context: Value,
        workingDays: WorkingDays
    ) throws {
        let state = ContextPath("state").values(in: context).first?.displayText ?? "?"
        let workflow = ContextPath("workflow").values(in: context).first?.displayText ?? "?"
        if let expected = header.workflow, expected != workflow {
            throw DocumentError.notReady(
                "dokumen \(template) dibuat untuk instans alur \(expected); instans \(instance) adalah alur \(workflow)"
            )
        }
        // `a || b`: either path will do (a list that moves from one state to the next).
        let missing = header.requirements.filter { requirement in
            !requirement.alternatives.contains { $0.isFilled(in: context) }
        }
        if !missing.isEmpty {
            let names = missing.map { "\($0.label) (\($0.path))" }.joined(separator: ", ")
            let step = header.step.map { " Instans harus lebih dulu mencapai tahap: \($0)." } ?? ""
            throw DocumentError.notReady(
                "dokumen \(template) belum dapat dibuat untuk instans \(instance) (keadaan \(state)): "
                    + "belum ada \(names).\(step)")
        }
        try checkPlaces(header, template: template, context: context)
        for path in header.workingDays {
            for value in ContextPath(path).values(in: context) {
                guard let day = CivilDate(iso: value.displayText) else { continue }
                if let why = workingDays.reasonNotWorking(day) {
                    throw DocumentError.notReady(
                        "dokumen \(template): tanggal \(IndonesianFormat.date(day)) (\(path)) "
                            + "bukan hari kerja (\(why)); "
                            + "dokumen resmi ditandatangani pada hari kerja")
                }
            }
        }
    }

    /// A place is written as a name ("Banjarbaru"), never as the id of an organisation
    /// ("upt-bp-kalimantan-selatan"), which is what a form filled by a script tends to hold.
    private static func checkPlaces(_ header: TemplateHeader, template: String, context: Value) throws {
        for path in header.places {
            for value in ContextPath(path).values(in: context) {
                let text = value.displayText
                let looksLikeID = !text.contains(" ") && text.contains("-") && text == text.lowercased()
                if looksLikeID || ContextAugmentation.isOrganisationID(text, in: context) {
                    throw DocumentError.notReady(
                        "dokumen \(template): tempat '\(text)' (\(path)) adalah kode organisasi, bukan nama tempat; "
                            + "isikan nama kota atau kantor, mis. Banjarbaru")
                }
            }
        }
    }
}
