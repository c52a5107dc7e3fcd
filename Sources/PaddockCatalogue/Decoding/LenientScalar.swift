import Foundation

/// A string, number or boolean array element, as trimmed text (`nil` when empty or another shape).
struct LenientScalar: Decodable {
    var text: String?
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            text = t.isEmpty ? nil : t
        } else if let i = try? c.decode(Int.self) {
            text = String(i)
        } else if let d = try? c.decode(Double.self) {
            text = String(d)
        } else {
            text = nil
        }
    }
}
