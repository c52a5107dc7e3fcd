import Foundation

/// What the build's quality gates read from a page: headings, pictures, links, head links, scripts
/// and the JSON-LD blocks, parsed by libxml2 (``HTMLDocument``) as a browser would repair it.
package struct PageOutline: Sendable {
    /// One element of interest with its attributes (names lower case, values decoded).
    package struct Element: Sendable {
        package var name: String
        package var attributes: [String: String]
        package subscript(_ attribute: String) -> String? { attributes[attribute] }

        /// A short form for messages: `<img src="…">`.
        package var tag: String {
            let shown = ["rel", "hreflang", "href", "src", "type", "name", "http-equiv"].compactMap { key in
                attributes[key].map { "\(key)=\"\($0.count > 80 ? String($0.prefix(77)) + "…" : $0)\"" }
            }
            return "<\(name)\(shown.isEmpty ? "" : " " + shown.joined(separator: " "))>"
        }
    }

    /// Elements named in ``collected``, in document order.
    package var elements: [Element]
    /// The text of every `<script type="application/ld+json">`.
    package var jsonLD: [String]

    static let collected: Set<String> = ["h1", "img", "a", "link", "script", "source", "meta", "iframe", "video", "audio"]

    package init(bytes: [UInt8]) {
        let document = HTMLDocument(bytes: bytes)
        var elements: [Element] = []
        var jsonLD: [String] = []
        for node in document.root?.descendantElements ?? [] {
            let name = node.name
            guard Self.collected.contains(name) else { continue }
            var attributes: [String: String] = [:]
            for (key, value) in node.attributes where attributes[key] == nil { attributes[key] = value }
            elements.append(Element(name: name, attributes: attributes))
            if name == "script", attributes["type"]?.lowercased() == "application/ld+json" {
                jsonLD.append(node.children.map { $0.isText ? $0.text : "" }.joined())
            }
        }
        self.elements = elements
        self.jsonLD = jsonLD
        withExtendedLifetime(document) {}
    }

    package func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}
