import Foundation

/// A body that may come bare or wrapped as `{"data": …}`, or be the error frame
/// `{"status": false, "msg": …}` (which throws ``CatalogueDecodingError/serviceError(message:)``).
struct APIEnvelope<Payload: Decodable>: Decodable {
    var payload: Payload

    init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyCodingKey.self) {
            if let message = APIEnvelope.errorMessage(in: keyed) {
                throw CatalogueDecodingError.serviceError(message: message)
            }
            let data = AnyCodingKey("data")
            if keyed.contains(data), (try? keyed.decodeNil(forKey: data)) == false,
               (try? keyed.nestedContainer(keyedBy: AnyCodingKey.self, forKey: data)) != nil
                || (try? keyed.nestedUnkeyedContainer(forKey: data)) != nil {
                payload = try keyed.decode(Payload.self, forKey: data)
                return
            }
        }
        payload = try Payload(from: decoder)
    }

    /// `msg` of an error frame: `status` false (or 0, "false") with a `msg`, and no `data`.
    static func errorMessage(in keyed: KeyedDecodingContainer<AnyCodingKey>) -> String? {
        guard keyed.lenientBool("status") == false, !keyed.contains(AnyCodingKey("data")) else { return nil }
        return keyed.lenientString("msg", "message") ?? "no message"
    }
}

/// Decoding entry points shared by the Equicty and Husbandry decoders.
enum APIBody {
    /// Decodes `Payload` from a body, mapping JSON syntax and shape errors to ``CatalogueDecodingError``.
    /// With `enveloped`, a `{"data": …}` wrapper is taken off first; without, `Payload` reads the whole body.
    static func decode<Payload: Decodable>(_ type: Payload.Type, from data: Data, enveloped: Bool = true) throws -> Payload {
        do {
            if enveloped {
                return try JSONDecoder().decode(APIEnvelope<Payload>.self, from: data).payload
            }
            return try JSONDecoder().decode(Payload.self, from: data)
        } catch let error as CatalogueDecodingError {
            throw error
        } catch DecodingError.dataCorrupted(let context) {
            throw CatalogueDecodingError.malformed(detail: "invalid JSON (\(context.debugDescription))")
        } catch let error as DecodingError {
            throw CatalogueDecodingError.malformed(detail: APIBody.describe(error))
        } catch {
            throw CatalogueDecodingError.malformed(detail: String(describing: error))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let p = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "at the top level" : "at \(p)"
        }
        switch error {
        case .typeMismatch(let type, let context): return "expected \(type) \(path(context))"
        case .valueNotFound(let type, let context): return "missing \(type) \(path(context))"
        case .keyNotFound(let key, let context): return "missing key \"\(key.stringValue)\" \(path(context))"
        case .dataCorrupted(let context): return "\(context.debugDescription) \(path(context))"
        @unknown default: return String(describing: error)
        }
    }
}
