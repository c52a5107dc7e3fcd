/// Decodes `T`, or holds `nil` (and the reason) when the element has another shape.
struct Lenient<T: Decodable>: Decodable {
    var value: T?
    var failure: String?
    init(from decoder: any Decoder) throws {
        do {
            value = try T(from: decoder)
        } catch {
            value = nil
            failure = String(describing: error)
        }
    }
}
