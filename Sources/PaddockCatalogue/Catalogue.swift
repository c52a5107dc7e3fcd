import Foundation

/// Everything fetched for one language: the horses of the stable and the animals for sale.
package struct Catalogue: Sendable, Hashable, Codable {
    /// Language code in lower case (`en`, `fr`, `de`, `nl`).
    package var language: String
    package var horses: [Horse]
    package var animals: [SaleAnimal]
    /// When the newest item of this catalogue was fetched.
    package var fetchedAt: Date?

    package init(language: String, horses: [Horse] = [], animals: [SaleAnimal] = [], fetchedAt: Date? = nil) {
        self.language = language
        self.horses = horses
        self.animals = animals
        self.fetchedAt = fetchedAt
    }
}
