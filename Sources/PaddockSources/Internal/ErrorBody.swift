import Foundation

/// Reads the message out of an error answer: Equicty's `{"status": false, "msg"}` frame, OAuth's
/// `{"error", "error_description"}`, or a short plain-text body.
enum ErrorBody {
    static func message(in body: Data) -> String? {
        if let message = APIErrorFrame.message(in: body) { return message }
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            let description = object["error_description"] as? String
            let error = object["error"] as? String ?? object["message"] as? String ?? object["msg"] as? String
            return [error, description].compactMap { $0 }.joined(separator: ": ").nilIfEmpty
        }
        guard body.count <= 200, let text = String(data: body, encoding: .utf8)?
            .trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, !text.hasPrefix("<") else { return nil }
        return text
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
