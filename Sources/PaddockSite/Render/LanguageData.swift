import Foundation
import PaddockCatalogue
import PaddockTemplate

/// What every page of one language shares, computed once per render: strings, formats, lookups
/// and the cards of every horse and animal (their links are relative to the site root, so one
/// card value serves every listing page).
///
/// A class: every page's context refers to it, and a reference is one retain where a copy of all
/// these tables would be a retain of each.
final class LanguageData: Sendable {
    let language: String
    let catalogue: Catalogue
    let strings: [String: String]
    let t: TemplateValue
    let format: LocaleFormat
    /// Cards and texts of this language, shared by every page (``CardBuilder``).
    let cards: CardBuilder
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
    /// ``PedigreeContext/cells(labels:)``.
    let pedigreeCells: [TemplateMap]

    init(language: String, plan: SitePlan, translations: Translations) {
        self.language = language
        let strings = translations.table(language: language)
        self.strings = strings
        let catalogue = HerdPlan.localized(plan.catalogues[language] ?? Catalogue(language: language), strings: strings)
        self.catalogue = catalogue
        t = .map(TemplateMap(strings.mapValues { TemplateValue.string($0) }))
        format = LocaleFormat(language: language)
        // The horse side and the animal side are independent: built at the same time, each with
        // its cards made on every core (thousands of items, a few microseconds each).
        let cardBuilder = CardBuilder(language: language, plan: plan, strings: strings, format: format)
        cards = cardBuilder
        let sides = ParallelSlots<Side>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            sides.set(index, index == 0 ? Self.horseSide(catalogue, plan: plan, cards: cardBuilder)
                                        : Self.animalSide(catalogue, plan: plan, cards: cardBuilder))
        }
        let (horseSide, animalSide) = { (built: [Side]) in (built[0], built[1]) }(sides.take())
        horses = horseSide.horses
        horseOrder = horseSide.order
        listings = horseSide.listings
        horseCards = horseSide.cards
        animals = animalSide.animals
        newestAnimals = animalSide.order
        species = animalSide.species
        animalCards = animalSide.cards
        site = PageFrame.site(plan.config)
        ogLocale = .string(LocaleFormat.localeIdentifier(language))
        pedigreeLabels = PedigreeContext.labels(strings)
        pedigreeCells = PedigreeContext.cells(labels: pedigreeLabels)
    }

    /// One half of the data: the horses or the animals, with their order, groups and cards.
    private struct Side: Sendable {
        var horses: [String: Horse] = [:]
        var animals: [String: SaleAnimal] = [:]
        var order: [String] = []
        var listings: [HorseFilter: [String]] = [:]
        var species: [(id: String, animals: [String])] = []
        var cards: [String: TemplateValue] = [:]
    }

    private static func horseSide(_ catalogue: Catalogue, plan: SitePlan, cards builder: CardBuilder) -> Side {
        var side = Side()
        let unique: [Horse]
        (side.horses, unique) = firstOfEachID(catalogue.horses)
        side.order = ids(unique.map { (key: $0.name.sortKey, id: $0.id) }, by: <)
        var listings: [HorseFilter: [String]] = [.all: side.order]
        for id in side.order {
            guard let horse = side.horses[id] else { continue }
            listings[.gender(horse.gender), default: []].append(id)
            if let slug = plan.studbookSlug(of: horse) { listings[.studbook(slug), default: []].append(id) }
        }
        side.listings = listings
        side.cards = Dictionary(uniqueKeysWithValues: zip(unique.map(\.id), unique.parallelMap { builder.horseCard($0) }))
        return side
    }

    private static func animalSide(_ catalogue: Catalogue, plan: SitePlan, cards builder: CardBuilder) -> Side {
        var side = Side()
        let unique: [SaleAnimal]
        (side.animals, unique) = firstOfEachID(catalogue.animals)
        let never = CalendarDate(year: 0, month: 0, day: 0)
        side.order = ids(unique.map { (key: $0.dateAcquired ?? $0.dateOfBirth ?? never, id: $0.id) }, by: >)
        var bySpecies: [String: [SaleAnimal]] = [:]
        for animal in unique { bySpecies[animal.species.id, default: []].append(animal) }
        side.species = bySpecies.keys.sorted { (plan.speciesSlugs[$0] ?? $0) < (plan.speciesSlugs[$1] ?? $1) }.map { id in
            (id, ids(bySpecies[id]!.map { (key: SitePlan.animalTitle($0).sortKey, id: $0.id) }, by: <))
        }
        side.cards = Dictionary(uniqueKeysWithValues: zip(unique.map(\.id), unique.parallelMap { builder.animalCard($0) }))
        return side
    }

    /// Each id's first item, by id and in catalogue order (a repeated id keeps its first item).
    private static func firstOfEachID<Item: Identifiable>(_ items: [Item]) -> (byID: [String: Item], unique: [Item]) where Item.ID == String {
        var byID: [String: Item] = [:]
        var unique: [Item] = []
        unique.reserveCapacity(items.count)
        for item in items where byID[item.id] == nil {
            byID[item.id] = item
            unique.append(item)
        }
        return (byID, unique)
    }

    /// The ids ordered by their keys (`<` ascending, `>` descending), equal keys by id.
    private static func ids<Key: Comparable>(_ keyed: [(key: Key, id: String)], by order: (Key, Key) -> Bool) -> [String] {
        keyed.sorted { a, b in a.key == b.key ? SlugAllocator.idLess(a.id, b.id) : order(a.key, b.key) }.map(\.id)
    }

    /// A UI string.
    func string(_ key: String) -> String { strings[key] ?? key }

    /// A UI string with `{name}` placeholders filled.
    func string(_ key: String, _ values: KeyValuePairs<String, String>) -> String {
        Translations.fill(string(key), values)
    }

    /// The horse ids a listing filter shows, in listing order.
    func horseIDs(_ filter: HorseFilter) -> [String] { listings[filter] ?? [] }
}
