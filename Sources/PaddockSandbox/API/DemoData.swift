import Foundation
import PaddockCatalogue

/// The bundled demo catalogue as typed values, without a server: the site builder's embedded default.
///
/// Media URLs are `mediaBaseURL` + a path inside ``mediaFolder`` (`horses/h00-0.png`,
/// `animals/ball-python-0.png`, `species/ball-python.svg`, `logos/horsetelex.svg`): copy the folder
/// into the built site (e.g. to `media/demo/`) and pass the URL it is published under.
/// YouTube video URLs are absolute `https://www.youtube.com/watch?v=…`.
///
/// ```swift
/// try FileManager.default.copyItem(at: DemoData.mediaFolder, to: output.appending(path: "media/demo"))
/// let catalogues = try DemoData.catalogues(languages: ["en", "de"], mediaBaseURL: "https://example.org/media/demo")
/// ```
package enum DemoData {
    /// The languages the demo data is written in.
    package static let languages = ["en", "fr", "de", "nl"]

    /// The folder of demo pictures (PNG and SVG), as bundled with the module.
    package static var mediaFolder: URL {
        get throws { try DemoStore.bundledFolder.appendingPathComponent("media") }
    }

    /// The stable's name in the demo data ("Stal De Wilgenhoeve").
    package static var stableName: String {
        get throws { try DemoStore.load(folder: DemoStore.bundledFolder, includeHostile: false).stableName }
    }

    /// One catalogue per language, in the order given: every horse, the animals for sale of all
    /// demo breeders (``SaleAnimal/breeder`` names the breeder), and the smaXtec herd (sold and
    /// archived animals included, as a fetch gives them).
    /// - Parameters:
    ///   - languages: lower-case codes; unknown ones fall back to English words.
    ///   - mediaBaseURL: where ``mediaFolder`` is published, without trailing slash.
    ///   - includeHostile: add the hostile items (markup, `{{`, RTL, `javascript:` URLs, hostile HorseTelex HTML).
    ///   - today: the date ages are computed against (default: today, UTC).
    ///   - horsetelexColors: `horse_textcolor`, `mare_bgcolor`, `mare_textcolor` (hex without `#`) for the HorseTelex HTML.
    ///   - horseCount: this many horses instead of the demo set (repeated with new ids, for benchmarks).
    ///   - animalCount: this many animals (half for sale) instead of the demo set.
    /// - Throws: ``SandboxError`` when the bundled data is missing or invalid.
    package static func catalogues(
        languages: [String] = ["en"], mediaBaseURL: String, includeHostile: Bool = false, today: CalendarDate? = nil,
        horsetelexColors: (horseText: String, mareBackground: String, mareText: String) = ("00AFA8", "efefef", "000000"),
        horseCount: Int? = nil, animalCount: Int? = nil
    ) throws -> [Catalogue] {
        let store = try DemoStore.load(folder: DemoStore.bundledFolder, includeHostile: includeHostile,
                                       horseCount: horseCount, animalCount: animalCount)
        let herd = try herdAnimals(store.herd)
        let base = mediaBaseURL.hasSuffix("/") ? String(mediaBaseURL.dropLast()) : mediaBaseURL
        return languages.map { language in
            let context = WireContext(language: language.lowercased(), mediaBase: base,
                                      today: today ?? SandboxResponder.todayUTC(), variants: .canonical)
            let converter = DemoCatalogueConverter(store: store, context: context, colors: horsetelexColors)
            return Catalogue(language: language.lowercased(), horses: store.horses.map(converter.horse),
                             animals: store.animals.filter(store.isOffered).map(converter.animal), herd: herd)
        }
    }

    /// The herd as the client reads the sandbox's answers (the same bytes, through the same decoder).
    static func herdAnimals(_ herd: DemoHerd) throws -> [HerdAnimal] {
        var animals: [HerdAnimal] = []
        for organisation in herd.organisations {
            let body = Data(herd.animalsBodies[organisation.id] ?? Array("[]".utf8))
            let events = Dictionary(organisation.animals.map { ($0.officialID, $0.eventsBody) }, uniquingKeysWith: { a, _ in a })
            for var animal in try SmaxtecBody.animals(body, organisation: organisation.id).animals {
                animal.organisationName = organisation.name
                if let body = events[animal.officialID] { animal.apply(try HerdEvents(smaxtecJSON: Data(body))) }
                animals.append(animal)
            }
        }
        return animals
    }
}
