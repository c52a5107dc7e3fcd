import Foundation

/// A file copied as-is into the site (theme assets, the site's `static/` folder).
package struct StaticFile: Sendable, Equatable {
    /// Path relative to the site root, `/`-separated (`assets/style.css`).
    package var path: String
    /// Where its bytes are read from.
    package var source: URL

    package init(path: String, source: URL) {
        self.path = path; self.source = source
    }
}
