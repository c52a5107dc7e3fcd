import Foundation
import PaddockCatalogue
import PaddockMedia
import PaddockSandbox
import PaddockSite
import PaddockSources
import PaddockPublish

/// The bundled demo data as a site's catalogue: what a site builds from when no credentials are
/// configured, so that a newcomer sees a complete site offline.
///
/// The pictures are copied into the site under `media/demo/`.
package struct DemoCatalogueProvider: CatalogueProvider {
    package static let mediaPath = "media/demo"
    package let config: SiteConfig
    package let includeHostile: Bool
    /// Horses and animals to generate (benchmarks); `nil` gives the bundled set.
    package let horseCount: Int?
    package let animalCount: Int?

    package init(config: SiteConfig, includeHostile: Bool = false, horseCount: Int? = nil, animalCount: Int? = nil) {
        self.config = config; self.includeHostile = includeHostile
        self.horseCount = horseCount; self.animalCount = animalCount
    }

    package func catalogues(refetch: Bool) async throws -> CatalogueSupply {
        let colors = config.sources.equicty?.horsetelexColors ?? HorseTelexColors()
        let catalogues = try DemoData.catalogues(
            languages: config.languages, mediaBaseURL: config.baseURL + DemoCatalogueProvider.mediaPath,
            includeHostile: includeHostile,
            horsetelexColors: (colors.horseTextColor, colors.mareBackgroundColor, colors.mareTextColor),
            horseCount: horseCount, animalCount: animalCount)
        var media = try SiteOutput.staticFiles(in: DemoData.mediaFolder, under: DemoCatalogueProvider.mediaPath)
        // The demo's generated photographs (full size, portrait, EXIF-rotated, PNG, WebP), made once per machine.
        let generated = try Self.generatedPictures(in: catalogues, prefix: config.baseURL + DemoCatalogueProvider.mediaPath + "/generated/")
        if !config.media.enabled {
            media += generated.map { StaticFile(path: "\(DemoCatalogueProvider.mediaPath)/generated/\($0.lastPathComponent)", source: $0) }
        }
        if config.media.enabled {
            // The photographs reach the site as variants; the logos the HorseTelex HTML shows stay as they are.
            media.removeAll { $0.path.hasPrefix(DemoCatalogueProvider.mediaPath + "/horses/") || $0.path.hasPrefix(DemoCatalogueProvider.mediaPath + "/animals/") }
        }
        var supply = CatalogueSupply(catalogues: catalogues, staticFiles: media, localMediaPaths: [DemoCatalogueProvider.mediaPath],
                                     origin: "bundled demo data")
        supply.isDemo = true
        supply.pictureFiles = .local(prefix: config.baseURL + DemoCatalogueProvider.mediaPath + "/", folder: try DemoData.mediaFolder,
                                     generated: Self.generatedFolder)
        return supply
    }

    /// Where the generated photographs are kept between builds (the system's temporary folder).
    package static let generatedFolder = FileManager.default.temporaryDirectory.appending(path: "paddock-demo-photographs-1")

    /// The generated photographs the catalogues link to, made when missing.
    package static func generatedPictures(in catalogues: [Catalogue], prefix: String) throws -> [URL] {
        var names = Set<String>()
        for catalogue in catalogues {
            for horse in catalogue.horses {
                for url in horse.pictures.flatMap({ [$0.url, $0.miniatureURL] }).compactMap({ $0 }) where url.hasPrefix(prefix) {
                    names.insert(String(url.dropFirst(prefix.count)))
                }
            }
        }
        return try names.sorted().compactMap { try GeneratedPicture.file($0, in: generatedFolder) }
    }
}
