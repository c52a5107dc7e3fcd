import Foundation
import Logging
import PaddockCatalogue
import PaddockSources
@testable import PaddockSite
@testable import PaddockPublish

/// Small whole sites built in code: a friendly stable and a hostile one.
enum TestSite {
    static let baseURL = "https://stable.example/"

    static func config(languages: [String] = ["en", "de"], perPage: Int = 2, email: String? = "info@stable.example") -> SiteConfig {
        let root = FileManager.default.temporaryDirectory.appending(path: "paddock-theme-\(UUID().uuidString)")
        return SiteConfig(
            root: root, title: "Stal De Vries", baseURL: baseURL, description: "Warmbloods bred with care.",
            languages: languages, contactEmail: email, contactPhone: "+31 6 1234 5678", currency: "EUR",
            horsesPerPage: perPage,
            sources: SourcesConfiguration(equicty: EquictySourceConfiguration(), husbandry: HusbandrySourceConfiguration(),
                                          languages: languages, cacheFolder: root.appending(path: ".paddock/cache")))
    }

    static let pedigree = Pedigree(names: [
        "v": "Cornet Obolensky", "vv": "Clinton", "vvv": "Corrado I", "vvm": "Urte I", "vm": "Rabanna van Costersveld",
        "vmv": "Heartbreaker", "vmm": "Ibanna", "m": "Wendy", "mv": "Quidam de Revel", "mvv": "Jalisco B",
        "mvm": "Dame de Revel", "mm": "Hella", "mmv": "Ramiro", "mmm": "Ursula",
    ])

    static func horses(language: String) -> [Horse] {
        let sex = language == "de" ? ["Hengst", "Stute", "Wallach"] : ["Stallion", "Mare", "Gelding"]
        return [
            Horse(id: "101", name: "Arko", age: 12, birthDate: CalendarDate(year: 2013, month: 4, day: 2), sex: sex[0],
                  gender: .stallion, studbook: "KWPN", color: "Bay", height: 1.68, heightUnit: "m", breeder: "H. de Vries",
                  horsetelex: true, pedigree: pedigree, miniatureURL: "https://cdn.example/arko-small.jpg",
                  pictures: [Media(name: "Arko jumping", url: "https://cdn.example/arko.jpg", miniatureURL: "https://cdn.example/arko-t.jpg")],
                  videos: [Media(name: "Arko under saddle", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
                           Media(url: "https://video.example/arko.mp4")],
                  info: "A kind stallion.\nGreat jumper.",
                  additional: AdditionalInfo(breedingAssociations: ["KWPN", "Holsteiner Verband"], semenAvailability: ["Fresh", "Frozen"],
                                             wffsTestResult: "Negative", semenPrice: "€ 950", salesContent: "Available for breeding."),
                  horsetelexHTML: "<table><tr><td>Arko</td></tr></table><a href=\"https://www.horsetelex.com\"><img src=\"https://www.horsetelex.com/logo.png\" alt=\"HorseTelex\"></a>"),
            Horse(id: "102", name: "Bella", age: 1, sex: sex[1], gender: .mare, studbook: "Holsteiner", color: "Grey",
                  pedigree: Pedigree(names: ["v": "Casall", "m": "Lady"])),
            Horse(id: "103", name: "Cesar", age: 7, sex: sex[2], gender: .gelding, studbook: "KWPN", color: "Chestnut", height: 172, heightUnit: "cm"),
            Horse(id: "104", name: "Arko", age: 3, sex: sex[0], gender: .stallion, studbook: "kwpn"),
            Horse(id: "105", name: "Dolly", gender: .mare),
        ]
    }

    static func animals(language: String) -> [SaleAnimal] {
        let python = Species(id: "7", commonName: language == "de" ? "Königspython" : "Ball python", scientificName: "Python regius")
        let gecko = Species(id: "9", commonName: language == "de" ? "Leopardgecko" : "Leopard gecko", scientificName: "Eublepharis macularius")
        return [
            SaleAnimal(id: "a-1", reference: "BP-0018", name: "Sunny", descriptor: "Fire Leopard het Clown", species: python, sex: .male,
                       dateOfBirth: CalendarDate(year: 2024, month: 6, day: 1), dateAcquired: CalendarDate(year: 2024, month: 8, day: 1),
                       sireGenetics: [Gene(name: "Fire", trait: "Co-dominant"), Gene(name: "Leopard", trait: "Co-dominant")],
                       damGenetics: [Gene(name: "Clown", trait: "Recessive")], photos: ["https://cdn.example/sunny.jpg"],
                       price: Decimal(string: "1500.50"), pricingNotes: "Shipping within the EU."),
            SaleAnimal(id: "a-2", descriptor: "Normal", species: python, sex: .female, dateAcquired: CalendarDate(year: 2024, month: 9, day: 3)),
            SaleAnimal(id: "a-3", name: "Tango", species: gecko, sex: .unknown, price: 80),
        ]
    }

    static func catalogues(languages: [String] = ["en", "de"]) -> [Catalogue] {
        languages.map { Catalogue(language: $0, horses: horses(language: $0), animals: animals(language: $0),
                                  fetchedAt: Date(timeIntervalSince1970: 1_750_000_000)) }
    }

    static let markdown = [
        "index": "# Welcome to Stal De Vries\n\nWe breed **sport horses** since 1982.",
        "index.de": "# Willkommen bei Stal De Vries\n\nWir züchten **Sportpferde** seit 1982.",
        "about": "---\ntitle: About us\n---\n# About us\n\nA family stable.",
    ]

    /// The site built by the real ``SiteBuilder`` into memory: its plan and every file, by path.
    /// `markdown` is written into the site's `pages/` folder; the site folder is removed afterwards.
    static func render(config: SiteConfig, catalogues: [Catalogue], markdown: [String: String] = markdown) async throws -> (SitePlan, [RenderedPage]) {
        defer { try? FileManager.default.removeItem(at: config.root) }
        try FileManager.default.createDirectory(at: config.pagesFolder, withIntermediateDirectories: true)
        for (name, text) in markdown {
            try Data(text.utf8).write(to: config.pagesFolder.appending(path: "\(name).md"))
        }
        let provider = FixedCatalogues(supply: CatalogueSupply(catalogues: catalogues, origin: "tests"))
        let builder = SiteBuilder(config: config, provider: provider, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let sink = CollectedSite()
        let plan = try await builder.render(refetch: false, into: sink)
        return (plan, sink.pages)
    }

    /// The catalogues without HorseTelex HTML: horses then show the built-in pedigree.
    static func withoutHorseTelexHTML(_ catalogues: [Catalogue]) -> [Catalogue] {
        catalogues.map { catalogue in
            var copy = catalogue
            copy.horses = catalogue.horses.map { var horse = $0; horse.horsetelexHTML = nil; return horse }
            return copy
        }
    }
}

extension RenderedPage {
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
