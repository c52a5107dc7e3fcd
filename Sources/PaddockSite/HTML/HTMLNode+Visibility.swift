import Foundation

extension HTMLNode {
    /// Elements a browser never draws, whatever their styles.
    static let neverRendered: Set<String> = ["head", "template", "noscript", "script", "style", "title", "meta", "link"]
}

extension PageElement {
    /// Why this element alone (not its ancestors) is invisible, from its name and attributes, or `nil`.
    ///
    /// - Parameter isSubject: `true` for the element being checked itself, where a zero or tiny
    ///   size hides it; for an ancestor a size hides only with `overflow: hidden`.
    func hiddenByOwnMarkup(isSubject: Bool = true) -> String? {
        let name = self.name
        if HTMLNode.neverRendered.contains(name) { return "inside <\(name)>, which is never displayed" }
        if name == "dialog", attribute("open") == nil { return "inside a closed <dialog>" }
        for (attribute, value) in attributes {
            switch attribute {
            case "hidden": return "the `hidden` attribute on <\(name)>"
            case "width", "height" where isSubject || name == "img":
                if CSSDeclarations.isTiny(value.trimmingASCIIOrUnicodeSpaces(newlines: false)) || value.trimmingASCIIOrUnicodeSpaces(newlines: false) == "1" {
                    return "\(attribute)=\"\(value)\" on <\(name)>"
                }
            case "style":
                if let declaration = CSSDeclarations(value).hidingDeclaration(sizeCounts: isSubject) {
                    return "the inline style `\(declaration)` on <\(name)>"
                }
            default: continue
            }
        }
        return nil
    }
}
