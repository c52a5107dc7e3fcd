/// Writes the allowed part of a libxml2 tree back as HTML (used by ``HorseTelexSanitizer``).
struct SanitizedHTMLWriter {
    private(set) var output = ""
    /// A HorseTelex logo image was written.
    private(set) var sawLogo = false

    mutating func write(_ node: HTMLNode, depth: Int) {
        if node.isText {
            output += HTMLEscaping.text(node.text)
            return
        }
        guard node.isElement, depth < HorseTelexSanitizer.maximumDepth else { return }
        let name = node.name
        if HTMLAllowList.droppedWithContent.contains(name) || isHidden(node, name: name) { return }
        guard HTMLAllowList.elements.contains(name) else {
            // Unknown but harmless wrappers (font, blink, custom tags): keep their content only.
            for child in node.children { write(child, depth: depth + 1) }
            return
        }
        var attributes: [(String, String)] = []
        for (attribute, value) in node.attributes where HTMLAllowList.allows(attribute: attribute, on: name) {
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
        output += "<" + name
        for (attribute, value) in attributes { output += " \(attribute)=\"\(HTMLEscaping.attribute(value))\"" }
        output += ">"
        if HTMLAllowList.void.contains(name) { return }
        if name == "table" {
            writeTableChildren(of: node, depth: depth)
        } else {
            for child in node.children { write(child, depth: depth + 1) }
        }
        output += "</\(name)>"
    }

    /// Rows written directly in a table get the `<tbody>` a browser would imply, so the page's
    /// tree is the one it reads (and the attribution check can read it strictly).
    private mutating func writeTableChildren(of table: HTMLNode, depth: Int) {
        var inBody = false
        for child in table.children {
            if child.isElement {
                let isRow = child.name == "tr"
                if isRow && !inBody { output += "<tbody>"; inBody = true }
                if !isRow && inBody { output += "</tbody>"; inBody = false }
            }
            write(child, depth: depth + 1)
        }
        if inBody { output += "</tbody>" }
    }

    private func isHidden(_ node: HTMLNode, name: String) -> Bool {
        for (attribute, value) in node.attributes {
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
