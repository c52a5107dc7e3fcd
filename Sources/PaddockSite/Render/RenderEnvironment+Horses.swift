import PaddockCatalogue
import PaddockTemplate

extension RenderEnvironment {
    func horseListing(filter: HorseFilter, page number: Int, of count: Int, frame: PageFrame, data: LanguageData) -> TemplateValue {
        let ids = data.horseIDs(filter)
        let perPage = max(1, plan.config.horsesPerPage)
        let slice = ids.dropFirst((number - 1) * perPage).prefix(perPage)
        let folder = data.language + "/" + SitePlan.listingFolder(filter)
        var heading = data.string("horses_title")
        switch filter {
        case .all: break
        case .gender(let gender): heading = data.string("filter_\(gender.rawValue.lowercased())")
        case .studbook(let slug): heading = data.string("studbook_title", ["name": plan.studbooks[slug] ?? slug])
        }
        let title = number > 1 ? "\(heading) – \(data.string("page_n", ["n": String(number)]))" : heading
        return frame.context(title: title, equicty: true, extra: [
            "heading": .string(heading),
            "horses": .section(slice.compactMap { data.horseCards[$0] }),
            "count": .int(ids.count),
            "countText": .string(data.string(ids.count == 1 ? "horses_one" : "horses_other", ["n": String(ids.count)])),
            "filters": filters(current: filter, data: data),
            "filterPreset": Self.filterPreset(filter),
            "pagination": Pagination.context(folder: folder, page: number, of: count, data: data),
        ])
    }

    /// The filter state a listing page shows (`sex=stallion`), for `assets/filters.js`.
    static func filterPreset(_ filter: HorseFilter) -> TemplateValue {
        switch filter {
        case .all: .null
        case .gender(let gender): .string("sex=" + gender.rawValue.lowercased())
        case .studbook(let slug): .string("studbook=" + slug)
        }
    }

    private func filters(current: HorseFilter, data: LanguageData) -> TemplateValue {
        let language = data.language
        func item(_ label: String, _ filter: HorseFilter) -> TemplateValue {
            .map([
                "label": .string(label), "href": .string(language + "/" + SitePlan.listingFolder(filter)),
                "current": .bool(filter == current), "count": .int(data.horseIDs(filter).count),
            ])
        }
        var genders = [item(data.string("filter_all"), .all)]
        for gender in HorseGender.allCases where gender != .unknown && !data.horseIDs(.gender(gender)).isEmpty {
            genders.append(item(data.string("filter_\(gender.rawValue.lowercased())"), .gender(gender)))
        }
        let studbooks = plan.studbooks.keys.sorted().filter { !data.horseIDs(.studbook($0)).isEmpty }
            .map { item(plan.studbooks[$0] ?? $0, .studbook($0)) }
        return .map(["genders": .array(genders), "studbooks": .section(studbooks)])
    }
}
