extension StrictPageScan {
    /// What the strict scan needs to know of an element name.
    struct TagRules: OptionSet {
        let rawValue: UInt32
        /// No end tag (`img`, `br`, …).
        static let void = TagRules(rawValue: 1 << 0)
        /// Closes an open `<p>` in a browser (block-level start tags).
        static let closesParagraph = TagRules(rawValue: 1 << 1)
        /// Allowed directly in `<head>`.
        static let headContent = TagRules(rawValue: 1 << 2)
        /// Content is raw text up to the end tag (`script`, `style`).
        static let rawText = TagRules(rawValue: 1 << 3)
        /// Content is text with character references up to the end tag (`title`, `textarea`).
        static let escapableRawText = TagRules(rawValue: 1 << 4)
        /// `h1`…`h6`: a heading started inside a heading closes it.
        static let heading = TagRules(rawValue: 1 << 5)
        /// Table structure (`tr`, `td`, …): only valid at its place in a table.
        static let tablePart = TagRules(rawValue: 1 << 6)
        /// Parsed by browsers in ways the strict scan does not follow (inert, foreign, raw or
        /// re-parented content, implied end tags): a page using one is read by libxml2.
        static let unsupported = TagRules(rawValue: 1 << 7)
    }

    static let tagRules: [String: TagRules] = {
        var rules: [String: TagRules] = [:]
        for name in ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"] {
            rules[name, default: []].insert(.void)
        }
        for name in ["address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "dd", "dt",
                     "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
                     "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "ul"] {
            rules[name, default: []].insert(.closesParagraph)
        }
        for name in ["title", "meta", "link", "style", "script", "base"] { rules[name, default: []].insert(.headContent) }
        for name in ["script", "style"] { rules[name, default: []].insert(.rawText) }
        for name in ["title", "textarea"] { rules[name, default: []].insert(.escapableRawText) }
        for name in ["h1", "h2", "h3", "h4", "h5", "h6"] { rules[name, default: []].insert(.heading) }
        for name in ["caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th"] { rules[name, default: []].insert(.tablePart) }
        for name in ["noscript", "template", "svg", "math", "select", "option", "optgroup", "datalist", "iframe", "noembed",
                     "noframes", "frameset", "frame", "xmp", "plaintext", "listing", "image", "isindex", "nobr", "object",
                     "applet", "marquee", "rb", "rt", "rp", "rtc", "keygen", "menuitem"] {
            rules[name, default: []].insert(.unsupported)
        }
        return rules
    }()

    /// The children a table element may have in the strict scan (a `tr` directly in a `table`
    /// would get an implied `tbody` in a browser, so it is not among them).
    static func allowsInTable(parent: String, child: String) -> Bool {
        switch parent {
        case "table": return ["caption", "colgroup", "thead", "tbody", "tfoot", "script", "style"].contains(child)
        case "thead", "tbody", "tfoot": return child == "tr" || child == "script" || child == "style"
        case "tr": return child == "td" || child == "th" || child == "script" || child == "style"
        case "colgroup": return child == "col"
        default: return true
        }
    }

    static func isTableContainer(_ name: String) -> Bool {
        name == "table" || name == "thead" || name == "tbody" || name == "tfoot" || name == "tr" || name == "colgroup"
    }

    /// The tables parts' proper parents: a `td` outside a `tr` is dropped by browsers.
    static func tablePartFits(_ child: String, in parent: String) -> Bool {
        switch child {
        case "caption", "colgroup", "thead", "tbody", "tfoot": return parent == "table"
        case "col": return parent == "colgroup"
        case "tr": return parent == "thead" || parent == "tbody" || parent == "tfoot"
        case "td", "th": return parent == "tr"
        default: return false
        }
    }
}
