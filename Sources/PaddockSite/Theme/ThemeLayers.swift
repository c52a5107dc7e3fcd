import Foundation

/// The folders a theme is read from, bottom first: the bundled default theme, then the site's
/// own `templates/` (Hugo's and Zola's lookup order: the site's file wins, name by name).
package struct ThemeLayers: Sendable, Equatable {
    /// Bottom first; one folder when the site uses the bundled theme itself.
    package let folders: [URL]

    package init(site: URL, bundled: URL?) {
        let site = site.standardizedFileURL
        guard let bundled = bundled?.standardizedFileURL,
              bundled.resolvingSymlinksInPath().path != site.resolvingSymlinksInPath().path else {
            folders = [site]
            return
        }
        folders = [bundled, site]
    }
}
