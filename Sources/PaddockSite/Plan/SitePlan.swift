import Foundation
import PaddockCatalogue

/// Every page of the site: routes, slugs, languages and pagination, decided before rendering.
///
/// Slugs are computed once over all languages (a horse has the same slug in every language), so
/// a page's other-language versions share its path after the language folder.
///
/// ```swift
/// let plan = SitePlan(config: config, catalogues: catalogues)
/// for page in plan.pages { print(page.path) } // index.html, en/index.html, en/horses/arko/index.html …
/// ```
package struct SitePlan: Sendable {
    package let config: SiteConfig
    /// The configured languages, default first.
    package let languages: [String]
    /// The catalogue of each language (an empty one where none was fetched).
    package let catalogues: [String: Catalogue]
    /// Horse slug by Equicty id.
    package let horseSlugs: [String: String]
    /// Animal slug by Husbandry id.
    package let animalSlugs: [String: String]
    /// Species slug by species id.
    package let speciesSlugs: [String: String]
    /// Studbooks that have horses: slug → the name shown.
    package let studbooks: [String: String]
    /// Base names of the extra Markdown pages (`about`) and their slugs.
    package let markdownSlugs: [String: String]
    /// The site has a horses section (Equicty configured or horses fetched).
    package let hasHorses: Bool
    /// The site has a for-sale section (Husbandry configured or animals fetched).
    package let hasAnimals: Bool
    /// The pictures as the site serves them (set by the build's picture step).
    package var pictures = SitePictures()
    /// The smaXtec herd the site lists.
    package let herd: HerdPlan
    /// The site has a herd section (smaXtec configured or a herd fetched).
    package let hasHerd: Bool
    /// What the site's history means for this build (kept addresses, sold and gone items,
    /// badges); `nil` for a build without history (rendering into memory).
    package let lifecycle: SiteLifecycle?
    /// All files to render, in a deterministic order.
    package private(set) var pages: [PlannedPage] = []
    private var pageIndex: [String: Int] = [:]

    /// Plans the site.
    /// - Parameters:
    ///   - catalogues: one per language; languages not in `config.languages` are ignored.
    ///   - markdownPages: base names of extra Markdown pages (`about`), each rendered as `/{lang}/{slug}/`.
    package init(config: SiteConfig, catalogues: [Catalogue], markdownPages: [String] = [], lifecycle: SiteLifecycle? = nil) {
        self.config = config
        self.lifecycle = lifecycle
        let languages = config.languages.isEmpty ? ["en"] : config.languages
        self.languages = languages
        var byLanguage: [String: Catalogue] = [:]
        for catalogue in catalogues where languages.contains(catalogue.language) && byLanguage[catalogue.language] == nil {
            byLanguage[catalogue.language] = catalogue
        }
        for language in languages where byLanguage[language] == nil { byLanguage[language] = Catalogue(language: language) }
        // Herd animals tagged for sale join the animals for sale.
        for language in languages {
            byLanguage[language]!.animals += HerdPlan.saleAnimals(byLanguage[language]!.herd, settings: config.herd)
        }
        self.catalogues = byLanguage
        let ordered = languages.compactMap { byLanguage[$0] }

        var horseNames: [(id: String, name: String)] = []
        var animalNames: [(id: String, name: String)] = []
        var speciesNames: [(id: String, name: String)] = []
        var studbookNames: [String: String] = [:]
        for language in languages {
            // Items gone from their catalogue keep their slug (pinned) for their sold page.
            horseNames += (lifecycle?.goneHorses[language]?.values).map { $0.map { ($0.id, $0.name) } } ?? []
            animalNames += (lifecycle?.goneAnimals[language]?.values).map { $0.map { ($0.id, SitePlan.animalTitle($0)) } } ?? []
        }
        for catalogue in ordered {
            horseNames += catalogue.horses.map { ($0.id, $0.name) }
            animalNames += catalogue.animals.map { ($0.id, SitePlan.animalTitle($0)) }
            speciesNames += catalogue.animals.map { ($0.species.id, $0.species.commonName) }
            for horse in catalogue.horses {
                guard let studbook = horse.studbook?.trimmed, !studbook.isEmpty else { continue }
                let slug = Slug.make(studbook)
                if let known = studbookNames[slug], known <= studbook { continue }
                studbookNames[slug] = studbook
            }
        }
        // Three independent folders: their slugs are allocated at the same time.
        let allocated = ParallelSlots<[String: String]>(count: 3)
        let names = [horseNames, animalNames, speciesNames]
        let kinds: [ItemKind?] = [.horse, .animal, nil]
        DispatchQueue.concurrentPerform(iterations: 3) { index in
            let kind = kinds[index]
            allocated.set(index, SlugAllocator.allocate(names[index], owners: kind.flatMap { lifecycle?.owners[$0] } ?? [:],
                                                        pinned: kind.flatMap { lifecycle?.pinned[$0] } ?? [:]))
        }
        let slugs = allocated.take()
        horseSlugs = slugs[0]
        animalSlugs = slugs[1]
        speciesSlugs = slugs[2]
        studbooks = studbookNames
        markdownSlugs = SlugAllocator.allocate(markdownPages.filter { $0 != "index" }.map { ($0, $0) })
        hasHorses = config.sources.equicty != nil || ordered.contains { !$0.horses.isEmpty }
        hasAnimals = config.sources.husbandry != nil || ordered.contains { !$0.animals.isEmpty }
        herd = HerdPlan(catalogues: ordered, settings: config.herd, lifecycle: lifecycle)
        hasHerd = config.sources.smaxtec != nil || !herd.animals.isEmpty

        var builder = PlanBuilder(defaultLanguage: languages[0])
        builder.add(key: "root", path: "index.html", language: languages[0], kind: .languageRedirect)
        builder.add(key: "404", path: "404.html", language: languages[0], kind: .notFound)
        for language in languages {
            let catalogue = byLanguage[language]!
            planLanguage(language, catalogue: catalogue, into: &builder)
            if let lifecycle { planRetired(language, lifecycle: lifecycle, into: &builder) }
        }
        if let lifecycle { planPublishedAddresses(lifecycle, into: &builder) }
        builder.add(key: "sitemap", path: "sitemap.xml", language: languages[0], kind: .sitemap)
        builder.add(key: "robots", path: "robots.txt", language: languages[0], kind: .robots)
        pages = builder.finish()
        pageIndex = Dictionary(pages.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    /// The name an animal is listed under: its name, else its morph, else its reference.
    package static func animalTitle(_ animal: SaleAnimal) -> String {
        for candidate in [animal.name, animal.descriptor, animal.reference] {
            if let text = candidate?.trimmed, !text.isEmpty { return text }
        }
        return animal.species.commonName
    }

    /// The page at `path`, if planned.
    package func page(at path: String) -> PlannedPage? { pageIndex[path].map { pages[$0] } }
}
