import PaddockCatalogue

extension SitePlan {
    /// The herd listings (all, then by breed, lactation status and age band) and a page per animal.
    func planHerd(_ language: String, into builder: inout PlanBuilder) {
        let prefix = language + "/"
        var counts: [HerdFilter: Int] = [.all: herd.animals.count]
        for animal in herd.animals {
            for filter in herd.filters(of: animal) { counts[filter, default: 0] += 1 }
        }
        var filters: [HerdFilter] = [.all]
        filters += herd.breeds.keys.sorted().map { .breed($0) }
        filters += LactationStatus.allCases.map { .lactation($0) }
        filters += AgeBand.allCases.map { .age($0) }
        for filter in filters {
            guard let count = counts[filter], count > 0 || filter == .all else { continue }
            let pages = Self.pageCount(items: count, perPage: config.horsesPerPage)
            for page in 1...pages {
                builder.add(key: "herd/\(filter.folder)\(page)", path: prefix + Self.paginated(filter.folder, page: page),
                            language: language, kind: .herd(filter: filter, page: page, pageCount: pages))
            }
        }
        for animal in herd.animals {
            guard let slug = herd.slugs[animal.id] else { continue }
            builder.add(key: "herd-animal/\(animal.id)", path: prefix + "herd/\(slug)/index.html", language: language,
                        kind: .herdAnimal(id: animal.id))
        }
    }
}
