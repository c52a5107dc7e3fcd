import Foundation
import PaddockCatalogue
import PaddockTemplate

extension RenderEnvironment {
    /// The contexts of sold pages, "no longer available" pages, redirects and the sold archive.
    func lifecycleContext(for page: PlannedPage, frame: PageFrame, data: LanguageData) -> BuiltContext {
        let lifecycle = plan.lifecycle
        switch page.kind {
        case .sold(.horse, let id):
            guard let horse = lifecycle?.goneHorses[page.language]?[id] else { break }
            var detail = HorseDetail(horse: horse, frame: frame, data: data, cards: data.cards, sanitize: sanitize)
            detail.sold = true
            return detail.context()
        case .sold(.animal, let id):
            guard let animal = lifecycle?.goneAnimals[page.language]?[id] else { break }
            var detail = AnimalDetail(animal: HerdPlan.localized(animal, strings: data.strings), frame: frame, data: data, cards: data.cards)
            detail.sold = true
            return BuiltContext(value: detail.context())
        case .sold(.herdAnimal, let id):
            guard let animal = lifecycle?.goneHerd[page.language]?[id], let herd = herdData[page.language] else { break }
            var detail = HerdDetail(animal: animal, frame: frame, data: data, herd: herd)
            detail.sold = true
            detail.similar = similar(.herdAnimal, id: id, data: data)
            return BuiltContext(value: detail.context())
        case .gone(let kind, let id):
            return gone(kind, id: id, frame: frame, data: data)
        case .moved(let target):
            return BuiltContext(value: .map([
                "lang": .string(page.language), "t": data.t, "title": .string(data.string("moved_title")),
                "target": .string(page.rootPrefix + PlannedPage.urlPath(target)),
                "canonical": .string(frame.absolute(target)),
            ]))
        case .soldArchive:
            return soldArchive(frame: frame, data: data)
        default: break
        }
        return BuiltContext(value: frame.context(title: nil, extra: [:]))
    }

    /// Up to four listed items like `kind`/`id`: animals of its species, horses of its sex and
    /// studbook, then of its sex, then any; herd animals of its breeds, then any.
    func similar(_ kind: ItemKind, id: String, data: LanguageData) -> TemplateValue {
        let limit = 4
        var picked: [String] = []
        func add(_ ids: [String]) { for other in ids where other != id && !picked.contains(other) && picked.count < limit { picked.append(other) } }
        switch kind {
        case .horse:
            let horse = plan.lifecycle?.goneHorses[data.language]?[id] ?? data.horses[id]
            if let horse {
                if let studbook = plan.studbookSlug(of: horse) {
                    add(data.horseIDs(.studbook(studbook)).filter { data.horses[$0]?.gender == horse.gender })
                }
                add(data.horseIDs(.gender(horse.gender)))
            }
            add(data.horseIDs(.all))
            let cards = picked.compactMap { data.horseCards[$0] }
            return cards.isEmpty ? .null : .map(["horses": .section(cards)])
        case .animal:
            let animal = plan.lifecycle?.goneAnimals[data.language]?[id] ?? data.animals[id]
            var picked = animal.flatMap { animal in data.species.first { $0.id == animal.species.id }?.animals } ?? []
            picked = picked.filter { $0 != id }
            for other in data.newestAnimals where picked.count < limit && other != id && !picked.contains(other) { picked.append(other) }
            let cards = picked.prefix(limit).compactMap { data.animalCards[$0] }
            return cards.isEmpty ? .null : .map(["animals": .section(Array(cards))])
        case .herdAnimal:
            guard let herd = herdData[data.language] else { return .null }
            if let animal = plan.lifecycle?.goneHerd[data.language]?[id] ?? herd.animals[id] {
                for share in animal.breeds { add(herd.ids(.breed(Slug.make(share.breed)))) }
            }
            add(herd.ids(.all))
            let cards = picked.compactMap { herd.cards[$0] }
            return cards.isEmpty ? .null : .map(["herd": .section(cards)])
        }
    }

    private func gone(_ kind: ItemKind, id: String, frame: PageFrame, data: LanguageData) -> BuiltContext {
        let name: String? = switch kind {
        case .horse: plan.lifecycle?.goneHorses[data.language]?[id]?.name
        case .animal: plan.lifecycle?.goneAnimals[data.language]?[id].map(SitePlan.animalTitle)
        // The name the herd page showed: the ear tag only while ear tags are shown.
        case .herdAnimal: plan.lifecycle?.goneHerd[data.language]?[id].flatMap { HerdPlan.title($0, settings: plan.herd.settings) }
        }
        let similar = similar(kind, id: id, data: data)
        let title = name.map { data.string("gone_title", ["name": $0]) } ?? data.string("gone_title_unnamed")
        let equicty = kind.showsEquictyData
        var value = frame.context(title: title, equicty: equicty, extra: [
            "goneText": .string(data.string(kind.goneTextKey)),
            "similar": similar, "kind": .string(kind.rawValue), "noindex": .bool(true),
            "listingHref": .string("\(data.language)/\(kind.folder)"),
            "listingLabel": .string(data.string(kind.listingLabelKey)),
        ])
        // An animal that may have left unsold (culled, died) gets no "Sold" link beside its notice.
        if !SiteLifecycle.leavingMeansSold(kind, id: id) {
            var map = value.mapValue
            map["soldArchiveHref"] = .null
            value = .map(map)
        }
        return BuiltContext(value: value, equicty: equicty)
    }

    private func soldArchive(frame: PageFrame, data: LanguageData) -> BuiltContext {
        let lifecycle = plan.lifecycle
        let horses = (lifecycle?.goneHorses[data.language] ?? [:]).values
            .filter { lifecycle?.isRetired(.horse, $0.id) == true && plan.horseSlugs[$0.id] != nil }
            .sorted { $0.name.sortKey == $1.name.sortKey ? $0.id < $1.id : $0.name.sortKey < $1.name.sortKey }
        let animals = (lifecycle?.goneAnimals[data.language] ?? [:]).values
            .filter { lifecycle?.isRetired(.animal, $0.id) == true && plan.animalSlugs[$0.id] != nil }
            .sorted { SitePlan.animalTitle($0).sortKey < SitePlan.animalTitle($1).sortKey }
            .map { HerdPlan.localized($0, strings: data.strings) }
        // Herd animals tagged sold, on the card their herd page had (marked sold).
        let herdCards = soldHerdCards(data: data)
        let value = frame.context(title: data.string("sold_archive_title"), equicty: !horses.isEmpty, extra: [
            "horses": .section(horses.map { data.cards.horseCard($0) }),
            "animals": .section(animals.map { data.cards.animalCard($0) }),
            "herd": .section(herdCards),
            "empty": .bool(horses.isEmpty && animals.isEmpty && herdCards.isEmpty),
        ])
        return BuiltContext(value: value, equicty: !horses.isEmpty)
    }

    /// Herd animals tagged sold whose pages stand, on the card their herd page had (marked sold), by title.
    private func soldHerdCards(data: LanguageData) -> [TemplateValue] {
        guard let lifecycle = plan.lifecycle else { return [] }
        let settings = plan.herd.settings
        let photos = herdData[data.language]?.photos ?? .none
        var sold: [(animal: HerdAnimal, key: String)] = []
        for animal in (lifecycle.goneHerd[data.language] ?? [:]).values
        where lifecycle.isRetired(.herdAnimal, animal.id) && plan.herd.slugs[animal.id] != nil {
            sold.append((animal, (HerdPlan.title(animal, settings: settings) ?? data.string("herd_unnamed")).sortKey))
        }
        sold.sort { $0.key == $1.key ? $0.animal.id < $1.animal.id : $0.key < $1.key }
        return sold.map { HerdData.card($0.animal, plan: plan, data: data, photos: photos) }
    }
}
