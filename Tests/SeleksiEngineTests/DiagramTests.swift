import Foundation
import SeleksiCore
import SeleksiXML
import Testing

@testable import SeleksiEngine

@Suite("seleksi diagram: every shipped workflow as Mermaid and DOT")
struct DiagramTests {
    let set = DefinitionFiles.load(paths: [], root: Repo.root)

    @Test func everyStateAndTransitionIsDrawnInBothFormats() throws {
        #expect(set.workflows.count >= 5)
        for w in set.workflows {
            let mermaid = WorkflowDiagram.render(w, format: .mermaid)
            let dot = WorkflowDiagram.render(w, format: .dot, language: .en)
            #expect(mermaid.contains("stateDiagram-v2"))
            for s in w.states {
                #expect(mermaid.contains("as s_\(s.id)\n"), "\(w.id): state \(s.id)")
                #expect(dot.contains("\"\(s.id)\" [label="), "\(w.id): state \(s.id)")
            }
            for t in w.transitions {
                #expect(
                    mermaid.contains(" : \(t.isAutomatic ? "otomatis#58; " : "")\(t.event) ["), "\(w.id): \(t.event)")
                for from in t.from where from != "*" {
                    #expect(dot.contains("\"\(from)\" -> \"\(t.to)\""), "\(w.id): \(t.event)")
                }
            }
            #expect(!mermaid.contains("\"\"") && dot.hasPrefix("digraph \"\(w.id)\" {") && dot.hasSuffix("}\n"))
        }
    }

    @Test func guardsTimersAndTheAnyStateBoxAreShown() throws {
        let w = try #require(set.workflows.first { $0.id == "demo_putaran" })
        let mermaid = WorkflowDiagram.render(w, format: .mermaid)
        #expect(mermaid.contains("pewaktu vars.batas_pendaftaran → tutup"))
        #expect(mermaid.contains("any_state"))  // batalkan from="*"
        #expect(mermaid.contains("if children-count('draf', 'diajukan', 'layak', 'dinilai') = 0"))
        let dot = WorkflowDiagram.render(w, format: .dot)
        #expect(dot.contains("\"__any\" -> \"dibatalkan\""))
    }

    /// Graphviz parses what we write (when it is installed: `apt-get install graphviz`).
    @Test func graphvizAcceptsTheDOT() throws {
        guard let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile) else {
            return
        }
        let temp = TempFolder()
        for w in set.workflows {
            let source = temp.write("\(w.id).dot", WorkflowDiagram.render(w, format: .dot))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: dot)
            p.arguments = ["-Tsvg", source, "-o", temp.file("\(w.id).svg")]
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "dot refused \(w.id).dot")
        }
    }
}

@Suite("The XML Schemas document every element")
struct SchemaDocumentationTests {
    @Test(arguments: ["workflow", "form"])
    func everyElementCarriesItsDocumentation(_ kind: String) {
        let xsd = kind == "workflow" ? SeleksiXML.WorkflowSchema.xsd : SeleksiXML.FormSchema.xsd
        let pieces = xsd.components(separatedBy: "<xs:element name=\"").dropFirst()
        #expect(pieces.count >= 14)
        for piece in pieces {
            let name = piece.prefix { $0 != "\"" }
            let own = piece.components(separatedBy: "<xs:complexType").first ?? piece
            #expect(own.contains("<xs:documentation>"), "<\(name)> has no documentation in the \(kind) schema")
        }
    }
}
