import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rendered page parsed with libxml2's HTML parser, reduced to what the tests look at.
struct ParsedHTML {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    var elements: [Element] = []
    var parsed = false

    init(_ bytes: [UInt8]) {
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), "page.html", "UTF-8", options)
            }
        }
        guard let document else { return }
        defer { xmlFreeDoc(document) }
        parsed = true
        if let root = xmlDocGetRootElement(document) { walk(root) }
    }

    private mutating func walk(_ node: xmlNodePtr) {
        var current: xmlNodePtr? = node
        while let element = current {
            if element.pointee.type == XML_ELEMENT_NODE {
                var attributes: [String: String] = [:]
                var attribute = element.pointee.properties
                while let a = attribute {
                    let name = String(cString: a.pointee.name)
                    if let value = xmlGetProp(element, a.pointee.name) {
                        attributes[name] = String(cString: value)
                        free(value)
                    }
                    attribute = a.pointee.next
                }
                var text = ""
                if let content = xmlNodeGetContent(element) {
                    text = String(cString: content)
                    free(content)
                }
                elements.append(Element(name: String(cString: element.pointee.name), attributes: attributes, text: text))
                if let child = element.pointee.children { walk(child) }
            }
            current = element.pointee.next
        }
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Every URL the page refers to: links, images, scripts, stylesheets, iframes.
    var references: [String] {
        elements.flatMap { element -> [String] in
            var urls: [String] = []
            if ["a", "link", "area"].contains(element.name), let href = element.attributes["href"] { urls.append(href) }
            if ["img", "script", "iframe", "source"].contains(element.name), let src = element.attributes["src"] { urls.append(src) }
            return urls
        }
    }
}

/// Well-formedness of generated XML files, checked by libxml2's XML parser.
enum XMLCheck {
    static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "file.xml", "UTF-8", options)
            }
        }
        guard let document else { return false }
        xmlFreeDoc(document)
        return true
    }
}

extension ParsedHTML.Element {
    /// The theme's own form, the listings' filter panel (`partials/filter-panel`): the one form a
    /// page may carry that no API text made.
    var isThemeFilterPanel: Bool {
        name == "form" && attributes["class"] == "filter-panel" && attributes["role"] == "search"
    }
}
