import Foundation
import Logging
import PaddockCatalogue
import PaddockPublish

/// Where a build gets its catalogues: the real services (through the cache), or bundled demo data.
package protocol CatalogueProvider: Sendable {
    /// One catalogue per configured language.
    /// - Parameter refetch: `true` asks the services again; `false` builds from what is cached
    ///   (and fetches only when nothing is).
    func catalogues(refetch: Bool) async throws -> CatalogueSupply

    /// What ``catalogues(refetch:)`` would read, named before reading it: a supply with the
    /// cache's snapshot files and no catalogues, so a build can see that nothing changed without
    /// decoding them. `nil` (the default) when the catalogues do not come from such files.
    func unreadSnapshot(refetch: Bool) -> CatalogueSupply?
}

extension CatalogueProvider {
    package func unreadSnapshot(refetch: Bool) -> CatalogueSupply? { nil }
}

/// What a ``CatalogueProvider`` hands to a build.
package struct CatalogueSupply: Sendable {
    package var catalogues: [Catalogue]
    /// Items that fell back to their cached copy, and similar notes for the build summary.
    package var warnings: [String]
    /// Files the catalogue needs in the site (the demo data's pictures).
    package var staticFiles: [StaticFile]
    /// Site folders holding those files, which the catalogue links to by absolute URL below the
    /// base URL (`media/demo/`); pages link to them relatively.
    package var localMediaPaths: [String]
    /// Files whose bytes stand for the whole catalogue (the cache's assembled snapshots), so that a
    /// build can tell cheaply whether it changed; empty when there are none.
    package var snapshotFiles: [URL] = []
    /// Where the data came from, for people: "Equicty and Husbandry Pro", "the cache", "bundled demo data".
    package var origin: String
    /// Whether the catalogues are bundled demo data rather than the site's own (a build without
    /// credentials). Such a build leaves the site cache's memos of the real catalogue as they are.
    package var isDemo = false
    /// Where the originals of the catalogue's pictures are (mirrored, or the demo's own files);
    /// `nil`: none, and with `[media]` on the pages show placeholders.
    package var pictureFiles: PictureFiles?

    package init(catalogues: [Catalogue], warnings: [String] = [], staticFiles: [StaticFile] = [], localMediaPaths: [String] = [],
                origin: String) {
        self.catalogues = catalogues; self.warnings = warnings; self.staticFiles = staticFiles
        self.localMediaPaths = localMediaPaths; self.origin = origin
    }
}
