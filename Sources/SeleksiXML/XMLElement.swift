import CLibXML2

/// A read-only view of a libxml2 element, valid while its document lives. Reads attributes and text
/// straight from the tree, without the allocations of `xmlGetProp`.
struct XMLElement {
    let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    var name: String { String(cString: node.pointee.name) }
    var line: Int { Int(xmlGetLineNo(node)) }

    /// Names are compared as C strings: making a Swift string of every attribute and element name
    /// looked at was a tenth of loading a workflow.
    subscript(attribute: String) -> String? {
        attribute.withCString { wanted in
            var a = node.pointee.properties
            while let attr = a {
                if xmlStrEqual(attr.pointee.name, UnsafeRawPointer(wanted).assumingMemoryBound(to: xmlChar.self)) != 0 {
                    return XMLElement.text(of: attr.pointee.children)
                }
                a = attr.pointee.next
            }
            return nil
        }
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

    func children(_ name: String) -> [XMLElement] { name.withCString { n in children.filter { $0.isNamed(n) } } }
    func child(_ name: String) -> XMLElement? { name.withCString { n in children.first { $0.isNamed(n) } } }

    private func isNamed(_ name: UnsafePointer<CChar>) -> Bool {
        xmlStrEqual(node.pointee.name, UnsafeRawPointer(name).assumingMemoryBound(to: xmlChar.self)) != 0
    }

    /// The element's text, with surrounding white space removed.
    var text: String {
        let s = XMLElement.text(of: node.pointee.children)
        if let a = s.utf8.first, let z = s.utf8.last, (0x21..<0x80).contains(a), (0x21..<0x80).contains(z) { return s }
        guard let first = s.firstIndex(where: { !$0.isWhitespace }), let last = s.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return first == s.startIndex && s.index(after: last) == s.endIndex ? s : String(s[first...last])
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
