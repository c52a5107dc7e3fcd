/// What the HorseTelex sanitiser keeps: tables, text, links, images and basic formatting.
enum HTMLAllowList {
    /// Kept with their allowed attributes.
    static let elements: Set<String> = [
        "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
        "div", "span", "p", "br", "hr", "a", "img", "b", "strong", "i", "em", "u", "s", "small", "sub", "sup",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "abbr", "cite", "blockquote", "center",
    ]

    /// Dropped with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
        "select", "option", "textarea", "noscript", "template", "svg", "math", "link", "meta", "base", "title",
        "head", "audio", "video", "source", "track", "canvas", "dialog", "portal", "param", "picture", "map", "area",
    ]

    /// Elements without an end tag.
    static let void: Set<String> = ["br", "hr", "img", "col"]

    /// Attributes kept on any allowed element.
    static let globalAttributes: Set<String> = ["class", "title", "lang", "dir", "align", "valign", "style"]

    /// Attributes kept on some elements only.
    static let elementAttributes: [String: Set<String>] = [
        "a": ["href", "target", "rel"],
        "img": ["src", "alt", "width", "height"],
        "table": ["width", "border", "cellpadding", "cellspacing", "bgcolor", "summary"],
        "td": ["colspan", "rowspan", "width", "height", "bgcolor", "nowrap"],
        "th": ["colspan", "rowspan", "width", "height", "bgcolor", "nowrap", "scope"],
        "tr": ["bgcolor", "height"],
        "col": ["span", "width"], "colgroup": ["span", "width"],
        "ol": ["start", "type"], "li": ["value"],
    ]

    /// What the sanitiser does with an element.
    enum Treatment {
        /// Dropped with everything inside it (``droppedWithContent``).
        case drop
        /// Left out, its content kept (unknown but harmless wrappers: font, blink, custom tags).
        case unwrap
        /// Kept (``elements``) with the attributes it may carry (global ones included).
        case keep(attributes: Set<String>, isVoid: Bool)
    }

    /// The treatment of the element named `name` (lower case): one look-up for what
    /// ``droppedWithContent``, ``elements``, ``void``, ``globalAttributes`` and
    /// ``elementAttributes`` say.
    static func treatment(of name: String) -> Treatment { treatments[name] ?? .unwrap }

    private static let treatments: [String: Treatment] = {
        var result: [String: Treatment] = [:]
        for name in elements {
            result[name] = .keep(attributes: globalAttributes.union(elementAttributes[name] ?? []), isVoid: void.contains(name))
        }
        for name in droppedWithContent { result[name] = .drop }
        return result
    }()
}
