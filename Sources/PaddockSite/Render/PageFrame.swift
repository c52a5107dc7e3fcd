import Foundation
import PaddockTemplate

/// The keys every HTML page receives: language, site, head links, navigation, attribution.
struct PageFrame {
    let page: PlannedPage
    /// What every page shares; held by reference (a frame is made for every page, and copying the
    /// plan's tables into each would retain every one of them).
    let environment: RenderEnvironment
    let data: LanguageData

    var plan: SitePlan { environment.plan }
    /// Titles of the extra Markdown pages: name → language → title.
    var markdownTitles: [String: [String: String]] { environment.markdownTitles }
    /// The navigation of this page's language by current section, built once per render
    /// (``navigationTable(language:plan:data:markdownTitles:)``); computed here when absent.
    var navigationByCurrent: [NavigationCurrent: TemplateValue]? { environment.navigation[page.language] }

    /// The navigation entry a page marks as current.
    enum NavigationCurrent: Hashable {
        case home, horses, forSale, herd, markdown(String), none

        init(_ kind: PageKind) {
            switch kind {
            case .home: self = .home
            case .horses, .horse: self = .horses
            case .forSale, .species, .animal: self = .forSale
            case .herd, .herdAnimal: self = .herd
            case .markdown(let name): self = .markdown(name)
            default: self = .none
            }
        }
    }

    /// How many keys ``context(title:description:image:ogType:jsonLD:equicty:horsetelex:extra:)`` adds.
    static let reservedKeys = 21

    static let languageNames = ["en": "English", "fr": "Français", "de": "Deutsch", "nl": "Nederlands"]

    /// The `site` map every page receives (the same for every page: built once per language).
    static func site(_ config: SiteConfig) -> TemplateValue {
        .map([
            "title": .string(config.title),
            "description": .nonEmpty(config.description),
            "email": .nonEmpty(config.contactEmail),
            "emailHref": .nonEmpty(SafeURL.mailto(config.contactEmail, subject: config.title)),
            "phone": .nonEmpty(config.contactPhone),
            "phoneHref": .nonEmpty(config.contactPhone.map { "tel:" + $0.filter { $0.isNumber || $0 == "+" } }),
            "baseURL": .string(config.baseURL),
        ])
    }

    /// The prefix to the site root: relative for normal pages, the base URL's path for 404 pages
    /// (a server shows them at any depth).
    var root: String {
        if case .notFound = page.kind { return URLComponents(string: plan.config.baseURL)?.path.nonEmpty ?? "/" }
        return page.rootPrefix
    }

    func absolute(_ sitePath: String) -> String { plan.config.baseURL + PlannedPage.urlPath(sitePath) }

    /// - Parameters:
    ///   - title: the page's own title (the site title is appended in `<title>`).
    ///   - equicty: the page shows Equicty data; horsetelex: it shows HorseTelex data.
    func context(title: String?, description: String? = nil, image: String? = nil, ogType: String = "website",
                 jsonLD: [String: JSONLD.Value]? = nil, equicty: Bool = false, horsetelex: Bool = false,
                 extra: consuming TemplateMap) -> TemplateValue {
        let config = plan.config
        let language = page.language
        var map = consume extra
        map.reserveCapacity(map.count + Self.reservedKeys)   // the frame's keys, without growing the table twice
        map["lang"] = .string(language)
        map["dir"] = .string("ltr")
        map["root"] = .string(root)
        map["t"] = data.t
        map["title"] = .nonEmpty(title)
        map["documentTitle"] = .string(title.map { "\($0) – \(config.title)" } ?? config.title)
        map["description"] = .nonEmpty(description ?? config.description)
        map["canonical"] = .string(absolute(page.path))
        map["site"] = data.site
        map["og"] = .map([
            "type": .string(ogType),
            "image": .nonEmpty(SafeURL.web(image)),
            "locale": data.ogLocale,
        ])
        map["alternates"] = .nonEmpty(alternates())
        map["xDefault"] = .nonEmpty(page.alternates[plan.languages[0]].map(absolute))
        map["languageMenu"] = .section(languageLinks())
        let current = NavigationCurrent(page.kind)
        map["nav"] = navigationByCurrent?[current]
            ?? .nonEmpty(Self.navigation(language: language, current: current, plan: plan, data: data, markdownTitles: markdownTitles))
        map["jsonLD"] = .nonEmpty(StructuredData.main(jsonLD, config: config).map(JSONLD.script))
        map["breadcrumbLD"] = .nonEmpty(StructuredData.breadcrumb(breadcrumb(title: title)).map(JSONLD.script))
        map["feedHref"] = plan.hasAnimals ? .string("\(language)/feed.xml") : .null
        map["homeHref"] = .string("\(language)/")
        map["soldArchiveHref"] = plan.lifecycle?.settings.soldArchive == true ? .string("\(language)/sold/") : .null
        map["attribution"] = .map(["equicty": .bool(equicty), "horsetelex": .bool(horsetelex)])
        return .map(map)
    }

    /// The trail to a horse, an animal or a species listing, for its `BreadcrumbList`.
    private func breadcrumb(title: String?) -> [(name: String, url: String)] {
        let language = page.language
        let home = (plan.config.title, absolute("\(language)/"))
        let here = (title ?? plan.config.title, absolute(page.path))
        let forSale = (data.string("nav_for_sale"), absolute("\(language)/for-sale/"))
        switch page.kind {
        case .horse:
            return [home, (data.string("nav_horses"), absolute("\(language)/horses/")), here]
        case .animal(let id):
            guard let species = data.animals[id]?.species, let slug = plan.speciesSlugs[species.id] else { return [home, forSale, here] }
            return [home, forSale, (species.commonName, absolute("\(language)/for-sale/species/\(slug)/")), here]
        case .species:
            return [home, forSale, here]
        default:
            return []
        }
    }

    private func alternates() -> [TemplateValue] {
        guard page.kind.isListedHTML else { return [] }
        return plan.languages.compactMap { language in
            page.alternates[language].map { .map(["lang": .string(language), "href": .string(absolute($0))]) }
        }
    }

    private func languageLinks() -> [TemplateValue] {
        guard plan.languages.count > 1 else { return [] }
        return plan.languages.map { language in
            let target = page.alternates[language].map(PlannedPage.urlPath) ?? "\(language)/"
            return .map([
                "code": .string(language), "name": .string(Self.languageNames[language] ?? language),
                "href": .string(target), "current": .bool(language == page.language),
            ])
        }
    }

    /// Every navigation a page of `language` can show, by the entry it marks as current.
    static func navigationTable(language: String, plan: SitePlan, data: LanguageData,
                                markdownTitles: [String: [String: String]]) -> [NavigationCurrent: TemplateValue] {
        var currents: [NavigationCurrent] = [.home, .horses, .forSale, .herd, .none]
        currents += plan.markdownSlugs.keys.map { .markdown($0) }
        var table: [NavigationCurrent: TemplateValue] = [:]
        for current in currents {
            table[current] = .nonEmpty(navigation(language: language, current: current, plan: plan, data: data, markdownTitles: markdownTitles))
        }
        return table
    }

    private static func navigation(language: String, current: NavigationCurrent, plan: SitePlan, data: LanguageData,
                                   markdownTitles: [String: [String: String]]) -> [TemplateValue] {
        var items: [(String, String, Bool)] = [("nav_home", "\(language)/", current == .home)]
        if plan.hasHorses { items.append(("nav_horses", "\(language)/horses/", current == .horses)) }
        if plan.hasAnimals { items.append(("nav_for_sale", "\(language)/for-sale/", current == .forSale)) }
        if plan.hasHerd { items.append(("nav_herd", "\(language)/herd/", current == .herd)) }
        var result = items.map { key, href, isCurrent in
            TemplateValue.map(["label": .string(data.string(key)), "href": .string(href), "current": .bool(isCurrent)])
        }
        for (name, slug) in plan.markdownSlugs.sorted(by: { $0.value < $1.value }) {
            let title = markdownTitles[name]?[language] ?? name
            result.append(.map(["label": .string(title), "href": .string("\(language)/\(slug)/"),
                                "current": .bool(current == .markdown(name))]))
        }
        return result
    }
}
