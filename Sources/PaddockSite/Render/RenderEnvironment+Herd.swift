import PaddockCatalogue
import PaddockTemplate

extension RenderEnvironment {
    func herdListing(filter: HerdFilter, page number: Int, of count: Int, frame: PageFrame, data: LanguageData) -> TemplateValue {
        let herd = herdData[data.language]!
        let ids = herd.ids(filter)
        let perPage = max(1, plan.config.horsesPerPage)
        let slice = ids.dropFirst((number - 1) * perPage).prefix(perPage)
        let heading = filter == .all ? data.string("herd_title") : "\(data.string("herd_title")): \(herdFilterLabel(filter, data: data))"
        let title = number > 1 ? "\(heading) – \(data.string("page_n", ["n": String(number)]))" : heading
        return frame.context(title: title, extra: [
            "heading": .string(heading),
            "animals": .section(slice.compactMap { herd.cards[$0] }),
            "count": .int(ids.count),
            "countText": .string(data.string(ids.count == 1 ? "animals_one" : "animals_other", ["n": String(ids.count)])),
            "filters": herdFilters(current: filter, herd: herd, data: data),
            "pagination": Pagination.context(folder: data.language + "/" + filter.folder, page: number, of: count, data: data),
        ])
    }

    func herdFilterLabel(_ filter: HerdFilter, data: LanguageData) -> String {
        switch filter {
        case .all: data.string("filter_all")
        case .breed(let slug): plan.herd.breeds[slug] ?? slug
        case .lactation(let status): HerdData.statusText(status, data: data) ?? status.rawValue
        case .age(let band): data.string("herd_age_\(band.rawValue.replacingOccurrences(of: "-", with: "_"))")
        }
    }

    private func herdFilters(current: HerdFilter, herd: HerdData, data: LanguageData) -> TemplateValue {
        func items(_ filters: [HerdFilter]) -> TemplateValue {
            .section(filters.filter { !herd.ids($0).isEmpty }.map { filter in
                .map([
                    "label": .string(herdFilterLabel(filter, data: data)), "href": .string(data.language + "/" + filter.folder),
                    "current": .bool(filter == current), "count": .int(herd.ids(filter).count),
                ])
            })
        }
        return .map([
            "all": items([.all]),
            "breeds": items(plan.herd.breeds.keys.sorted().map { .breed($0) }),
            "statuses": items(LactationStatus.allCases.map { .lactation($0) }),
            "ages": items(AgeBand.allCases.map { .age($0) }),
        ])
    }
}
