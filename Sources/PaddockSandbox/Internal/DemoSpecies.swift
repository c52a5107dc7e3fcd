import Foundation

struct DemoSpecies: Decodable, Sendable {
    var ids: String
    var common_name: String
    var scientific_name: String
    var picture: String
}
