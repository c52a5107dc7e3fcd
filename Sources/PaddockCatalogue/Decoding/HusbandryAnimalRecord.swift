import Foundation

/// One animal as Husbandry Pro v1 or v2 sends it. Only what a buyer sees is read: the rack, feeder,
/// feeding schedule (`fed_week_days` as "" or a list), supplier and notes are never decoded, so
/// their drift cannot break a fetch. `sale_info` may be present or absent; numbers may be strings.
struct HusbandryAnimalRecord: Decodable {
    var animal: SaleAnimal
    /// Whether the record is for sale: its `is_for_sale` flag and its `status` (see ``SaleAnimal/isOffered(flag:status:)``).
    var isForSale: Bool
    /// What was refused on the way, naming the animal (a price that cannot be read).
    var warnings: [String] = []

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        guard let id = c.lenientString("ids", "id") else {
            throw CatalogueDecodingError.malformed(detail: "an animal has no \"ids\"")
        }
        let sale = c.lenientObject("sale_info")
        let price: Decimal?
        switch sale?.lenientPrice("sale_price", "price") ?? c.lenientPrice("sale_price") {
        case .amount(let amount): price = amount
        case .onRequest, nil: price = nil
        case .refused(let reason):
            price = nil
            let label = [c.lenientString("my_id"), c.lenientString("name")].compactMap { $0 }.joined(separator: " ")
            warnings.append("animal \(label.isEmpty ? id : label) (ids \(id)): its price is \(reason); shown as price on request")
        }
        animal = SaleAnimal(
            id: id,
            reference: c.lenientString("my_id"),
            name: c.lenientString("name"),
            descriptor: c.lenientString("descriptor"),
            species: HusbandryAnimalRecord.species(in: c.lenientObject("animal_type")),
            sex: AnimalSex(apiText: c.lenientString("sex")),
            dateOfBirth: c.lenientString("full_dob", "dob").flatMap(CalendarDate.init(apiText:)),
            dateAcquired: c.lenientString("date_acquired").flatMap(CalendarDate.init(apiText:)),
            maturity: c.lenientString("maturity"),
            status: c.lenientString("status"),
            isProvenBreeder: c.lenientBool("is_proven_breeder") ?? false,
            sireGenetics: c.lenientArray(GeneRecord.self, "sire_genetics").map(\.gene),
            damGenetics: c.lenientArray(GeneRecord.self, "dam_genetics").map(\.gene),
            photos: c.lenientStrings("photos"),
            tags: c.lenientStrings("tags"),
            price: price,
            displayCurrency: c.lenientString("display_currency"),
            pricingNotes: sale?.lenientString("pricing_notes") ?? c.lenientString("pricing_notes"),
            buyerNotes: sale?.lenientString("buyer_notes") ?? c.lenientString("buyer_notes"),
            breeder: HusbandryAnimalRecord.breeder(in: c.lenientObject("user"))
        )
        isForSale = SaleAnimal.isOffered(flag: c.lenientBool("is_for_sale"), status: animal.status)
    }

    static func species(in c: KeyedDecodingContainer<AnyCodingKey>?) -> Species {
        guard let c, let name = c.lenientString("common_name", "name") else {
            return Species(id: "unknown", commonName: "Other")
        }
        return Species(
            id: c.lenientString("ids", "id") ?? name, commonName: name,
            scientificName: c.lenientString("scientific_name"), pictureURL: c.lenientString("picture")
        )
    }

    /// v1's `user` object: the business name, else first and last name.
    static func breeder(in c: KeyedDecodingContainer<AnyCodingKey>?) -> String? {
        guard let c else { return nil }
        if let business = c.lenientString("business_name") { return business }
        let person = [c.lenientString("first_name"), c.lenientString("last_name")].compactMap { $0 }
        return person.isEmpty ? nil : person.joined(separator: " ")
    }
}
