import Foundation

/// An animal for sale from a Husbandry Pro breeder, normalised from the v1 and v2 variants.
///
/// Husbandry internals (rack, feeder, feeding schedule, supplier) are deliberately not kept.
package struct SaleAnimal: Sendable, Hashable, Codable, Identifiable {
    /// `ids`: Husbandry's UUID.
    package var id: String
    /// `my_id`: the breeder's own reference ("BP-0018").
    package var reference: String?
    package var name: String?
    /// `descriptor`: the morph or description ("Fire Leopard het Clown").
    package var descriptor: String?
    package var species: Species
    package var sex: AnimalSex
    /// `full_dob`.
    package var dateOfBirth: CalendarDate?
    /// `date_acquired`.
    package var dateAcquired: CalendarDate?
    package var maturity: String?
    package var status: String?
    package var isProvenBreeder: Bool
    package var sireGenetics: [Gene]
    package var damGenetics: [Gene]
    package var photos: [String]
    package var tags: [String]
    /// `sale_info.sale_price`; `nil` means price on request.
    package var price: Decimal?
    /// `display_currency` as sent (the currency for display comes from the site config).
    package var displayCurrency: String?
    package var pricingNotes: String?
    package var buyerNotes: String?
    /// Which breeder (v1 user key index or v2 account) this came from, for multi-breeder sites.
    package var breeder: String?

    package init(
        id: String, reference: String? = nil, name: String? = nil, descriptor: String? = nil,
        species: Species, sex: AnimalSex = .unknown, dateOfBirth: CalendarDate? = nil,
        dateAcquired: CalendarDate? = nil, maturity: String? = nil, status: String? = nil,
        isProvenBreeder: Bool = false, sireGenetics: [Gene] = [], damGenetics: [Gene] = [],
        photos: [String] = [], tags: [String] = [], price: Decimal? = nil, displayCurrency: String? = nil,
        pricingNotes: String? = nil, buyerNotes: String? = nil, breeder: String? = nil
    ) {
        self.id = id; self.reference = reference; self.name = name; self.descriptor = descriptor
        self.species = species; self.sex = sex; self.dateOfBirth = dateOfBirth; self.dateAcquired = dateAcquired
        self.maturity = maturity; self.status = status; self.isProvenBreeder = isProvenBreeder
        self.sireGenetics = sireGenetics; self.damGenetics = damGenetics; self.photos = photos; self.tags = tags
        self.price = price; self.displayCurrency = displayCurrency; self.pricingNotes = pricingNotes
        self.buyerNotes = buyerNotes; self.breeder = breeder
    }
}

/// `animal_type`.
package struct Species: Sendable, Hashable, Codable {
    package var id: String
    package var commonName: String
    package var scientificName: String?
    package var pictureURL: String?

    package init(id: String, commonName: String, scientificName: String? = nil, pictureURL: String? = nil) {
        self.id = id; self.commonName = commonName; self.scientificName = scientificName; self.pictureURL = pictureURL
    }
}

/// One gene of a parent's genetics ("Clown", "Recessive").
package struct Gene: Sendable, Hashable, Codable {
    package var name: String
    package var trait: String?
    package init(name: String, trait: String? = nil) { self.name = name; self.trait = trait }
}

/// `sex`: M, F or U.
package enum AnimalSex: String, Sendable, Hashable, Codable {
    case male = "M", female = "F", unknown = "U"
}
