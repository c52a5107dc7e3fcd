import Foundation

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
