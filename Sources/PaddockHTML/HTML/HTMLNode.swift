import CLibXML2
import Foundation

/// A borrowed view of one libxml2 node; valid while its ``HTMLDocument`` lives.
struct HTMLNode: PageElement {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var identity: Int { Int(bitPattern: pointer) }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// Lower-case element name (`td`), empty for non-elements.
    var name: String {
        guard isElement, let name = pointer.pointee.name else { return "" }
        return Self.lowercasedString(name)
    }

    /// The text of a text node.
    var text: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    var children: HTMLChildren { HTMLChildren(first: pointer.pointee.children) }

    var parent: HTMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return HTMLNode(parent)
    }

    /// The element before this one among its siblings, skipping text and comments.
    var previousElement: HTMLNode? {
        var node = pointer.pointee.prev
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE { return HTMLNode(current) }
            node = current.pointee.prev
        }
        return nil
    }

    /// Attributes in document order, names lower-cased, values with entities decoded.
    var attributes: [(name: String, value: String)] {
        var result: [(String, String)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let rawName = current.pointee.name {
                result.append((Self.lowercasedString(rawName), Self.value(of: current)))
            }
            attribute = current.pointee.next
        }
        return result
    }

    /// An attribute's value. The HTML parser leaves most values as one text node (entities already
    /// decoded), read in place; anything else is joined by libxml2.
    private static func value(of attribute: xmlAttrPtr) -> String {
        if let child = attribute.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE {
            return child.pointee.content.map { String(cString: $0) } ?? ""
        }
        guard let content = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else { return "" }
        defer { free(content) }
        return String(cString: content)
    }

    /// A libxml2 name as a lower-case string: ASCII (every name the HTML parser makes from real
    /// markup) lower-cased on the bytes, anything else by `String.lowercased()`.
    private static func lowercasedString(_ name: UnsafePointer<xmlChar>) -> String {
        let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeBufferPointer(start: name, count: length)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(cString: name).lowercased() }
        guard bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// One attribute's value (`name` lower case; the HTML parser lower-cases attribute names).
    func attribute(_ name: String) -> String? {
        guard isElement, let value = xmlGetProp(pointer, Array(name.utf8) + [0]) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }

    /// Every element below this one, depth first, in document order (iterative: deep trees are safe).
    var descendantElements: [HTMLNode] {
        var result: [HTMLNode] = []
        var stack: [HTMLNode] = children.reversed()
        while let node = stack.popLast() {
            guard node.isElement else { continue }
            result.append(node)
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }
}
