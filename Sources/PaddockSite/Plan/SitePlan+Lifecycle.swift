import PaddockCatalogue
import PaddockHistory

extension SitePlan {
    /// The path of an item's page (`en/horses/arko/index.html`).
    package static func itemPath(_ language: String, _ kind: ItemKind, slug: String) -> String {
        "\(language)/\(kind.folder)\(slug)/index.html"
    }

    /// The site path of the sold archive of a language.
    package static func soldArchivePath(_ language: String) -> String { "\(language)/sold/index.html" }

    /// The current slug of an item (listed or retired).
    package func slug(_ kind: ItemKind, _ id: String) -> String? {
        switch kind {
        case .horse: horseSlugs[id]
        case .animal: animalSlugs[id]
        case .herdAnimal: herd.slugs[id]
        }
    }

    /// The ids of the items of `kind` gone from the catalogue of `language`, as the lifecycle knows them.
    static func goneIDs(_ kind: ItemKind, _ language: String, lifecycle: SiteLifecycle) -> [String] {
        switch kind {
        case .horse: Array((lifecycle.goneHorses[language] ?? [:]).keys)
        case .animal: Array((lifecycle.goneAnimals[language] ?? [:]).keys)
        case .herdAnimal: Array((lifecycle.goneHerd[language] ?? [:]).keys)
        }
    }

    /// Whether `language`'s catalogue lists the item (its live page is planned).
    func lists(_ kind: ItemKind, _ id: String, language: String) -> Bool {
        guard let catalogue = catalogues[language] else { return false }
        switch kind {
        case .horse: return catalogue.horses.contains { $0.id == id }
        case .animal: return catalogue.animals.contains { $0.id == id }
        case .herdAnimal: return catalogue.herd.contains { $0.id == id && $0.isListed }
        }
    }

    /// The sold pages of items gone from the catalogue whose pages still stand, and the archive.
    func planRetired(_ language: String, lifecycle: SiteLifecycle, into builder: inout PlanBuilder) {
        for kind in ItemKind.allCases {
            for id in SlugAllocator.sortedIDs(Self.goneIDs(kind, language, lifecycle: lifecycle)) where lifecycle.isRetired(kind, id) {
                // Listed again in this language's catalogue: its live page is planned already.
                if lists(kind, id, language: language) { continue }
                guard let slug = slug(kind, id) else { continue }
                builder.add(key: "\(kind.rawValue)/\(id)", path: Self.itemPath(language, kind, slug: slug), language: language,
                            kind: .sold(kind, id: id))
            }
        }
        if lifecycle.settings.soldArchive {
            builder.add(key: "sold", path: Self.soldArchivePath(language), language: language, kind: .soldArchive)
        }
    }

    /// Every address published before that this build has no page at: a redirect to where its
    /// item or section is now, or the "no longer available" page of its item; then the redirect
    /// files for servers.
    func planPublishedAddresses(_ lifecycle: SiteLifecycle, into builder: inout PlanBuilder) {
        let live = Set(builder.entries.map(\.page.path))
        for url in lifecycle.history.urls.values.sorted(by: { $0.path < $1.path }) where !live.contains(url.path) {
            let known = languages.contains(url.language)
            if let item = url.item, let kind = ItemKind(rawValue: item.kind), known {
                if let slug = slug(kind, item.id), live.contains(Self.itemPath(url.language, kind, slug: slug)) {
                    builder.add(key: "moved/\(url.path)", path: url.path, language: url.language,
                                kind: .moved(to: Self.itemPath(url.language, kind, slug: slug)))
                } else {
                    builder.add(key: "gone/\(url.path)", path: url.path, language: url.language, kind: .gone(kind, id: item.id))
                }
            } else {
                builder.add(key: "moved/\(url.path)", path: url.path, language: known ? url.language : languages[0],
                            kind: .moved(to: Self.nearestLiveAncestor(of: url.path, live: live)))
            }
        }
        builder.add(key: "_redirects", path: "_redirects", language: languages[0], kind: .redirectsFile)
        builder.add(key: "redirects.map", path: "redirects.map", language: languages[0], kind: .nginxRedirectMap)
    }

    /// The closest folder above `path` with a live page (`en/horses/studbook/x/page/3/index.html`
    /// → `en/horses/studbook/x/index.html`, else `en/horses/index.html`, …, else `index.html`).
    static func nearestLiveAncestor(of path: String, live: Set<String>) -> String {
        var parts = path.split(separator: "/").dropLast().map(String.init)
        while !parts.isEmpty {
            parts.removeLast()
            let candidate = parts.isEmpty ? "index.html" : parts.joined(separator: "/") + "/index.html"
            if live.contains(candidate) { return candidate }
        }
        return "index.html"
    }

    /// Redirects of this plan: published address → its new site path.
    package var redirects: [(from: String, to: String)] {
        pages.compactMap { page in
            if case .moved(let target) = page.kind { return (page.path, target) }
            return nil
        }
    }
}
