/// Writes the allowed part of a libxml2 tree back as HTML (used by ``HorseTelexSanitizer``).
///
/// The markup is written as UTF-8 bytes and becomes one string at the end: a pedigree has a few
/// hundred texts and attributes, and building a string piece by piece cost more than parsing it.
struct SanitizedHTMLWriter {
    private var bytes: [UInt8] = []
    /// A HorseTelex logo image was written.
    private(set) var sawLogo = false

    /// What was written so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ node: HTMLNode, depth: Int) {
        if node.isText {
            HTMLEscaping.append(node.text, quotes: nil, to: &bytes)
            return
        }
        guard node.isElement, depth < HorseTelexSanitizer.maximumDepth else { return }
        let name = node.name
        if HTMLAllowList.droppedWithContent.contains(name) { return }
        let nodeAttributes = node.attributes
        if Self.isHidden(nodeAttributes, name: name) { return }
        guard HTMLAllowList.elements.contains(name) else {
            // Unknown but harmless wrappers (font, blink, custom tags): keep their content only.
            for child in node.children { write(child, depth: depth + 1) }
            return
        }
        var attributes: [(String, String)] = []
        for (attribute, value) in nodeAttributes where HTMLAllowList.allows(attribute: attribute, on: name) {
            switch attribute {
            case "href": if let url = HorseTelexSanitizer.safeURL(value, forImage: false) { attributes.append((attribute, url)) }
            case "src": if let url = HorseTelexSanitizer.safeURL(value, forImage: true) { attributes.append((attribute, url)) }
            case "style": if let style = HorseTelexSanitizer.safeStyle(value) { attributes.append((attribute, style)) }
            case "target": if value.lowercased() == "_blank" { attributes.append(("target", "_blank")) }
            case "rel": continue
            default: attributes.append((attribute, value))
            }
        }
        if name == "img" {
            guard attributes.contains(where: { $0.0 == "src" }) else { return }
            if isLogo(node) { sawLogo = true }
        }
        if name == "a", attributes.contains(where: { $0.0 == "target" }) { attributes.append(("rel", "noopener noreferrer")) }
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: name.utf8)
        for (attribute, value) in attributes {
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: attribute.utf8)
            bytes.append(contentsOf: "=\"".utf8)
            HTMLEscaping.append(value, quotes: "&#39;", to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: ">"))
        if HTMLAllowList.void.contains(name) { return }
        if name == "table" {
            writeTableChildren(of: node, depth: depth)
        } else {
            for child in node.children { write(child, depth: depth + 1) }
        }
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Rows written directly in a table get the `<tbody>` a browser would imply, so the page's
    /// tree is the one it reads (and the attribution check can read it strictly).
    private mutating func writeTableChildren(of table: HTMLNode, depth: Int) {
        var inBody = false
        for child in table.children {
            if child.isElement {
                let isRow = child.name == "tr"
                if isRow && !inBody { bytes.append(contentsOf: "<tbody>".utf8); inBody = true }
                if !isRow && inBody { bytes.append(contentsOf: "</tbody>".utf8); inBody = false }
            }
            write(child, depth: depth + 1)
        }
        if inBody { bytes.append(contentsOf: "</tbody>".utf8) }
    }

    private static func isHidden(_ attributes: [(name: String, value: String)], name: String) -> Bool {
        for (attribute, value) in attributes {
            switch attribute {
            case "hidden": return true
            case "style" where CSSDeclarations(value).hidingDeclaration(sizeCounts: name == "img") != nil: return true
            case "width", "height" where name == "img":
                if CSSDeclarations.isTiny(value.trimmingASCIIOrUnicodeSpaces(newlines: false)) || value.trimmingASCIIOrUnicodeSpaces(newlines: false) == "1" { return true }
            default: continue
            }
        }
        return false
    }

    private func isLogo(_ image: HTMLNode) -> Bool {
        let source = (image.attribute("src") ?? "").lowercased(), alt = (image.attribute("alt") ?? "").lowercased()
        return source.contains("horsetelex") || alt.contains("horsetelex") || alt.contains("horse telex")
    }
}
