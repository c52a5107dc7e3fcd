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
        /// Read only when empty (`<select></select>`, filled by a script): a browser parses the
        /// content of a `select` by its own rules.
        static let onlyEmpty = TagRules(rawValue: 1 << 8)
    }

    /// The elements the scan's rules name; all others are `.other`.
    enum KnownTag: UInt8 {
        case other, html, head, body, p, a, li, ul, ol, menu, dl, dd, dt, form, button
        case table, thead, tbody, tfoot, tr, td, th, caption, colgroup, col, style, link

        /// Holds only table parts, no text (`table`, `tbody`, `tr`, …).
        var isTableContainer: Bool {
            self == .table || self == .thead || self == .tbody || self == .tfoot || self == .tr || self == .colgroup
        }
    }

    struct TagInfo {
        var tag: KnownTag
        var rules: TagRules
    }

    /// Element name (lower case) → what the scan knows of it; names not listed are plain elements.
    static let tags: [String: TagInfo] = {
        var tags: [String: TagInfo] = [:]
        func add(_ names: [String], _ rule: TagRules) {
            for name in names { tags[name, default: TagInfo(tag: KnownTag(name: name), rules: [])].rules.insert(rule) }
        }
        add(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"], .void)
        add(["address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "dd", "dt",
             "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
             "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "search", "section", "summary", "table", "ul"], .closesParagraph)
        add(["title", "meta", "link", "style", "script", "base"], .headContent)
        add(["script", "style"], .rawText)
        add(["title", "textarea"], .escapableRawText)
        add(["h1", "h2", "h3", "h4", "h5", "h6"], .heading)
        add(["caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th"], .tablePart)
        add(["select"], .onlyEmpty)
        add(["noscript", "template", "svg", "math", "option", "optgroup", "datalist", "iframe", "noembed",
             "noframes", "frameset", "frame", "xmp", "plaintext", "listing", "image", "isindex", "nobr", "object",
             "applet", "marquee", "rb", "rt", "rp", "rtc", "keygen", "menuitem"], .unsupported)
        for name in ["html", "head", "body", "a", "button", "ul", "ol", "menu", "td", "th", "tr"] where tags[name] == nil {
            tags[name] = TagInfo(tag: KnownTag(name: name), rules: [])
        }
        return tags
    }()

    /// ``tags`` for names of up to 8 bytes, keyed by the name's bytes packed into an integer.
    static let tagsByKey = TagKeyTable(tags.compactMap { name, info in
        name.utf8.count <= 8 ? (name.utf8.reduce(0) { $0 << 8 | UInt64($1) }, info) : nil
    })

    /// Known names of up to eight bytes, by their bytes packed into an integer (never 0), in an
    /// open-addressing table hashed with one multiplication: the `Dictionary` it replaces ran
    /// SipHash for every start tag of every page.
    struct TagKeyTable: Sendable {
        private let keys: [UInt64]
        private let infos: [TagInfo]
        private let shift: UInt64
        private let mask: Int

        init(_ entries: [(UInt64, TagInfo)]) {
            var bits: UInt64 = 4
            while (1 << bits) < entries.count * 4 { bits += 1 }
            let size = 1 << Int(bits)
            var keys = [UInt64](repeating: 0, count: size)
            var infos = [TagInfo](repeating: TagInfo(tag: .other, rules: []), count: size)
            for (key, info) in entries {
                var slot = Self.slot(key, shift: 64 - bits)
                while keys[slot] != 0 { slot = (slot + 1) & (size - 1) }
                keys[slot] = key
                infos[slot] = info
            }
            self.keys = keys; self.infos = infos; shift = 64 - bits; mask = size - 1
        }

        @inline(__always)
        private static func slot(_ key: UInt64, shift: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

        @inline(__always)
        subscript(key: UInt64) -> TagInfo? {
            var slot = Self.slot(key, shift: shift)
            while true {
                let stored = keys[slot]
                if stored == key { return infos[slot] }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The children a table element may have in the strict scan (a `tr` directly in a `table`
    /// would get an implied `tbody` in a browser, so it is not among them).
    static func allowsInTable(parent: KnownTag, child: KnownTag, rules: TagRules) -> Bool {
        let script = rules.contains(.rawText)   // script and style may stand anywhere in a table
        switch parent {
        case .table: return script || [.caption, .colgroup, .thead, .tbody, .tfoot].contains(child)
        case .thead, .tbody, .tfoot: return child == .tr || script
        case .tr: return child == .td || child == .th || script
        case .colgroup: return child == .col
        default: return true
        }
    }

    /// The table parts' proper parents: a `td` outside a `tr` is dropped by browsers.
    static func tablePartFits(_ child: KnownTag, in parent: KnownTag) -> Bool {
        switch child {
        case .caption, .colgroup, .thead, .tbody, .tfoot: return parent == .table
        case .col: return parent == .colgroup
        case .tr: return parent == .thead || parent == .tbody || parent == .tfoot
        case .td, .th: return parent == .tr
        default: return false
        }
    }
}

extension StrictPageScan.KnownTag {
    init(name: String) {
        switch name {
        case "html": self = .html
        case "head": self = .head
        case "body": self = .body
        case "p": self = .p
        case "a": self = .a
        case "li": self = .li
        case "ul": self = .ul
        case "ol": self = .ol
        case "menu": self = .menu
        case "dl": self = .dl
        case "dd": self = .dd
        case "dt": self = .dt
        case "form": self = .form
        case "button": self = .button
        case "table": self = .table
        case "thead": self = .thead
        case "tbody": self = .tbody
        case "tfoot": self = .tfoot
        case "tr": self = .tr
        case "td": self = .td
        case "th": self = .th
        case "caption": self = .caption
        case "colgroup": self = .colgroup
        case "col": self = .col
        case "style": self = .style
        case "link": self = .link
        default: self = .other
        }
    }
}
