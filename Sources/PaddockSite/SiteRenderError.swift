/// Why the site could not be rendered; every case names the file or page involved.
package enum SiteRenderError: Error, CustomStringConvertible {
    /// A template failed for one page; `underlying` is the engine's error (template, line, column).
    case renderFailed(page: String, template: String, underlying: any Error)
    /// The theme lacks a template the plan needs.
    case missingTemplate(name: String, page: String)
    /// A theme file (translation, asset, folder) could not be read.
    case themeUnreadable(path: String, reason: String)
    /// A Markdown page could not be read.
    case pageUnreadable(path: String, reason: String)

    package var description: String {
        switch self {
        case .renderFailed(let page, let template, let underlying):
            "cannot render \(page) with template \(template): \(underlying)"
        case .missingTemplate(let name, let page):
            "the theme has no template \"\(name)\" (needed for \(page))"
        case .themeUnreadable(let path, let reason):
            "cannot read the theme file \(path): \(reason)"
        case .pageUnreadable(let path, let reason):
            "cannot read the page \(path): \(reason)"
        }
    }
}
