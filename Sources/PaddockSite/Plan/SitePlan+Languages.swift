import PaddockCatalogue

extension SitePlan {
    /// Path segments of the gender listings (the same in every language, so alternates line up).
    package static func genderSegment(_ gender: HorseGender) -> String {
        switch gender {
        case .stallion: "stallions"
        case .mare: "mares"
        case .gelding: "geldings"
        case .filly: "fillies"
        case .colt: "colts"
        case .unknown: "unknown"
        }
    }

    /// The folder of a horse listing, relative to the language folder (`horses/mares/`).
    package static func listingFolder(_ filter: HorseFilter) -> String {
        switch filter {
        case .all: "horses/"
        case .gender(let gender): "horses/\(genderSegment(gender))/"
        case .studbook(let slug): "horses/studbook/\(slug)/"
        }
    }

    /// The path of page `page` of a paginated folder (`horses/` → `horses/page/2/index.html`).
    static func paginated(_ folder: String, page: Int) -> String {
        page <= 1 ? folder + "index.html" : folder + "page/\(page)/index.html"
    }

    static func pageCount(items: Int, perPage: Int) -> Int {
        let per = max(1, perPage)
        return max(1, (items + per - 1) / per)
    }

    func planLanguage(_ language: String, catalogue: Catalogue, into builder: inout PlanBuilder) {
        let prefix = language + "/"
        builder.add(key: "home", path: prefix + "index.html", language: language, kind: .home)
        if hasHorses { planHorses(language, catalogue: catalogue, into: &builder) }
        if hasAnimals { planAnimals(language, catalogue: catalogue, into: &builder) }
        if hasHerd { planHerd(language, into: &builder) }
        for (name, slug) in markdownSlugs.sorted(by: { $0.value < $1.value }) {
            builder.add(key: "md/\(name)", path: prefix + slug + "/index.html", language: language, kind: .markdown(name: name))
        }
        builder.add(key: "404/lang", path: prefix + "404.html", language: language, kind: .notFound)
    }

    private func planHorses(_ language: String, catalogue: Catalogue, into builder: inout PlanBuilder) {
        let prefix = language + "/"
        // One pass over the unique horses, counting without copying them.
        var seen: Set<String> = []
        var total = 0
        var genderCounts: [HorseGender: Int] = [:]
        var studbookCounts: [String: Int] = [:]
        for index in catalogue.horses.indices where seen.insert(catalogue.horses[index].id).inserted {
            total += 1
            genderCounts[catalogue.horses[index].gender, default: 0] += 1
            if let slug = studbookSlug(of: catalogue.horses[index]) { studbookCounts[slug, default: 0] += 1 }
        }
        var filters: [(HorseFilter, Int)] = [(.all, total)]
        for gender in HorseGender.allCases where gender != .unknown {
            if let count = genderCounts[gender], count > 0 { filters.append((.gender(gender), count)) }
        }
        for slug in studbookCounts.keys.sorted() { filters.append((.studbook(slug), studbookCounts[slug]!)) }
        for (filter, count) in filters {
            let pages = Self.pageCount(items: count, perPage: config.horsesPerPage)
            let folder = Self.listingFolder(filter)
            for page in 1...pages {
                builder.add(key: "list/\(folder)\(page)", path: prefix + Self.paginated(folder, page: page),
                            language: language, kind: .horses(filter: filter, page: page, pageCount: pages))
            }
        }
        for id in SlugAllocator.sortedIDs(Set(catalogue.horses.map(\.id))) {
            guard let slug = horseSlugs[id] else { continue }
            builder.add(key: "horse/\(id)", path: prefix + "horses/\(slug)/index.html", language: language, kind: .horse(id: id))
        }
    }

    private func planAnimals(_ language: String, catalogue: Catalogue, into builder: inout PlanBuilder) {
        let prefix = language + "/"
        builder.add(key: "for-sale", path: prefix + "for-sale/index.html", language: language, kind: .forSale)
        builder.add(key: "feed", path: prefix + "feed.xml", language: language, kind: .feed)
        var counts: [String: Int] = [:]
        var seen: Set<String> = []
        for animal in catalogue.animals where seen.insert(animal.id).inserted { counts[animal.species.id, default: 0] += 1 }
        for id in counts.keys.sorted(by: { (speciesSlugs[$0] ?? $0) < (speciesSlugs[$1] ?? $1) }) {
            guard let slug = speciesSlugs[id] else { continue }
            let pages = Self.pageCount(items: counts[id]!, perPage: config.horsesPerPage)
            for page in 1...pages {
                builder.add(key: "species/\(id)/\(page)", path: prefix + Self.paginated("for-sale/species/\(slug)/", page: page),
                            language: language, kind: .species(id: id, page: page, pageCount: pages))
            }
        }
        for id in SlugAllocator.sortedIDs(Set(catalogue.animals.map(\.id))) {
            guard let slug = animalSlugs[id] else { continue }
            builder.add(key: "animal/\(id)", path: prefix + "for-sale/\(slug)/index.html", language: language, kind: .animal(id: id))
        }
    }

    /// The slug of a horse's studbook, if it has one.
    package func studbookSlug(of horse: Horse) -> String? {
        guard let name = horse.studbook?.trimmed, !name.isEmpty else { return nil }
        return Slug.make(name)
    }
}
