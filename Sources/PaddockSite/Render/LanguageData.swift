import Foundation
import PaddockCatalogue
import PaddockTemplate

/// What every page of one language shares, computed once per render: strings, formats, lookups
/// and the cards of every horse and animal (their links are relative to the site root, so one
/// card value serves every listing page).
struct LanguageData: Sendable {
    let language: String
    let catalogue: Catalogue
    let strings: [String: String]
    let t: TemplateValue
    let format: LocaleFormat
    let horses: [String: Horse]
    let animals: [String: SaleAnimal]
    /// Horse ids sorted by name, then id.
    let horseOrder: [String]
    /// Animal ids, newest first (date acquired, then date of birth, then id).
    let newestAnimals: [String]
    /// Species ids sorted by slug, with their animals (by name, then id).
    let species: [(id: String, animals: [String])]
    let horseCards: [String: TemplateValue]
    /// Horse ids of every listing filter, in listing order.
    let listings: [HorseFilter: [String]]
    let animalCards: [String: TemplateValue]
    /// The `site` map of every page (``PageFrame/site(_:)``) and the Open Graph locale, built once.
    let site: TemplateValue
    let ogLocale: TemplateValue
    /// ``PedigreeContext/labels(_:)``.
    let pedigreeLabels: [TemplateValue]

    init(language: String, plan: SitePlan, translations: Translations) {
        self.language = language
        let catalogue = plan.catalogues[language] ?? Catalogue(language: language)
        self.catalogue = catalogue
        strings = translations.table(language: language)
        t = .map(strings.mapValues { .string($0) })
        format = LocaleFormat(language: language)
        var horses: [String: Horse] = [:]
        for horse in catalogue.horses where horses[horse.id] == nil { horses[horse.id] = horse }
        self.horses = horses
        var animals: [String: SaleAnimal] = [:]
        for animal in catalogue.animals where animals[animal.id] == nil { animals[animal.id] = animal }
        self.animals = animals
        horseOrder = horses.values.map { (key: $0.name.sortKey, id: $0.id) }.sorted { a, b in
            a.key == b.key ? SlugAllocator.idLess(a.id, b.id) : a.key < b.key
        }.map(\.id)
        let never = CalendarDate(year: 0, month: 0, day: 0)
        newestAnimals = animals.values.map { (date: $0.dateAcquired ?? $0.dateOfBirth ?? never, id: $0.id) }.sorted { a, b in
            a.date == b.date ? SlugAllocator.idLess(a.id, b.id) : a.date > b.date
        }.map(\.id)
        var listings: [HorseFilter: [String]] = [.all: horseOrder]
        for id in horseOrder {
            guard let horse = horses[id] else { continue }
            listings[.gender(horse.gender), default: []].append(id)
            if let slug = plan.studbookSlug(of: horse) { listings[.studbook(slug), default: []].append(id) }
        }
        self.listings = listings
        var bySpecies: [String: [SaleAnimal]] = [:]
        for animal in animals.values { bySpecies[animal.species.id, default: []].append(animal) }
        species = bySpecies.keys.sorted { (plan.speciesSlugs[$0] ?? $0) < (plan.speciesSlugs[$1] ?? $1) }.map { id in
            let sorted = bySpecies[id]!.map { (key: SitePlan.animalTitle($0).sortKey, id: $0.id) }.sorted { a, b in
                a.key == b.key ? SlugAllocator.idLess(a.id, b.id) : a.key < b.key
            }
            return (id, sorted.map(\.id))
        }
        // Cards are built on every core (thousands of items, a few microseconds each).
        let cardBuilder = CardBuilder(language: language, plan: plan, strings: strings, format: format)
        let horseList = Array(horses.values), animalList = Array(animals.values)
        horseCards = Dictionary(uniqueKeysWithValues: zip(horseList.map(\.id), horseList.parallelMap { cardBuilder.horseCard($0) }))
        animalCards = Dictionary(uniqueKeysWithValues: zip(animalList.map(\.id), animalList.parallelMap { cardBuilder.animalCard($0) }))
        site = PageFrame.site(plan.config)
        ogLocale = .string(LocaleFormat.localeIdentifier(language))
        pedigreeLabels = PedigreeContext.labels(strings)
    }

    /// A UI string.
    func string(_ key: String) -> String { strings[key] ?? key }

    /// A UI string with `{name}` placeholders filled.
    func string(_ key: String, _ values: [String: String]) -> String {
        Translations.fill(string(key), values)
    }

    /// The horse ids a listing filter shows, in listing order.
    func horseIDs(_ filter: HorseFilter) -> [String] { listings[filter] ?? [] }
}
