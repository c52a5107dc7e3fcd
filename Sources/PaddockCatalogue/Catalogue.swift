import Foundation

/// Everything fetched for one language: the horses of the stable, the animals for sale and the herd.
package struct Catalogue: Sendable, Hashable, Codable {
    /// Language code in lower case (`en`, `fr`, `de`, `nl`).
    package var language: String
    package var horses: [Horse]
    package var animals: [SaleAnimal]
    /// The smaXtec herd, every animal fetched (sold and archived ones too: the site decides what it lists).
    package var herd: [HerdAnimal]
    /// When the newest item of this catalogue was fetched.
    package var fetchedAt: Date?

    package init(language: String, horses: [Horse] = [], animals: [SaleAnimal] = [], herd: [HerdAnimal] = [],
                 fetchedAt: Date? = nil) {
        self.language = language
        self.horses = horses
        self.animals = animals
        self.herd = herd
        self.fetchedAt = fetchedAt
    }

    private enum CodingKeys: String, CodingKey { case language, horses, animals, herd, fetchedAt }

    /// A snapshot written before the herd existed has no `herd`: it reads as an empty one.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        language = try c.decode(String.self, forKey: .language)
        horses = try c.decode([Horse].self, forKey: .horses)
        animals = try c.decode([SaleAnimal].self, forKey: .animals)
        herd = try c.decodeIfPresent([HerdAnimal].self, forKey: .herd) ?? []
        fetchedAt = try c.decodeIfPresent(Date.self, forKey: .fetchedAt)
    }
}
