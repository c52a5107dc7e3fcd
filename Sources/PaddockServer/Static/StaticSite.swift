import Foundation

/// A published site folder, and the safe way to find the file a request path names in it.
///
/// The folder may be a symlink to a release folder that the publisher swaps atomically, so it is
/// resolved again for every request. Every candidate is resolved to its real path (symlinks
/// followed) and must lie inside the real site folder; anything else is "not found".
package struct StaticSite: Sendable {
    /// The output folder as configured (possibly a symlink).
    package let folder: URL

    package init(folder: URL) {
        self.folder = folder
    }

    /// A regular file inside the site, by its real path.
    struct File: Sendable, Equatable {
        var path: String
        var size: Int
        var modified: Date
        var modifiedNanoseconds: Int
        var fileExtension: String
    }

    /// What a request path leads to.
    enum Resolution: Sendable, Equatable {
        case file(File)
        /// A folder asked for without its trailing slash: redirect to this location.
        case redirect(String)
        case notFound
        /// The output folder does not exist (yet).
        case siteMissing
    }

    /// Finds the file for `path`: the file itself, or `index.html` of a folder.
    func resolve(_ path: RequestPath) -> Resolution {
        guard let root = Self.realPath(folder.path), Self.kind(root) == .directory else { return .siteMissing }
        let candidate = path.segments.isEmpty ? root : root + "/" + path.segments.joined(separator: "/")
        guard let real = Self.realPath(candidate), Self.isInside(real, root: root) else { return .notFound }
        switch Self.kind(real) {
        case .directory:
            guard path.trailingSlash || path.segments.isEmpty else {
                var redirected = path
                redirected.trailingSlash = true
                return .redirect(redirected.encoded)
            }
            return file(at: real + "/index.html", root: root).map(Resolution.file) ?? .notFound
        case .regular:
            return file(at: real, root: root).map(Resolution.file) ?? .notFound
        case .other, .missing:
            return .notFound
        }
    }

    /// The site's own `404.html`, when it has one.
    func notFoundPage() -> File? {
        guard let root = Self.realPath(folder.path) else { return nil }
        return file(at: root + "/404.html", root: root)
    }

    private func file(at path: String, root: String) -> File? {
        guard let real = Self.realPath(path), Self.isInside(real, root: root) else { return nil }
        return Self.regularFile(real)
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
