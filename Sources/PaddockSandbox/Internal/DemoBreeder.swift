import Foundation

struct DemoBreeder: Decodable, Sendable {
    var key: String
    var first_name: String
    var last_name: String
    var email: String
    var business_name: String
}
