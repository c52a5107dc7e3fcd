import Foundation

/// The demo data's own schema, as `scripts/generate-demo-data.py` writes it. Language-independent;
/// localised words are maps by language code. The wire encoders turn it into each API's variants.
struct DemoHorseFile: Decodable, Sendable {
    var stable: String?
    var sexes: [String: [String: String]]?
    var colors: [String: [String: String]]?
    var horses: [DemoHorse]
}
