import Foundation
import PaddockSite

/// The site that `serve` and `webhook` build: the real ``SiteBuilder`` as the servers'
/// `SiteBuilding`. The servers' coordinator holds the build lock (``lockFile``) around every
/// build, so this calls `SiteBuilder.build(refetch:)`, which expects its caller to hold it.
package struct ServedSite: SiteBuilding {
    package let builder: SiteBuilder
    package let configFile: URL

    package init(builder: SiteBuilder, configFile: URL) {
        self.builder = builder; self.configFile = configFile
    }

    package var outputFolder: URL { builder.config.outputFolder }

    /// The site's build lock, shared with `paddock build`.
    package var lockFile: URL { builder.lockFile }

    /// The config file, the theme in use, the Markdown pages and the static folder.
    package var watchedInputs: [URL] {
        [configFile, builder.config.pagesFolder, builder.config.staticFolder] + ((try? builder.themeFolder()).map { [$0] } ?? [])
    }

    package func build(refetch: Bool) async throws -> BuildOutcome {
        let report = try await builder.build(refetch: refetch)
        return BuildOutcome(
            summary: report.description, pagesWritten: report.publish.written, pagesUnchanged: report.publish.unchanged,
            pagesRemoved: report.publish.removed, warnings: report.warnings)
    }
}
