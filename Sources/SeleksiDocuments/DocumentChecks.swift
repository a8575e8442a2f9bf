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
                id: "dokumen \(template) dibuat untuk instans alur \(expected); "
                    + "instans \(instance) adalah alur \(workflow)",
                en: "document \(template) is made for instances of workflow \(expected); "
                    + "instance \(instance) runs \(workflow)")
        }
        // `a || b`: either path will do (a list that moves from one state to the next).
        let missing = header.requirements.filter { requirement in
            !requirement.alternatives.contains { $0.isFilled(in: context) }
        }
        if !missing.isEmpty {
            let names = missing.map { "\($0.label) (\($0.path))" }.joined(separator: ", ")
            let step = header.step.map { " Instans harus lebih dulu mencapai tahap: \($0)." } ?? ""
            let stepEN = header.step.map { " The instance must first reach the step: \($0)." } ?? ""
            throw DocumentError.notReady(
                id: "dokumen \(template) belum dapat dibuat untuk instans \(instance) (keadaan \(state)): "
                    + "belum ada \(names).\(step)",
                en: "document \(template) cannot be made yet for instance \(instance) (state \(state)): "
                    + "not yet filled: \(names).\(stepEN)")
        }
        try checkPlaces(header, template: template, context: context)
        for path in header.workingDays {
            for value in ContextPath(path).values(in: context) {
                guard let day = CivilDate(iso: value.displayText) else { continue }
                if let why = workingDays.reasonNotWorking(day) {
                    throw DocumentError.notReady(
                        id: "dokumen \(template): tanggal \(IndonesianFormat.date(day)) (\(path)) "
                            + "bukan hari kerja (\(why)); "
                            + "dokumen resmi ditandatangani pada hari kerja",
                        en: "document \(template): \(day.iso) (\(path)) is not a working day (\(why)); "
                            + "official documents are signed on working days")
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
                        id: "dokumen \(template): tempat '\(text)' (\(path)) adalah kode organisasi, "
                            + "bukan nama tempat; isikan nama kota atau kantor, mis. Banjarbaru",
                        en: "document \(template): the place '\(text)' (\(path)) is an organisation's code, not a "
                            + "place name; fill in a city or office, e.g. Banjarbaru")
                }
            }
        }
    }
}
