import Foundation
import PaddockCatalogue
import PaddockTemplate

extension RenderEnvironment {
    func context(for page: PlannedPage, frame: PageFrame, data: LanguageData) -> BuiltContext {
        let cards = data.cards
        switch page.kind {
        case .languageRedirect:
            return BuiltContext(value: redirect(page: page, frame: frame))
        case .home:
            return home(frame: frame, data: data)
        case .horses(let filter, let number, let count):
            return BuiltContext(value: horseListing(filter: filter, page: number, of: count, frame: frame, data: data), equicty: true)
        case .horse(let id):
            guard let horse = data.horses[id] else { return BuiltContext(value: frame.context(title: nil, extra: [:])) }
            let built = HorseDetail(horse: horse, frame: frame, data: data, cards: cards, sanitize: sanitize).context()
            return SaleSheet.adding(to: built, page: page, frame: frame, data: data)
        case .forSale:
            return BuiltContext(value: forSale(frame: frame, data: data))
        case .species(let id, let number, let count):
            return BuiltContext(value: speciesListing(id: id, page: number, of: count, frame: frame, data: data))
        case .animal(let id):
            guard let animal = data.animals[id] else { return BuiltContext(value: frame.context(title: nil, extra: [:])) }
            let built = BuiltContext(value: AnimalDetail(animal: animal, frame: frame, data: data, cards: cards).context())
            return SaleSheet.adding(to: built, page: page, frame: frame, data: data)
        case .herd(let filter, let number, let count):
            return BuiltContext(value: herdListing(filter: filter, page: number, of: count, frame: frame, data: data))
        case .herdAnimal(let id):
            let herd = herdData[data.language]!
            guard let animal = herd.animals[id] else { return BuiltContext(value: frame.context(title: nil, extra: [:])) }
            return BuiltContext(value: HerdDetail(animal: animal, frame: frame, data: data, herd: herd).context())
        case .markdown(let name):
            let content = pages.page(name, language: page.language, defaultLanguage: plan.languages[0])
            return BuiltContext(value: frame.context(title: content?.title ?? name, description: content?.description,
                                                     extra: ["content": .nonEmpty(content?.html)]))
        case .notFound:
            return BuiltContext(value: frame.context(title: data.string("not_found_title"), extra: [:]))
        case .sold, .gone, .moved, .soldArchive:
            return lifecycleContext(for: page, frame: frame, data: data)
        case .feed, .sitemap, .robots, .redirectsFile, .nginxRedirectMap:
            return BuiltContext(value: .null)
        }
    }

    private func redirect(page: PlannedPage, frame: PageFrame) -> TemplateValue {
        let target = "\(plan.languages[0])/"
        let alternates: [TemplateValue] = plan.languages.map {
            .map(["lang": .string($0), "href": .string(plan.config.baseURL + "\($0)/"), "path": .string("\($0)/"),
                  "name": .string(PageFrame.languageNames[$0] ?? $0)])
        }
        return .map([
            "lang": .string(page.language), "target": .string(target), "title": .string(plan.config.title),
            "canonical": .string(plan.config.baseURL + target), "alternates": .array(alternates),
            "t": languages[page.language]!.t,
        ])
    }

    private func home(frame: PageFrame, data: LanguageData) -> BuiltContext {
        let intro = pages.page("index", language: data.language, defaultLanguage: plan.languages[0])
        var featuredIDs = plan.config.featuredHorses.filter { data.horses[$0] != nil }
        if featuredIDs.isEmpty {
            // The newest horses: Equicty ids grow as horses are added.
            featuredIDs = Array(data.horses.keys.sorted { SlugAllocator.idLess($1, $0) }.prefix(6))
        }
        let featured = featuredIDs.compactMap { data.horseCards[$0] }
        let newest = data.newestAnimals.prefix(6).compactMap { data.animalCards[$0] }
        var jsonLD: [String: JSONLD.Value] = [
            "@context": "https://schema.org", "@type": "Organization", "name": .string(plan.config.title),
            "url": .string(plan.config.baseURL + "\(data.language)/"),
        ]
        if let email = plan.config.contactEmail { jsonLD["email"] = .string(email) }
        if let phone = plan.config.contactPhone { jsonLD["telephone"] = .string(phone) }
        let value = frame.context(
            title: nil, description: intro?.description, jsonLD: jsonLD, equicty: !featured.isEmpty,
            extra: [
                "intro": .nonEmpty(intro?.html),
                "featured": .section(featured),
                "newest": .section(newest),
                "horsesHref": plan.hasHorses ? .string("\(data.language)/horses/") : .null,
                "forSaleHref": plan.hasAnimals ? .string("\(data.language)/for-sale/") : .null,
                "herdHref": plan.hasHerd ? .string("\(data.language)/herd/") : .null,
            ])
        return BuiltContext(value: value, equicty: !featured.isEmpty)
    }

    private func forSale(frame: PageFrame, data: LanguageData) -> TemplateValue {
        let groups: [TemplateValue] = data.species.compactMap { entry in
            guard let first = entry.animals.first.flatMap({ data.animals[$0] }), let slug = plan.speciesSlugs[entry.id] else { return nil }
            let shown = entry.animals.prefix(8).compactMap { data.animalCards[$0] }
            return .map([
                "name": .string(first.species.commonName), "scientificName": .nonEmpty(first.species.scientificName),
                "href": .string("\(data.language)/for-sale/species/\(slug)/"), "anchor": .string("species-\(slug)"), "count": .int(entry.animals.count),
                "countText": .string(data.string(entry.animals.count == 1 ? "animals_one" : "animals_other",
                                                 ["n": String(entry.animals.count)])),
                "animals": .section(shown), "more": .bool(entry.animals.count > shown.count),
            ])
        }
        return frame.context(title: data.string("for_sale_title"), extra: ["groups": .section(groups)])
    }

    private func speciesListing(id: String, page number: Int, of count: Int, frame: PageFrame, data: LanguageData) -> TemplateValue {
        let ids = data.species.first(where: { $0.id == id })?.animals ?? []
        let perPage = max(1, plan.config.horsesPerPage)
        let slice = ids.dropFirst((number - 1) * perPage).prefix(perPage)
        let species = ids.first.flatMap { data.animals[$0]?.species }
        let folder = "\(data.language)/for-sale/species/\(plan.speciesSlugs[id] ?? id)/"
        let title = species?.commonName ?? id
        return frame.context(title: number > 1 ? "\(title) – \(data.string("page_n", ["n": String(number)]))" : title, extra: [
            "species": .map(["name": .string(title), "scientificName": .nonEmpty(species?.scientificName)]),
            "animals": .section(slice.compactMap { data.animalCards[$0] }),
            "pagination": Pagination.context(folder: folder, page: number, of: count, data: data),
            "forSaleHref": .string("\(data.language)/for-sale/"),
            "filterPreset": .string("species=\(plan.speciesSlugs[id] ?? id)"),
        ])
    }
}
