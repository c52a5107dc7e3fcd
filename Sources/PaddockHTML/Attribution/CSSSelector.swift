/// One complex CSS selector (`footer .credits > a.paddock-attribution`), matched against page elements (libxml2 nodes or the strict scan).
///
/// Supports type, `*`, `#id`, `.class`, attribute selectors (`[a]`, `=`, `~=`, `^=`, `$=`, `*=`, `|=`)
/// and the descendant, child and sibling combinators. Structural pseudo-classes and `:not()`/`:is()`
/// are assumed to match (the check errs towards failing); selectors for states (`:hover`) or
/// pseudo-elements (`::before`) never match, since they do not hide the element at rest.
struct CSSSelector {
    struct Compound {
        var tag: String?
        var ids: [String] = []
        var classes: [String] = []
        var attributes: [(name: String, op: String, value: String)] = []
    }
    enum Combinator { case descendant, child, adjacent, sibling }

    /// Subject last.
    private(set) var compounds: [Compound] = []
    /// `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`.
    private(set) var combinators: [Combinator] = []

    static let statePseudoClasses: Set<String> = [
        "hover", "focus", "active", "visited", "focus-visible", "focus-within", "target", "checked", "invalid", "placeholder-shown",
    ]

    init?(_ text: String) {
        var parser = CSSSelectorParser(text)
        guard let parsed = parser.parse() else { return nil }
        (compounds, combinators) = parsed
        if compounds.isEmpty { return nil }
    }

    func matches<Element: PageElement>(_ node: Element) -> Bool { matches(node, at: compounds.count - 1) }

    private func matches<Element: PageElement>(_ node: Element, at index: Int) -> Bool {
        guard Self.matches(compounds[index], node) else { return false }
        if index == 0 { return true }
        switch combinators[index - 1] {
        case .child: return node.parent.map { matches($0, at: index - 1) } ?? false
        case .descendant:
            var ancestor = node.parent
            while let current = ancestor {
                if matches(current, at: index - 1) { return true }
                ancestor = current.parent
            }
            return false
        case .adjacent: return node.previousElement.map { matches($0, at: index - 1) } ?? false
        case .sibling:
            var sibling = node.previousElement
            while let current = sibling {
                if matches(current, at: index - 1) { return true }
                sibling = current.previousElement
            }
            return false
        }
    }

    private static func matches<Element: PageElement>(_ compound: Compound, _ node: Element) -> Bool {
        if let tag = compound.tag, tag != node.name { return false }
        // Attribute values are read only as far as the compound needs them.
        if !compound.ids.isEmpty {
            guard let id = node.attribute("id"), compound.ids.allSatisfy({ $0 == id }) else { return false }
        }
        if !compound.classes.isEmpty {
            guard let list = node.attribute("class") else { return false }
            // Classes are separated by ASCII white space (HTML's "split on ASCII whitespace").
            let classes = list.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D })
                .map { Substring($0) }
            for name in compound.classes where !classes.contains(where: { $0 == name }) { return false }
        }
        for (name, op, expected) in compound.attributes {
            guard let actual = node.attribute(name) else { return false }
            switch op {
            case "": continue
            case "=": if actual != expected { return false }
            case "~=": if !actual.split(whereSeparator: \.isWhitespace).contains(Substring(expected)) { return false }
            case "^=": if !actual.hasPrefix(expected) { return false }
            case "$=": if !actual.hasSuffix(expected) { return false }
            case "*=": if !actual.contains(expected) { return false }
            case "|=": if actual != expected && !actual.hasPrefix(expected + "-") { return false }
            default: continue
            }
        }
        return true
    }
}
