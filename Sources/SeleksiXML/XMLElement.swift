import CLibXML2

/// A read-only view of a libxml2 element, valid while its document lives. Reads attributes and text
/// straight from the tree, without the allocations of `xmlGetProp`.
struct XMLElement {
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    var name: String { String(cString: node.pointee.name) }
    var line: Int { Int(xmlGetLineNo(node)) }

    subscript(attribute: String) -> String? {
        var a = node.pointee.properties
        while let attr = a {
            if String(cString: attr.pointee.name) == attribute {
                return XMLElement.text(of: attr.pointee.children)
            }
            a = attr.pointee.next
        }
        return nil
    }

    var children: [XMLElement] {
        var out: [XMLElement] = []
        var c = node.pointee.children
        while let child = c {
            if child.pointee.type == XML_ELEMENT_NODE { out.append(XMLElement(child)) }
            c = child.pointee.next
        }
        return out
    }

    func children(_ name: String) -> [XMLElement] { children.filter { $0.name == name } }
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// The element's text, with surrounding white space removed.
    var text: String {
        var s = XMLElement.text(of: node.pointee.children)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }

    private static func text(of first: xmlNodePtr?) -> String {
        var out = ""
        var c = first
        while let n = c {
            if (n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE), let content = n.pointee.content {
                out += String(cString: content)
            }
            c = n.pointee.next
        }
        return out
    }
}
