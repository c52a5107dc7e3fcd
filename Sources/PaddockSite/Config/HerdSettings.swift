/// What the site shows of the smaXtec herd (`[sources.smaxtec]` in `paddock.toml`).
package struct HerdSettings: Sendable, Equatable {
    /// The tags that put an animal among the animals for sale (compared without case).
    package static let defaultSaleTags = ["for_sale", "for-sale", "forsale", "for sale"]

    /// Keep the ear tag (`official_id`) off every page, feed and JSON-LD (`hide_ear_tag`, default false).
    package var hideEarTag: Bool
    /// Show each animal's inseminations, pregnancy results, calvings and aborts (`publish_reproduction`, default false).
    package var publishReproduction: Bool
    /// `for_sale_tags`: tags that list an animal for sale beside the Husbandry animals.
    package var saleTags: [String]

    package init(hideEarTag: Bool = false, publishReproduction: Bool = false, saleTags: [String] = HerdSettings.defaultSaleTags) {
        self.hideEarTag = hideEarTag; self.publishReproduction = publishReproduction; self.saleTags = saleTags
    }
}
