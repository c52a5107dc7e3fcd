import Foundation
import PaddockCatalogue

/// The HTML of a HorseTelex pedigree answer, which comes bare, as a JSON string or in the frame
/// `{"data": "<html>…"}`, or is the services' error frame.
enum PedigreeBody {
    enum Content: Equatable {
        case html(String)
        /// `{"status": false, "msg": …}`: the message.
        case errorFrame(String)
    }

    /// Reads `body`. A body that opens like JSON must be whole JSON: a cut frame is never taken
    /// for HTML.
    /// - Throws: ``CatalogueDecodingError/malformed(detail:)`` for a cut or unknown frame, an empty or non-UTF-8 body.
    static func content(of body: Data) throws -> Content {
        let first = body.first { !Self.isSpace($0) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "\"") {
            if let message = APIErrorFrame.message(in: body) { return .errorFrame(message) }
            guard let frame = try? JSONDecoder().decode(HTMLFrame.self, from: body) else {
                throw CatalogueDecodingError.malformed(detail: "the pedigree's JSON frame is cut short or not {\"data\": \"<html>\"}")
            }
            return .html(frame.html)
        }
        guard let html = String(data: body, encoding: .utf8), !html.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw CatalogueDecodingError.malformed(detail: "the pedigree HTML is empty or not UTF-8")
        }
        return .html(html)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The HTML sent as a JSON string or in `{"data": "<html>…"}`.
    private struct HTMLFrame: Decodable {
        var html: String
        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                html = text
            } else {
                html = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .data)
            }
        }
        enum CodingKeys: String, CodingKey { case data }
    }
}
