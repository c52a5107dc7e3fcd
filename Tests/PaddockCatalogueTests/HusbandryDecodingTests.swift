import Foundation
import Testing
@testable import PaddockCatalogue

/// Husbandry bodies taken from `husbandry-api-v2.txt` and `husbandry-api-v1.txt`.
@Suite struct HusbandryDecodingTests {
    /// The v2 record of the document (not for sale, `fed_week_days` "", numbers as strings), set for sale.
    static func record(id: String, forSale: String = "1", extra: String = "") -> String {
        let base = """
        {"animal_type": {"ids": "1f970cc5", "common_name": "Ball Python", "scientific_name": "Python regius",
          "picture": "https://husbandry.pro/x.png"},
         "dam_genetics": [{"name": "Pinstripe", "trait": "Inc/Dominant"}], "dam_id": "", "date_acquired": "2021-01-14",
         "descriptor": "Fire Leopard het Clown", "display_currency": "1", "fed_notification_type": "1",
         "fed_week_days": "", "feeder": {"ids": "8d39", "name": "FT Feeder Rat", "size": "Weaned", "weight": "70", "cost": "2.20"},
         "feeding_intervals": "7", "feeding_notify": "0", "feeding_qty": "1", "full_dob": "", "ids": "\(id)",
         "is_for_sale": "\(forSale)", "is_proven_breeder": "0", "maturity": "Adult Beast", "my_id": "BP-0018",
         "name": "", "notes": "", "photos": [], "rack": {"name": "ARS", "row": "3", "column": "2"}, "sex": "F",
         "sire_genetics": [{"name": "Leopard", "trait": "Inc/Dominant"}, {"name": "Clown", "trait": "Recessive"}],
         "sire_id": "", "source": "Acquired", "status": "active",
         "supplier_info": {"ids": "3d2a", "first_name": "Khalil", "last_name": "Itani", "email": "k@example.com"},
         "tags": []}
        """
        return extra.isEmpty ? base : merged(base, "{" + extra.dropFirst(1) + "}")
    }

    /// `base` with the keys of `overrides` replaced (JSON objects, as text).
    static func merged(_ base: String, _ overrides: String) -> String {
        var object = try! JSONSerialization.jsonObject(with: Data(base.utf8)) as! [String: Any]
        let extra = try! JSONSerialization.jsonObject(with: Data(overrides.utf8)) as! [String: Any]
        object.merge(extra) { $1 }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func decodesTheV2PageWithTotalAsString() throws {
        let body = "{\"data\": [\(Self.record(id: "a")), \(Self.record(id: "b", forSale: "0"))], \"offset\": 20, \"limit\": 10, \"total\": \"111\"}"
        let page = try SaleAnimalPage(husbandryJSON: Data(body.utf8))
        #expect(page.total == 111)
        #expect(page.offset == 20)
        #expect(page.limit == 10)
        #expect(page.recordCount == 2)
        #expect(page.notForSale == 1)
        let animal = try #require(page.animals.first)
        #expect(animal.id == "a")
        #expect(animal.reference == "BP-0018")
        #expect(animal.name == nil)
        #expect(animal.species == Species(id: "1f970cc5", commonName: "Ball Python", scientificName: "Python regius",
                                          pictureURL: "https://husbandry.pro/x.png"))
        #expect(animal.sex == .female)
        #expect(animal.dateOfBirth == nil)
        #expect(animal.dateAcquired == CalendarDate(year: 2021, month: 1, day: 14))
        #expect(animal.sireGenetics == [Gene(name: "Leopard", trait: "Inc/Dominant"), Gene(name: "Clown", trait: "Recessive")])
        #expect(animal.damGenetics.count == 1)
        #expect(animal.price == nil)
        #expect(animal.isProvenBreeder == false)
    }

    @Test func decodesTheV1RecordWithListsNumbersSaleInfoAndUser() throws {
        let extra = """
        , "fed_week_days": ["sunday", "monday"], "feeding_intervals": 7, "full_dob": "2020-10-20",
        "photos": ["https://husbandry.pro/p.png"], "tags": ["Python", "Royal"], "name": "Royal Python",
        "sale_info": {"sale_price": "249.50", "pricing_notes": "Pair discount", "buyer_notes": "Pickup only"},
        "user": {"first_name": "John", "last_name": "Doe", "email": "j@example.com", "business_name": "Doe Reptiles"},
        "is_proven_breeder": 1
        """
        let body = "{\"data\": [\(Self.record(id: "v1", extra: extra))], \"offset\": 0, \"limit\": 100, \"total\": 50}"
        let page = try SaleAnimalPage(husbandryJSON: Data(body.utf8))
        #expect(page.total == 50)
        let animal = try #require(page.animals.first)
        #expect(animal.name == "Royal Python")
        #expect(animal.dateOfBirth == CalendarDate(year: 2020, month: 10, day: 20))
        #expect(animal.photos == ["https://husbandry.pro/p.png"])
        #expect(animal.tags == ["Python", "Royal"])
        #expect(animal.price == Decimal(string: "249.50"))
        #expect(animal.pricingNotes == "Pair discount")
        #expect(animal.buyerNotes == "Pickup only")
        #expect(animal.breeder == "Doe Reptiles")
        #expect(animal.isProvenBreeder)
    }

    @Test(arguments: ["249.5", "\"249.5\""])
    func readsThePriceAsNumberOrString(price: String) throws {
        let body = "[\(Self.record(id: "p", extra: ", \"sale_info\": {\"sale_price\": \(price)}"))]"
        let page = try SaleAnimalPage(husbandryJSON: Data(body.utf8))
        #expect(page.animals.first?.price == Decimal(string: "249.5"))
        #expect(page.total == 1)
    }

    @Test func keepsRackFeederAndSupplierOutOfTheModel() throws {
        let page = try SaleAnimalPage(husbandryJSON: Data("[\(Self.record(id: "x"))]".utf8))
        let encoded = String(decoding: try JSONEncoder().encode(page.animals), as: UTF8.self)
        for hidden in ["ARS", "Feeder", "Khalil", "k@example.com"] {
            #expect(!encoded.contains(hidden))
        }
    }

    @Test func turnsErrorAnswersIntoServiceErrors() {
        #expect(throws: CatalogueDecodingError.serviceError(message: "Invalid user key")) {
            try SaleAnimalPage(husbandryJSON: Data("{\"status\": false, \"msg\": \"Invalid user key\"}".utf8))
        }
        #expect(throws: CatalogueDecodingError.serviceError(message: "The scope is insufficient")) {
            try SaleAnimalPage(husbandryJSON: Data("{\"error\": \"insufficient_scope\", \"error_description\": \"The scope is insufficient\"}".utf8))
        }
    }

    @Test func rejectsATruncatedPage() {
        #expect(throws: CatalogueDecodingError.self) {
            try SaleAnimalPage(husbandryJSON: Data("{\"data\": [\(Self.record(id: "t"))".utf8))
        }
    }
}
