import Hummingbird
import HTTPTypes

/// What a route sees of a request: parsed query, body and language, and the wire context.
struct RouteInput: Sendable {
    var query: FormFields
    var body: [UInt8]
    var headers: HTTPFields
    var wire: WireContext
    var baseURL: String

    var bodyText: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
}
