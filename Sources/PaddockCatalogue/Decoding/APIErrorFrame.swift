import Foundation

/// The services' error frame, `{"status": false, "msg": …}`.
package enum APIErrorFrame {
    /// The frame's `msg` when `data` is one (bodies of failed HTTP answers too); `nil` otherwise.
    package static func message(in data: Data) -> String? {
        struct Frame: Decodable {
            var message: String?
            init(from decoder: any Decoder) throws {
                message = (try? decoder.container(keyedBy: AnyCodingKey.self)).flatMap(APIEnvelope<Frame>.errorMessage)
            }
        }
        return (try? JSONDecoder().decode(Frame.self, from: data))?.message
    }
}
