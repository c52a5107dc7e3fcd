import PaddockCatalogue

/// What a planned page shows; the renderer picks the template and context from it.
package enum PageKind: Sendable, Hashable {
    /// The root `index.html` that sends visitors to the default language.
    case languageRedirect
    /// A language's home page.
    case home
    /// One page of a horse listing (1-based `page` of `pageCount`).
    case horses(filter: HorseFilter, page: Int, pageCount: Int)
    /// One horse, by Equicty id.
    case horse(id: String)
    /// The animals for sale, grouped by species.
    case forSale
    /// One page of the animals of one species (by species id).
    case species(id: String, page: Int, pageCount: Int)
    /// One animal for sale, by Husbandry id.
    case animal(id: String)
    /// One page of a herd listing (smaXtec).
    case herd(filter: HerdFilter, page: Int, pageCount: Int)
    /// One animal of the herd, by herd animal id (`<organisation>/<official_id>`).
    case herdAnimal(id: String)
    /// A Markdown page of the site's `pages/` folder, by base name (`about`).
    case markdown(name: String)
    /// The 404 page.
    case notFound
    /// The Atom feed of newly listed animals of one language.
    case feed
    case sitemap
    case robots
    /// The page of an item that left its catalogue (sold, withdrawn), kept for a while, marked sold.
    case sold(ItemKind, id: String)
    /// An address of an item gone for longer than its sold page stays: "no longer available".
    case gone(ItemKind, id: String)
    /// An address published before that now redirects to a site path (`en/horses/`).
    case moved(to: String)
    /// The archive of sold items whose pages still stand.
    case soldArchive
    /// The redirects for Netlify and Cloudflare Pages (`_redirects`) and as an nginx `map` include.
    case redirectsFile
    case nginxRedirectMap

    /// The template that renders this kind, or `nil` for files the renderer writes itself.
    package var template: String? {
        switch self {
        case .languageRedirect: "redirect"
        case .home: "home"
        case .horses: "horses"
        case .horse: "horse"
        case .forSale: "for-sale"
        case .species: "species"
        case .animal: "animal"
        case .herd: "herd"
        case .herdAnimal: "herd-animal"
        case .markdown: "page"
        case .notFound: "404"
        case .sold(let kind, _): kind.template
        case .gone: "gone"
        case .moved: "moved"
        case .soldArchive: "sold"
        case .feed, .sitemap, .robots, .redirectsFile, .nginxRedirectMap: nil
        }
    }

    /// A file listing every page of the site (`sitemap.xml`, 1.6 MB for 21,000 pages): rendered
    /// first, so that it does not finish alone after the rest.
    var listsWholeSite: Bool {
        if case .sitemap = self { return true }
        return false
    }

    /// HTML pages get head links, alternates and a place in the sitemap.
    var isListedHTML: Bool {
        switch self {
        case .languageRedirect, .notFound, .feed, .sitemap, .robots, .gone, .moved, .redirectsFile, .nginxRedirectMap: false
        default: true
        }
    }

    /// Pages of `sitemap.xml`: the live ones (no sold, gone or moved address).
    var isInSitemap: Bool {
        if case .sold = self { return false }
        return isListedHTML
    }
}

/// Which horses a listing shows.
package enum HorseFilter: Sendable, Hashable {
    case all
    case gender(HorseGender)
    /// By studbook slug (see ``SitePlan/studbooks``).
    case studbook(String)
}
