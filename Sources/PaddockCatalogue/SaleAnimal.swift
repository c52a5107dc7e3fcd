import Foundation

/// An animal for sale from a Husbandry Pro breeder, normalised from the v1 and v2 variants.
///
/// Husbandry internals (rack, feeder, feeding schedule, supplier) are deliberately not kept.
public struct SaleAnimal: Sendable, Hashable, Codable, Identifiable {
    /// `ids`: Husbandry's UUID.
    public var id: String
    /// `my_id`: the breeder's own reference ("BP-0018").
    public var reference: String?
    public var name: String?
    /// `descriptor`: the morph or description ("Fire Leopard het Clown").
    public var descriptor: String?
    public var species: Species
    public var sex: AnimalSex
    /// `full_dob`.
    public var dateOfBirth: CalendarDate?
    /// `date_acquired`.
    public var dateAcquired: CalendarDate?
    public var maturity: String?
    public var status: String?
    public var isProvenBreeder: Bool
    public var sireGenetics: [Gene]
    public var damGenetics: [Gene]
    public var photos: [String]
    public var tags: [String]
    /// `sale_info.sale_price`; `nil` means price on request.
    public var price: Decimal?
    /// `display_currency` as sent (the currency for display comes from the site config).
    public var displayCurrency: String?
    public var pricingNotes: String?
    public var buyerNotes: String?
    /// Which breeder (v1 user key index or v2 account) this came from, for multi-breeder sites.
    public var breeder: String?

    public init(
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
public struct Species: Sendable, Hashable, Codable {
    public var id: String
    public var commonName: String
    public var scientificName: String?
    public var pictureURL: String?

    public init(id: String, commonName: String, scientificName: String? = nil, pictureURL: String? = nil) {
        self.id = id; self.commonName = commonName; self.scientificName = scientificName; self.pictureURL = pictureURL
    }
}

/// One gene of a parent's genetics ("Clown", "Recessive").
public struct Gene: Sendable, Hashable, Codable {
    public var name: String
    public var trait: String?
    public init(name: String, trait: String? = nil) { self.name = name; self.trait = trait }
}

/// `sex`: M, F or U.
public enum AnimalSex: String, Sendable, Hashable, Codable {
    case male = "M", female = "F", unknown = "U"
}
