import Foundation
import PaddockCatalogue
import PaddockTemplate

extension FilterIndex {
    /// Upper bounds of the price bands, in the site's currency: under 100, 100–249, 250–499,
    /// 500–999, 1,000–2,499, 2,500 and more (and "price on request").
    static let priceBounds: [Decimal] = [100, 250, 500, 1000, 2500]

    /// The animals' index.
    func animals() -> IndexJSON {
        var slug = IndexColumn.Texts(), title = IndexColumn.Texts(), descriptor = IndexColumn.Texts(), reference = IndexColumn.Texts()
        var species = IndexColumn.Coded(keyed: true), sex = IndexColumn.Coded(keyed: true), maturity = IndexColumn.Coded(keyed: true)
        var born = IndexColumn.Numbers(), bornText = IndexColumn.Coded(keyed: false), bornISO = IndexColumn.Coded(keyed: false)
        var price = IndexColumn.Numbers(), priceText = IndexColumn.Coded(keyed: false), priceBand = IndexColumn.Coded(keyed: true)
        var reserved = IndexColumn.Numbers()
        var genes = IndexColumn.MultiCoded(), badges = IndexColumn.MultiCoded()
        var pictures = IndexColumn.Pictures()
        let known = data.animals.values.flatMap { ($0.sireGenetics + $0.damGenetics).map(\.name) }
        let bandLabels = priceBandLabels()
        for (index, label) in bandLabels.enumerated() { _ = priceBand.code(key: index == 0 ? "request" : "p\(index - 1)", label: label) }
        for code in ["m", "f", "u"] { _ = sex.code(key: code, label: data.cards.animalSexText(AnimalSex(rawValue: code.uppercased())!)) }
        for id in data.newestAnimals {
            guard let animal = data.animals[id], let slugText = plan.animalSlugs[id] else { continue }
            let card = data.animalCards[id]?.mapValue ?? TemplateMap()
            let name = SitePlan.animalTitle(animal)
            slug.add(slugText)
            title.add(name)
            descriptor.add(card["descriptor"]?.stringValue)
            reference.add(animal.reference)
            species.add(animal.species.commonName, key: plan.speciesSlugs[animal.species.id] ?? Self.key(animal.species.commonName))
            sex.add(data.cards.animalSexText(animal.sex), key: animal.sex.rawValue.lowercased())
            maturity.add(animal.maturity?.trimmed, key: animal.maturity.map(Self.key))
            born.add(animal.dateOfBirth.map(Self.days))
            bornText.add(card["dateOfBirth"]?.stringValue)
            bornISO.add(card["dateOfBirthISO"]?.stringValue)
            if let amount = animal.price, amount > 0 {
                price.add(number: "\(amount)")
                let band = Self.priceBounds.firstIndex { amount < $0 } ?? Self.priceBounds.count
                priceBand.add(bandLabels[band + 1], key: "p\(band)")
            } else {
                price.add(nil)
                priceBand.add(bandLabels[0], key: "request")
            }
            priceText.add(card["price"]?.stringValue)
            reserved.add(animal.isReserved ? 1 : nil)
            // Genes as the gene's code times three plus its zygosity (0 visual, 1 het, 2 possible het).
            let morph = Morph(animal.descriptor, known: known)
            var codes: [Int] = []
            for gene in morph.genes {
                codes.append(genes.dictionary.code(key: Self.key(gene.name), label: gene.name) * 3 + gene.zygosity.rawValue)
            }
            genes.addCodes(codes)
            // The parents' genes as the card shows them (name and trait).
            let cardGenes = card["genes"]?.mapValue["items"].flatMap { value -> [TemplateValue]? in
                if case .array(let items) = value { return items }
                return nil
            } ?? []
            badges.add(cardGenes.map { item in
                let map = item.mapValue
                let name = map["name"]?.stringValue ?? "", trait = map["trait"]?.stringValue
                return (key: name + "|" + (trait ?? ""), label: trait.map { "\(name)|\($0)" } ?? name)
            })
            pictures.add(pictureSource(card, "photo"))
        }
        var facets: [IndexJSON] = []
        if species.labels.count > 1 { facets.append(Self.facet("species", title: data.string("filter_species"))) }
        facets.append(Self.facet("sex", title: data.string("fact_sex")))
        facets.append(Self.facet("priceBand", title: data.string("filter_price")))
        if maturity.codes.contains(where: { $0 >= 0 }) { facets.append(Self.facet("maturity", title: data.string("fact_maturity"))) }
        if genes.rows.contains(where: { !$0.isEmpty }) { facets.append(Self.facet("genes", title: data.string("genetics_title"), kind: "genes")) }
        return .object([
            ("v", .int(1)), ("kind", .string("animals")), ("lang", .string(data.language)), ("n", .int(slug.values.count)),
            ("base", .string("\(data.language)/for-sale/")), ("perPage", .int(max(1, plan.config.horsesPerPage))),
            ("placeholder", .string("assets/placeholder-animal.svg")),
            ("sorts", .array(["newest", "price", "price-desc", "age", "name"].map { sortOption($0) })),
            ("search", .array(["title", "descriptor", "reference", "genes", "species"].map(IndexJSON.string))),
            ("facets", .array(facets)), ("t", strings(Self.uiKeys)),
            ("cols", .object([
                ("slug", slug.json), ("title", title.json), ("descriptor", descriptor.json), ("reference", reference.json),
                ("species", species.json), ("sex", sex.json), ("maturity", maturity.json), ("born", born.json),
                ("bornText", bornText.json), ("bornISO", bornISO.json), ("price", price.json), ("priceText", priceText.json),
                ("priceBand", priceBand.json), ("reserved", reserved.json), ("genes", genes.json), ("badges", badges.json),
                ("picture", pictures.json),
            ])),
        ])
    }

    /// `Price on request`, `Under €100`, `€100–€249`, …, `€2,500 and more`.
    func priceBandLabels() -> [String] {
        let currency = plan.config.currency
        func text(_ amount: Decimal) -> String {
            // Whole amounts without decimals: `€100`, `100 €`.
            let formatted = data.format.price(amount, currency: currency)
            return formatted.replacingOccurrences(of: ".00", with: "").replacingOccurrences(of: ",00", with: "")
        }
        let bounds = Self.priceBounds
        var labels = [data.string("price_on_request"), data.string("filter_band_under", ["n": text(bounds[0])])]
        for index in 1..<bounds.count { labels.append("\(text(bounds[index - 1]))–\(text(bounds[index] - 1))") }
        labels.append(data.string("filter_band_over", ["n": text(bounds[bounds.count - 1])]))
        return labels
    }

    /// Days since 1970-01-01 (for sorting by age in the browser).
    static func days(_ date: CalendarDate) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = date.month
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + date.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
