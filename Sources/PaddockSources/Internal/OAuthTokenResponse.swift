import Foundation

/// The token endpoint's answer: `access_token`, `refresh_token` (when one is issued or rotated),
/// `expires_in` (a number or a string; one hour when absent).
struct OAuthTokenResponse: Decodable, Sendable {
    var accessToken: String
    var refreshToken: String?
    var expiresIn: Int

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token", refreshToken = "refresh_token", expiresIn = "expires_in"
        case error, errorDescription = "error_description"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let error = try? c.decode(String.self, forKey: .error) {
            throw CatalogueDecodingError.serviceError(
                message: [error, try? c.decode(String.self, forKey: .errorDescription)].compactMap { $0 }.joined(separator: ": "))
        }
        guard let token = try? c.decode(String.self, forKey: .accessToken), !token.isEmpty else {
            throw CatalogueDecodingError.malformed(detail: "the token answer has no access_token")
        }
        accessToken = token
        refreshToken = (try? c.decode(String.self, forKey: .refreshToken)).flatMap { $0.isEmpty ? nil : $0 }
        if let seconds = try? c.decode(Int.self, forKey: .expiresIn) {
            expiresIn = seconds
        } else if let text = try? c.decode(String.self, forKey: .expiresIn), let seconds = Int(text) {
            expiresIn = seconds
        } else {
            expiresIn = 3600
        }
    }

    @Sendable static func decode(_ body: Data) throws -> OAuthTokenResponse {
        do {
            return try JSONDecoder().decode(OAuthTokenResponse.self, from: body)
        } catch let error as CatalogueDecodingError {
            throw error
        } catch {
            throw CatalogueDecodingError.malformed(detail: "the token answer is not JSON")
        }
    }
}
