import Foundation

/// A lenient look into a JSON object body (`{"gender": "MARE"}`, colours, token requests as JSON).
struct JSONBody {
    private let object: [String: Any]

    init?(_ bytes: [UInt8]) {
        guard !bytes.isEmpty,
              let value = try? JSONSerialization.jsonObject(with: Data(bytes)),
              let object = value as? [String: Any] else { return nil }
        self.object = object
    }

    /// The value as a string (numbers are turned into strings); `nil` when absent or null.
    func string(_ key: String) -> String? {
        switch object[key] {
        case let s as String: s
        case let n as NSNumber: n.stringValue
        default: nil
        }
    }

    func has(_ key: String) -> Bool { object[key] != nil }
}
