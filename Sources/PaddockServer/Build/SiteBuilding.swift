import Foundation

/// The seam between the servers and the site build: one call runs one whole build.
///
/// The preview server and the webhook server never build a site themselves; they ask a
/// `SiteBuilding` value, always through a ``BuildCoordinator`` so that builds never overlap.
/// The real implementation is the site builder of `PaddockSite` (the `paddock` command wraps it);
/// the server tests also use a small one of their own that can hold and count builds.
///
/// ```swift
/// struct SiteBuilder: SiteBuilding {
///     var outputFolder: URL { config.outputFolder }
///     var watchedInputs: [URL] { [configFile, config.pagesFolder, config.staticFolder] }
///     func build(refetch: Bool) async throws -> BuildOutcome { … }
/// }
/// ```
package protocol SiteBuilding: Sendable {
    /// The published site that the preview serves (may be a symlink to a release folder).
    var outputFolder: URL { get }

    /// Files and folders whose changes call for a rebuild in preview (config, templates, pages, static).
    var watchedInputs: [URL] { get }

    /// Runs one build and publishes it.
    /// - Parameter refetch: `true` fetches the catalogue from the services first; `false` builds from the cache.
    /// - Returns: What the build did, shown to users and in build status.
    /// - Throws: The build's error; its `description` is shown to users, so it must name what went
    ///   wrong and where (a template error with file, line, column and the offending line) and never a secret.
    ///   A cancelled build must leave the published site as it was.
    func build(refetch: Bool) async throws -> BuildOutcome
}

/// What one build did.
package struct BuildOutcome: Sendable, Equatable, Codable {
    /// One line for people: `"412 pages written, 3 unchanged, 1 removed"`.
    package var summary: String
    package var pagesWritten: Int
    package var pagesUnchanged: Int
    package var pagesRemoved: Int
    package var warnings: [String]

    package init(summary: String, pagesWritten: Int = 0, pagesUnchanged: Int = 0, pagesRemoved: Int = 0, warnings: [String] = []) {
        self.summary = summary
        self.pagesWritten = pagesWritten
        self.pagesUnchanged = pagesUnchanged
        self.pagesRemoved = pagesRemoved
        self.warnings = warnings
    }
}
