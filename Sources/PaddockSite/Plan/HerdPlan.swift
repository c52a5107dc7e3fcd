import Foundation
import PaddockCatalogue

/// The herd as the site lists it: the animals still on the farm (not sold, not archived), their
/// slugs and breeds, and the day ages are counted on.
package struct HerdPlan: Sendable {
    /// Listed animals, by title then id.
    package let animals: [HerdAnimal]
    /// Slug by herd animal id: the listed animals and those gone whose addresses the history keeps.
    package let slugs: [String: String]
    /// Breeds of the listed animals: slug → proper name.
    package let breeds: [String: String]
    /// The day ages and age bands are counted on: the day of the newest fetch (today for data
    /// that does not say), so that a build of the same catalogue gives the same pages.
    package let day: CalendarDate
    package let settings: HerdSettings

    /// - Parameter lifecycle: the history's kept and published slugs, and the animals gone from
    ///   the herd (their addresses keep their slug).
    init(catalogues: [Catalogue], settings: HerdSettings, lifecycle: SiteLifecycle? = nil) {
        self.settings = settings
        var seen = Set<String>()
        var listed: [HerdAnimal] = []
        for catalogue in catalogues {
            for animal in catalogue.herd where animal.isListed && seen.insert(animal.id).inserted { listed.append(animal) }
        }
        let titled = listed.map { (animal: $0, key: HerdPlan.slugName($0, settings: settings).sortKey) }
        animals = titled.sorted { $0.key == $1.key ? SlugAllocator.idLess($0.animal.id, $1.animal.id) : $0.key < $1.key }.map(\.animal)
        var named = animals.map { ($0.id, HerdPlan.slugName($0, settings: settings)) }
        for language in (lifecycle?.goneHerd.keys).map({ $0.sorted() }) ?? [] {
            named += lifecycle!.goneHerd[language]!.values.map { ($0.id, HerdPlan.slugName($0, settings: settings)) }
        }
        // The id is the organisation and the ear tag: a suffix never shows it. The listings' folder
        // names (`breed`, `status`, `age`, `page`) are among ``Slug/reserved``: no animal takes one.
        slugs = SlugAllocator.allocate(named, owners: lifecycle?.owners[.herdAnimal] ?? [:],
                                       pinned: lifecycle?.pinned[.herdAnimal] ?? [:], opaque: true)
        var breeds: [String: String] = [:]
        for animal in animals {
            for share in animal.breeds {
                let slug = Slug.make(share.breed)
                if let known = breeds[slug], known <= share.breed { continue }
                breeds[slug] = share.breed
            }
        }
        self.breeds = breeds
        day = HerdPlan.day(of: catalogues.compactMap(\.fetchedAt).max() ?? Date())
    }

    /// The name shown for an animal: its name, else its ear tag unless hidden; `nil` leaves the
    /// theme's word for an unnamed animal.
    package static func title(_ animal: HerdAnimal, settings: HerdSettings) -> String? {
        if let name = animal.name?.trimmed, !name.isEmpty { return name }
        return settings.hideEarTag ? nil : animal.officialID
    }

    /// What the slug is made from: the title, else `cow`.
    static func slugName(_ animal: HerdAnimal, settings: HerdSettings) -> String {
        title(animal, settings: settings) ?? "cow"
    }

    /// The age band of an animal on ``day``, if its birthday is known.
    package func ageBand(_ animal: HerdAnimal) -> AgeBand? {
        animal.age(on: day).map(AgeBand.init(years:))
    }

    /// The filters an animal appears under, besides ``HerdFilter/all``.
    package func filters(of animal: HerdAnimal) -> [HerdFilter] {
        var filters = Set(animal.breeds.map { HerdFilter.breed(Slug.make($0.breed)) })
        if animal.lactationStatus != .unknown { filters.insert(.lactation(animal.lactationStatus)) }
        if let band = ageBand(animal) { filters.insert(.age(band)) }
        return Array(filters)
    }

    static func day(of date: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)
    }

    /// The listed animals carrying a sale tag, as animals for sale beside the Husbandry ones:
    /// what the herd page shows of them, price on request.
    static func saleAnimals(_ herd: [HerdAnimal], settings: HerdSettings) -> [SaleAnimal] {
        guard !settings.saleTags.isEmpty else { return [] }
        return herd.filter { $0.isListed && $0.isTagged(settings.saleTags) }.map { animal in
            SaleAnimal(
                id: saleID(animal.id), reference: settings.hideEarTag ? nil : animal.officialID,
                name: title(animal, settings: settings) ?? "", descriptor: breedText(animal.breeds),
                species: cattle, sex: .female, dateOfBirth: animal.birthday, breeder: animal.organisationName)
        }
    }

    static let cattle = Species(id: "cattle", commonName: "Cattle", scientificName: "Bos taurus")

    /// A herd animal for sale with its species named in the language of `strings` (`species_cattle`);
    /// any other animal as it is (Husbandry names its species in each language itself).
    static func localized(_ catalogue: Catalogue, strings: [String: String]) -> Catalogue {
        var copy = catalogue
        copy.animals = catalogue.animals.map { localized($0, strings: strings) }
        return copy
    }

    static func localized(_ animal: SaleAnimal, strings: [String: String]) -> SaleAnimal {
        guard isSaleID(animal.id), animal.species.id == cattle.id, let name = strings["species_cattle"], !name.isEmpty else { return animal }
        var copy = animal
        copy.species.commonName = name
        return copy
    }

    /// Whether a for-sale id is that of a herd animal (``saleID(_:)``).
    static func isSaleID(_ id: String) -> Bool { id.hasPrefix(salePrefix) }

    static let salePrefix = "smaxtec-"

    /// The for-sale id of a herd animal: never a Husbandry UUID, and without the ear tag or the
    /// organisation id (the id reaches the JSON-LD): a 64-bit FNV-1a digest of the herd id.
    static func saleID(_ herdID: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in herdID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return salePrefix + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// "Fleckvieh 78 %, Angler 22 %"; a share without a percentage is named alone.
    package static func breedText(_ breeds: [BreedShare]) -> String? {
        guard !breeds.isEmpty else { return nil }
        if breeds.count == 1 { return breeds[0].breed }
        return breeds.map { share in
            share.percent.map { "\(share.breed) \(percentText($0)) %" } ?? share.breed
        }.joined(separator: ", ")
    }

    static func percentText(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }
}
