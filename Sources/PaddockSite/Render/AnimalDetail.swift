import Foundation
import PaddockCatalogue
import PaddockTemplate

/// The context of an animal's own page: what a buyer cares about (no husbandry internals).
struct AnimalDetail {
    let animal: SaleAnimal
    let frame: PageFrame
    let data: LanguageData
    let cards: CardBuilder
    /// The animal was sold or withdrawn: its page stays a while, marked sold, with similar animals.
    var sold = false

    func context() -> TemplateValue {
        let title = SitePlan.animalTitle(animal)
        // The card built once per animal and language (LanguageData) is this page's base.
        var extra = (data.animalCards[animal.id] ?? cards.animalCard(animal)).mapValue
        // One copy of the shared card, with room for this page's and the frame's keys.
        extra.reserveCapacity(extra.count + PageFrame.reservedKeys + 12)
        let photos: [TemplateValue] = animal.photos.enumerated().compactMap { index, url in
            guard let safe = SafeURL.web(url) else { return nil }
            return .map(["full": .string(safe), "thumb": .string(safe),
                         "alt": .string(data.string("photo_of", ["name": title, "n": String(index + 1)]))])
        }
        var facts: [FactRow] = [
            FactRow("fact_species", animal.species.commonName),
            FactRow("fact_sex", cards.animalSexText(animal.sex)),
            FactRow("fact_born", extra["dateOfBirth"]?.stringValue, date: animal.dateOfBirth),   // the card's date, formatted once
            FactRow("fact_maturity", animal.maturity),
            FactRow("fact_reference", animal.reference),
        ]
        if animal.isProvenBreeder { facts.append(FactRow("fact_proven", data.string("yes"))) }
        extra["facts"] = .section(facts.compactMap { $0.value(data) })
        extra["sireGenes"] = cards.genes(animal.sireGenetics)
        extra["damGenes"] = cards.genes(animal.damGenetics)
        extra["gallery"] = .section(photos)
        extra["pricingNotes"] = .nonEmpty(animal.pricingNotes?.trimmed)
        extra["buyerNotes"] = .nonEmpty(animal.buyerNotes?.trimmed)
        extra["tags"] = .textList(animal.tags)
        let inquiry = Inquiry(name: title, reference: animal.reference?.trimmed.nonEmpty ?? animal.id,
                              url: frame.absolute(frame.page.path), config: frame.plan.config, data: data)
        extra["inquiryHref"] = sold ? .null : .nonEmpty(inquiry.emailHref)
        extra["inquiry"] = sold ? .null : inquiry.value
        if sold {
            extra["sold"] = .bool(true)
            extra["reserved"] = .bool(false)
            extra["pricingNotes"] = .null
            extra["buyerNotes"] = .null
            extra["badges"] = .section([.map(["code": "sold", "label": .string(data.string("badge_sold"))])])
            extra["similar"] = frame.environment.similar(.animal, id: animal.id, data: data)
        }
        extra["forSaleHref"] = .string("\(data.language)/for-sale/")
        let image = animal.photos.lazy.compactMap(SafeURL.web).first
        return frame.context(title: title, description: animal.descriptor, image: image, ogType: "product",
                             jsonLD: jsonLD(title: title, image: image), extra: extra)
    }

    private func jsonLD(title: String, image: String?) -> [String: JSONLD.Value] {
        let url = frame.absolute(frame.page.path)
        var product: [String: JSONLD.Value] = [
            "@context": "https://schema.org", "@type": "Product", "name": .string(title), "url": .string(url),
            "category": .string(animal.species.scientificName.map { "\(animal.species.commonName) (\($0))" } ?? animal.species.commonName),
        ]
        if let descriptor = animal.descriptor { product["description"] = .string(descriptor) }
        product["productID"] = .string(animal.id)
        if let reference = animal.reference { product["sku"] = .string(reference) }
        if let born = animal.dateOfBirth { product["additionalProperty"] = FactRow.birthDateProperty(born) }
        if let image { product["image"] = .string(image) }
        if sold {
            product["offers"] = SoldJSONLD.offer(price: animal.price, currency: frame.plan.config.currency, url: url)
        } else if let price = animal.price, price > 0 {
            product["offers"] = [
                "@type": "Offer", "price": .string("\(price)"), "priceCurrency": .string(frame.plan.config.currency),
                "availability": .string(animal.isReserved ? "https://schema.org/Reserved" : "https://schema.org/InStock"),
                "url": .string(url),
            ]
        }
        return product
    }
}
