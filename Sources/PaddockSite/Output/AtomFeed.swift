import Foundation
import PaddockCatalogue

/// The Atom feed of one language's newly listed animals (newest 50).
enum AtomFeed {
    static let limit = 50

    static func xml(page: PlannedPage, plan: SitePlan, data: LanguageData) -> String {
        let base = plan.config.baseURL
        let language = page.language
        let ids = data.newestAnimals.prefix(limit)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        func stamp(_ date: CalendarDate?) -> String? { date.map { "\($0.description)T00:00:00Z" } }
        let newest = ids.lazy.compactMap { data.animals[$0].flatMap { stamp($0.dateAcquired ?? $0.dateOfBirth) } }.max()
        // From the data, not the fetch time: a refetch of unchanged data leaves the feed's bytes unchanged.
        let updated = newest ?? data.catalogue.fetchedAt.map { formatter.string(from: $0) } ?? "1970-01-01T00:00:00Z"
        let title = "\(plan.config.title) – \(data.string("feed_title"))"
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language)">
        <title>\(XMLText.escape(title))</title>
        <id>\(XMLText.escape(base + page.path))</id>
        <link rel="self" type="application/atom+xml" href="\(XMLText.escape(base + page.path))"/>
        <link rel="alternate" type="text/html" href="\(XMLText.escape(base + "\(language)/for-sale/"))"/>
        <updated>\(updated)</updated>
        <author><name>\(XMLText.escape(plan.config.title))</name></author>

        """
        let cards = data.cards
        for id in ids {
            guard let animal = data.animals[id], let slug = plan.animalSlugs[id] else { continue }
            let url = base + "\(language)/for-sale/\(slug)/"
            let summary = [animal.descriptor, animal.species.commonName, cards.animalSexText(animal.sex), cards.priceText(animal)]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            out += """
            <entry>
            <title>\(XMLText.escape(SitePlan.animalTitle(animal)))</title>
            <id>\(XMLText.escape(url))</id>
            <link rel="alternate" type="text/html" href="\(XMLText.escape(url))"/>
            <updated>\(stamp(animal.dateAcquired ?? animal.dateOfBirth) ?? updated)</updated>
            <summary>\(XMLText.escape(summary))</summary>
            </entry>

            """
        }
        out += "</feed>\n"
        return out
    }
}
