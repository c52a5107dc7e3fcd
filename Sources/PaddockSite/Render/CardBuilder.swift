import Foundation
import PaddockCatalogue
import PaddockTemplate

/// The short forms of horses and animals used in listings; links are relative to the site root.
///
/// One per language (``LanguageData/cards``), shared by reference by every page's context.
final class CardBuilder: Sendable {
    let language: String
    let plan: SitePlan
    let strings: [String: String]
    let format: LocaleFormat

    init(language: String, plan: SitePlan, strings: [String: String], format: LocaleFormat) {
        self.language = language
        self.plan = plan
        self.strings = strings
        self.format = format
    }

    func string(_ key: String) -> String { strings[key] ?? key }

    func horseHref(_ id: String) -> String? { plan.horseSlugs[id].map { "\(language)/horses/\($0)/" } }
    func animalHref(_ id: String) -> String? { plan.animalSlugs[id].map { "\(language)/for-sale/\($0)/" } }

    /// `12 years`, `1 year`.
    func ageText(_ age: Int?) -> String? {
        guard let age, age >= 0 else { return nil }
        return string(age == 1 ? "age_one" : "age_other").replacingOccurrences(of: "{n}", with: String(age))
    }

    /// `1.68 m`, `168 cm`.
    func heightText(_ horse: Horse) -> String? {
        guard let height = horse.height, height > 0, height.isFinite else { return nil }
        let unit = horse.heightUnit?.trimmed ?? ""
        return unit.isEmpty ? format.number(height) : "\(format.number(height)) \(unit)"
    }

    func sexText(_ horse: Horse) -> String? {
        if let sex = horse.sex?.trimmed, !sex.isEmpty { return sex }
        return horse.gender == .unknown ? nil : string("gender_\(horse.gender.rawValue.lowercased())")
    }

    func animalSexText(_ sex: AnimalSex) -> String {
        switch sex {
        case .male: string("sex_male")
        case .female: string("sex_female")
        case .unknown: string("sex_unknown")
        }
    }

    func priceText(_ animal: SaleAnimal) -> String {
        guard let price = animal.price, price > 0 else { return string("price_on_request") }
        return format.price(price, currency: plan.config.currency)
    }

    /// An image map `{src, alt}` for a safe URL, or null.
    func image(_ url: String?, alt: String) -> TemplateValue {
        guard let src = SafeURL.web(url) else { return .null }
        return .map(["src": .string(src), "alt": .string(alt)])
    }

    func horseCard(_ horse: Horse) -> TemplateValue {
        let miniature = horse.miniatureURL ?? horse.pictures.first?.miniatureURL ?? horse.pictures.first?.url
        return .map([
            "id": .string(horse.id),
            "name": .string(horse.name),
            "href": .nonEmpty(horseHref(horse.id)),
            "gender": .string(horse.gender.rawValue.lowercased()),
            "studbookSlug": .nonEmpty(plan.studbookSlug(of: horse)),
            "miniature": image(miniature, alt: horse.name),
            "sex": .nonEmpty(sexText(horse)),
            "age": .nonEmpty(ageText(horse.age)),
            "studbook": .nonEmpty(horse.studbook),
            "color": .nonEmpty(horse.color),
            "height": .nonEmpty(heightText(horse)),
            "badges": badges(.horse, horse.id),
        ])
    }

    /// The lifecycle badges of an item `{code, label}` (`partials/badges`), null when none.
    func badges(_ kind: ItemKind, _ id: String) -> TemplateValue {
        guard let badges = plan.lifecycle?.badges(kind, id), !badges.isEmpty else { return .null }
        return .section(badges.map { .map(["code": .string($0.rawValue), "label": .string(string($0.translationKey))]) })
    }

    /// Distinct genes of both parents as badges `{name, trait}`.
    func genes(_ genes: [Gene]) -> TemplateValue {
        var seen: Set<String> = []
        var badges: [TemplateValue] = []
        for gene in genes where !gene.name.isEmpty && seen.insert(gene.name.lowercased()).inserted {
            badges.append(.map(["name": .string(gene.name), "trait": .nonEmpty(gene.trait)]))
        }
        return .section(badges)
    }

    func animalCard(_ animal: SaleAnimal) -> TemplateValue {
        let title = SitePlan.animalTitle(animal)
        return .map([
            "id": .string(animal.id),
            "title": .string(title),
            "descriptor": animal.descriptor == title ? .null : .nonEmpty(animal.descriptor),
            "href": .nonEmpty(animalHref(animal.id)),
            "species": .string(animal.species.commonName),
            "scientificName": .nonEmpty(animal.species.scientificName),
            "sex": .string(animalSexText(animal.sex)),
            "sexCode": .string(animal.sex.rawValue.lowercased()),
            "dateOfBirth": .nonEmpty(format.date(animal.dateOfBirth)),
            "dateOfBirthISO": .nonEmpty(animal.dateOfBirth?.description),
            "price": .string(priceText(animal)),
            "hasPrice": .bool(animal.price.map { $0 > 0 } ?? false),
            "reserved": .bool(animal.isReserved),
            "photo": image(animal.photos.first, alt: title),
            "genes": genes(animal.sireGenetics + animal.damGenetics),
            "badges": badges(.animal, animal.id),
        ])
    }
}
