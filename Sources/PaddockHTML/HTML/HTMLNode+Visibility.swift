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
        // The four attributes that can hide an element, each looked up by name (building every
        // attribute's strings for each element of each page cost more than the rest of the check).
        if attribute("hidden") != nil { return "the `hidden` attribute on <\(name)>" }
        if isSubject || name == "img" {
            for attribute in ["width", "height"] {
                guard let value = self.attribute(attribute) else { continue }
                let trimmed = value.trimmingASCIIOrUnicodeSpaces(newlines: false)
                if CSSDeclarations.isTiny(trimmed) || trimmed == "1" { return "\(attribute)=\"\(value)\" on <\(name)>" }
            }
        }
        if let style = attribute("style"), let declaration = CSSDeclarations(style).hidingDeclaration(sizeCounts: isSubject) {
            return "the inline style `\(declaration)` on <\(name)>"
        }
        return nil
    }
}
