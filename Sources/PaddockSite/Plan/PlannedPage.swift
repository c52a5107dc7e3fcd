/// One file of the site plan: where it goes, what it shows, and its other-language versions.
package struct PlannedPage: Sendable, Hashable {
    /// Output path relative to the site root, `/`-separated (`en/horses/arko/index.html`).
    package var path: String
    /// The language of the page (the default language for the root files).
    package var language: String
    package var kind: PageKind
    /// The same page in the languages that have it, including this one: language → path.
    package var alternates: [String: String]

    package init(path: String, language: String, kind: PageKind, alternates: [String: String] = [:]) {
        self.path = path; self.language = language; self.kind = kind; self.alternates = alternates
    }

    /// The address of the page relative to the site root: `index.html` dropped (`en/horses/arko/`).
    package var urlPath: String { Self.urlPath(path) }

    static func urlPath(_ path: String) -> String {
        if path == "index.html" { return "" }
        if path.hasSuffix("/index.html") { return String(path.dropLast("index.html".count)) }
        return path
    }

    /// The prefix that leads from this page's folder back to the site root (`../../`).
    package var rootPrefix: String {
        var depth = 0
        for byte in path.utf8 where byte == UInt8(ascii: "/") { depth += 1 }
        return String(repeating: "../", count: depth)
    }
}
