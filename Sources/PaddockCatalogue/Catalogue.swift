import Foundation

/// Everything fetched for one language: the horses of the stable and the animals for sale.
public struct Catalogue: Sendable, Hashable, Codable {
    /// Language code in lower case (`en`, `fr`, `de`, `nl`).
    public var language: String
    public var horses: [Horse]
    public var animals: [SaleAnimal]
    /// When the newest item of this catalogue was fetched.
    public var fetchedAt: Date?

    public init(language: String, horses: [Horse] = [], animals: [SaleAnimal] = [], fetchedAt: Date? = nil) {
        self.language = language
        self.horses = horses
        self.animals = animals
        self.fetchedAt = fetchedAt
    }
}
