import Foundation

/// The demo data's own schema, as `scripts/generate-demo-data.py` writes it. Language-independent;
/// localised words are maps by language code. The wire encoders turn it into each API's variants.
struct DemoHorseFile: Decodable, Sendable {
    var stable: String?
    var sexes: [String: [String: String]]?
    var colors: [String: [String: String]]?
    var horses: [DemoHorse]
}

struct DemoHorse: Decodable, Sendable {
    struct Picture: Decodable, Sendable { var name: String; var module: String; var file: String; var miniature: String }
    struct Video: Decodable, Sendable { var name: String; var module: String; var youtube: String }
    struct Additional: Decodable, Sendable {
        var sku: String
        var breeding_associations: [String]
        var semen_availability: [String]
        var semen_price: String
        var wffs_test_result: String
        var sales_content: [String: String]
    }

    var id: Int
    var name: String
    var official_name: String
    var nick_name: String
    /// ISO `yyyy-MM-dd`.
    var birth_date: String
    /// `HorseGender` raw value.
    var gender: String
    /// A key of the colour table.
    var color: String
    var studbook: String
    /// 0 for foals: not measured.
    var height: Int
    var heightunit: String
    var breeder: String
    var horsetelex: Bool
    var pedigree: [String: String]
    /// Media paths relative to the media folder, or absolute (hostile) URLs.
    var profile: String
    var miniature: String
    var pictures: [Picture]
    var videos: [Video]
    var level: String
    var info: [String: String]
    var additional: Additional
}

struct DemoAnimalFile: Decodable, Sendable {
    var breeders: [DemoBreeder]?
    var species: [DemoSpecies]?
    var animals: [DemoAnimal]
}

struct DemoBreeder: Decodable, Sendable {
    var key: String
    var first_name: String
    var last_name: String
    var email: String
    var business_name: String
}

struct DemoSpecies: Decodable, Sendable {
    var ids: String
    var common_name: String
    var scientific_name: String
    var picture: String
}

struct DemoAnimal: Decodable, Sendable {
    struct GeneEntry: Decodable, Sendable { var name: String; var trait: String }
    struct SaleInfo: Decodable, Sendable { var sale_price: Double?; var pricing_notes: String; var buyer_notes: String }
    struct HoldInfo: Decodable, Sendable { var hold_notes: String; var hold_customer: String }
    struct SoldInfo: Decodable, Sendable { var sold_date: String; var sold_amount: Double; var sold_customer: String; var sold_notes: String }
    struct Feeder: Decodable, Sendable { var ids: String; var name: String; var size: String; var weight: Double; var cost: Double }
    struct Feeding: Decodable, Sendable { var intervals: Int; var notify: Int; var qty: Int; var notification_type: String; var week_days: [String] }
    struct Rack: Decodable, Sendable { var name: String; var row: Int; var column: Int }

    var ids: String
    /// Index into the breeders.
    var breeder: Int
    /// Species `ids`.
    var species: String
    var my_id: String
    var name: String
    var descriptor: String
    var sex: String
    var full_dob: String
    var date_acquired: String
    var maturity: String
    var status: String
    var is_for_sale: Bool
    var is_proven_breeder: Bool
    var sire_genetics: [GeneEntry]
    var dam_genetics: [GeneEntry]
    var sire_id: String
    var dam_id: String
    var source: String
    var photos: [String]
    var tags: [String]
    var notes: String
    var sale_info: SaleInfo?
    var hold_info: HoldInfo?
    var sold_info: SoldInfo?
    var feeder: Feeder
    var feeding: Feeding
    var rack: Rack
    var display_currency: String
}
