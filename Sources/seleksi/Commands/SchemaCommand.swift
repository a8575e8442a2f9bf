import ArgumentParser
import SeleksiXML

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Cetak XML Schema (XSD) untuk formulir atau alur, untuk penyunting XML.",
        discussion: "Contoh: seleksi schema form > form.xsd")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case form, workflow }

    @Argument(help: "form atau workflow")
    var kind: Kind

    func run() {
        print(kind == .form ? FormSchema.xsd : WorkflowSchema.xsd)
    }
}
