import Foundation
import Logging
import PaddockDemo
import PaddockSite

/// A demo site published once with three horses, and the builder of a 4,000-horse version of it
/// whose publish is held at its first progress report (``PublishHold``): for tests that stop a
/// real build midway and check that the published site stayed as it was.
package struct HeldDemoBuild {
    package let config: SiteConfig
    /// The release the output link pointed at after the first publish.
    package let publishedRelease: String
    /// The horse listing of the first publish.
    package let publishedListing: Data
    package let hold = PublishHold()
    /// The large build, held once it publishes.
    package let large: SiteBuilder
    /// The builder of the three-horse site.
    package let small: SiteBuilder

    package init(config: SiteConfig, logger: Logger) async throws {
        self.config = config
        small = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config, horseCount: 3, animalCount: 0), logger: logger)
        _ = try await small.buildHoldingLock(refetch: false, wait: true)
        publishedRelease = try FileManager.default.destinationOfSymbolicLink(atPath: config.outputFolder.path)
        publishedListing = try Data(contentsOf: config.outputFolder.appending(path: "en/horses/index.html"))
        var large = SiteBuilder(config: config, provider: DemoCatalogueProvider(config: config, horseCount: 4000, animalCount: 0), logger: logger)
        large.publishObserver = hold.observer
        self.large = large
    }

    /// Where the output link points now, and the horse listing it serves.
    package func published() throws -> (release: String, listing: Data) {
        (try FileManager.default.destinationOfSymbolicLink(atPath: config.outputFolder.path),
         try Data(contentsOf: config.outputFolder.appending(path: "en/horses/index.html")))
    }
}
