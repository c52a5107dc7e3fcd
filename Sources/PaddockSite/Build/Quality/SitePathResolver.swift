import Foundation

/// Where an `href` or `src` of a page leads inside the site, as a site path (`assets/site.css`,
/// `en/horses/arko/index.html`), or nil for what is not the site's (other hosts, `mailto:`, …).
struct SitePathResolver: Sendable {
    let base: URL?
    let basePath: String

    init(baseURL: String) {
        base = URL(string: baseURL)
        let path = base?.path(percentEncoded: false) ?? "/"
        basePath = path.hasSuffix("/") ? path : path + "/"
    }

    func resolve(_ reference: String, from page: String) -> String? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let base,
              let pageURL = URL(string: page, relativeTo: base),
              let target = URL(string: trimmed, relativeTo: pageURL)?.absoluteURL,
              let scheme = target.scheme?.lowercased(), scheme == "http" || scheme == "https",
              target.host?.lowercased() == base.host?.lowercased(), target.port == base.port else { return nil }
        var path = target.path(percentEncoded: false)
        // Outside the site's folder: a path that no file of the site has.
        guard path.hasPrefix(basePath) || path + "/" == basePath else { return "../" + path }
        path = String(path.dropFirst(min(basePath.count, path.count)))
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }
}
