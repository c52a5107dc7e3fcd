/// Writes the allowed part of a libxml2 tree back as HTML (used by ``HorseTelexSanitizer``).
///
/// The markup is written as UTF-8 bytes and becomes one string at the end: a pedigree has a few
/// hundred texts and attributes, and building a string piece by piece cost more than parsing it.
struct SanitizedHTMLWriter {
    private var bytes: [UInt8] = []
    /// A HorseTelex logo image was written.
    private(set) var sawLogo = false
    /// The document's `<style>` rules, applied to the elements they match.
    var stylesheet: PedigreeStylesheet?
    /// What each distinct style of the document comes to (a pedigree repeats two or three styles
    /// over all its cells): keyed by the `style` attribute, the stylesheet rules that match and
    /// whether the element is an image.
    private var styleVerdicts: [String: StyleVerdict] = [:]

    /// Whether an element's style (its stylesheet rules, then its `style` attribute) hides it, and
    /// the declarations of it that are kept.
    private struct StyleVerdict {
        /// Hides an image (zero or tiny sizes count).
        let hidesImage: Bool
        /// Hides any other element (sizes count only with `overflow: hidden`).
        let hidesOther: Bool
        /// The declarations of it that are kept, re-joined (`HorseTelexSanitizer.safeStyle`).
        let kept: String?
    }

    /// What was written so far.
    var output: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ node: HTMLNode, depth: Int) {
        if node.isText {
            HTMLEscaping.append(node.text, quotes: nil, to: &bytes)
            return
        }
        guard node.isElement, depth < HorseTelexSanitizer.maximumDepth else { return }
        let name = node.name
        let treatment = HTMLAllowList.treatment(of: name)
        if case .drop = treatment { return }
        let nodeAttributes = node.attributes
        // The style is worked out once, for the hidden check and for the declarations it keeps.
        let style = style(of: node, name: name, attributes: nodeAttributes)
        if Self.isHidden(nodeAttributes, name: name, style: style) { return }
        guard case .keep(let allowedAttributes, let isVoid) = treatment else {
            // Unknown but harmless wrappers (font, blink, custom tags): their content only.
            for child in node.children { write(child, depth: depth + 1) }
            return
        }
        var attributes: [(String, String)] = []
        var wroteStyle = false
        for (attribute, value) in nodeAttributes where allowedAttributes.contains(attribute) {
            switch attribute {
            case "href": if let url = HorseTelexSanitizer.safeURL(value, forImage: false) { attributes.append((attribute, url)) }
            case "src": if let url = HorseTelexSanitizer.safeURL(value, forImage: true) { attributes.append((attribute, url)) }
            case "style":
                if !wroteStyle, let kept = style?.kept { attributes.append((attribute, kept)) }
                wroteStyle = true
            case "target": if value.lowercased() == "_blank" { attributes.append(("target", "_blank")) }
            case "rel": continue
            default: attributes.append((attribute, value))
            }
        }
        // Stylesheet rules on an element without a `style` attribute of its own.
        if !wroteStyle, let kept = style?.kept { attributes.append(("style", kept)) }
        if name == "img" {
            guard attributes.contains(where: { $0.0 == "src" }) else { return }
            if Self.isLogo(nodeAttributes) { sawLogo = true }
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
        if isVoid { return }
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

    /// The verdict on the element's style: the declarations of the stylesheet rules that match it,
    /// then those of its `style` attribute (the HTML parser keeps one at most); `nil` without either.
    private mutating func style(of node: HTMLNode, name: String, attributes: [(name: String, value: String)]) -> StyleVerdict? {
        let inline = attributes.first { $0.name == "style" }?.value
        let fromSheet = stylesheet?.declarations(for: node) ?? (entries: [], rules: [])
        guard inline != nil || !fromSheet.rules.isEmpty else { return nil }
        let isImage = name == "img"
        var key = inline ?? ""
        if !fromSheet.rules.isEmpty || isImage {
            key += "\u{0}" + fromSheet.rules.map(String.init).joined(separator: ",") + (isImage ? "\u{0}img" : "")
        }
        if let known = styleVerdicts[key] { return known }
        var declarations = inline.map(CSSDeclarations.init) ?? CSSDeclarations(entries: [])
        if !fromSheet.rules.isEmpty { declarations = CSSDeclarations(entries: fromSheet.entries + declarations.entries) }
        let verdict = StyleVerdict(hidesImage: declarations.hidingDeclaration(sizeCounts: true) != nil,
                                   hidesOther: declarations.hidingDeclaration(sizeCounts: false) != nil,
                                   kept: HorseTelexSanitizer.safeStyle(declarations, onImage: isImage))
        styleVerdicts[key] = verdict
        return verdict
    }

    private static func isHidden(_ attributes: [(name: String, value: String)], name: String, style: StyleVerdict?) -> Bool {
        if let style, name == "img" ? style.hidesImage : style.hidesOther { return true }
        for (attribute, value) in attributes {
            switch attribute {
            case "hidden": return true
            case "width" where name == "img", "height" where name == "img":
                if CSSDeclarations.isTiny(value.trimmingASCIIOrUnicodeSpaces(newlines: false)) || value.trimmingASCIIOrUnicodeSpaces(newlines: false) == "1" { return true }
            default: continue
            }
        }
        return false
    }

    /// An image whose `src` or `alt` names HorseTelex, compared as characters (so a combining mark
    /// after the name is a different name); ASCII values, nearly all of them, on their bytes.
    private static func isLogo(_ attributes: [(name: String, value: String)]) -> Bool {
        let source = (attributes.first { $0.name == "src" }?.value ?? "").lowercased()
        let alt = (attributes.first { $0.name == "alt" }?.value ?? "").lowercased()
        return names(source, "horsetelex") || names(alt, "horsetelex") || names(alt, "horse telex")
    }

    private static func names(_ value: String, _ name: String) -> Bool {
        value.utf8.allSatisfy { $0 < 0x80 } ? ByteSearch.contains(value, Array(name.utf8)) : value.contains(name)
    }
}
