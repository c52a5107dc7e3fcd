import Foundation
import PaddockCatalogue

/// Demo data → the typed catalogue, for one language (what a client would make of the canonical answers).
struct DemoCatalogueConverter {
    let store: DemoStore
    let context: WireContext
    let colors: (horseText: String, mareBackground: String, mareText: String)

    private func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

    func horse(_ h: DemoHorse) -> Horse {
        let language = context.language
        let a = h.additional
        let additional = AdditionalInfo(
            sku: nonEmpty(a.sku), breedingAssociations: a.breeding_associations, semenAvailability: a.semen_availability,
            wffsTestResult: nonEmpty(a.wffs_test_result), semenPrice: nonEmpty(a.semen_price),
            salesContent: nonEmpty(a.sales_content[language] ?? a.sales_content["en"] ?? ""))
        return Horse(
            id: String(h.id), name: h.name, officialName: nonEmpty(h.official_name), nickName: nonEmpty(h.nick_name),
            age: context.age(birthISO: h.birth_date), birthDate: WireContext.parseISO(h.birth_date),
            sex: store.word(store.sexes, h.gender, language), gender: HorseGender(rawValue: h.gender) ?? .unknown,
            studbook: nonEmpty(h.studbook), color: store.word(store.colors, h.color, language),
            height: h.height > 0 ? Double(h.height) : nil, heightUnit: h.height > 0 ? h.heightunit : nil,
            breeder: nonEmpty(h.breeder), horsetelex: h.horsetelex,
            pedigree: Pedigree(names: h.pedigree),
            profileURL: nonEmpty(context.mediaURL(h.profile)), miniatureURL: nonEmpty(context.mediaURL(h.miniature)),
            pictures: h.pictures.map { Media(name: nonEmpty($0.name), module: nonEmpty($0.module), url: context.mediaURL($0.file),
                                             miniatureURL: context.mediaURL($0.miniature)) },
            videos: h.videos.map { Media(name: nonEmpty($0.name), module: nonEmpty($0.module),
                                         url: "https://www.youtube.com/watch?v=\($0.youtube)",
                                         miniatureURL: "https://i.ytimg.com/vi/\($0.youtube)/hqdefault.jpg") },
            level: nonEmpty(h.level), info: nonEmpty(h.info[language] ?? h.info["en"] ?? ""),
            additional: additional.isEmpty ? nil : additional,
            horsetelexHTML: h.horsetelex ? EquictyWire(store: store, context: context).horsetelexHTML(horseID: h.id, colors: colors) : nil)
    }

    func animal(_ a: DemoAnimal) -> SaleAnimal {
        let species = store.species[a.species]
        let breeder = store.breeders.indices.contains(a.breeder) ? store.breeders[a.breeder].business_name : nil
        return SaleAnimal(
            id: a.ids, reference: nonEmpty(a.my_id), name: nonEmpty(a.name), descriptor: nonEmpty(a.descriptor),
            species: Species(id: a.species, commonName: species?.common_name ?? "Unknown",
                             scientificName: species.map(\.scientific_name), pictureURL: species.map { context.mediaURL($0.picture) }),
            sex: AnimalSex(rawValue: a.sex) ?? .unknown, dateOfBirth: WireContext.parseISO(a.full_dob),
            dateAcquired: WireContext.parseISO(a.date_acquired), maturity: nonEmpty(a.maturity), status: nonEmpty(a.status),
            isProvenBreeder: a.is_proven_breeder,
            sireGenetics: a.sire_genetics.map { Gene(name: $0.name, trait: nonEmpty($0.trait)) },
            damGenetics: a.dam_genetics.map { Gene(name: $0.name, trait: nonEmpty($0.trait)) },
            photos: a.photos.map(context.mediaURL), tags: a.tags,
            price: a.sale_info?.sale_price.flatMap { Decimal(string: String(format: "%.2f", $0)) },
            displayCurrency: nonEmpty(a.display_currency), pricingNotes: a.sale_info.flatMap { nonEmpty($0.pricing_notes) },
            buyerNotes: a.sale_info.flatMap { nonEmpty($0.buyer_notes) }, breeder: breeder)
    }
}
