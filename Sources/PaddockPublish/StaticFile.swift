import Foundation

/// A file copied as-is into the site (theme assets, the site's `static/` folder).
public struct StaticFile: Sendable, Equatable {
    /// Path relative to the site root, `/`-separated (`assets/style.css`).
    public var path: String
    /// Where its bytes are read from.
    public var source: URL

    public init(path: String, source: URL) {
        self.path = path; self.source = source
    }
}
