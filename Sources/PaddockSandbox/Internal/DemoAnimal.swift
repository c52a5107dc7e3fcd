import Foundation

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
